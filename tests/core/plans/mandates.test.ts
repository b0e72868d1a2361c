// Each Special Procedures mandate a step can address points at its directory entry, where the
// directory has one.
import fs from 'node:fs';
import { expect, it } from 'vitest';
import { MANDATE_MECHANISMS } from '@shared/api/plans';

const ids = new Set((JSON.parse(fs.readFileSync('resources/kb/mechanisms.json', 'utf8')) as Array<{ id: string }>).map((m) => m.id));

it('links every mandate to an existing directory entry, or to none', () => {
  for (const [mandate, id] of Object.entries(MANDATE_MECHANISMS)) if (id) expect(ids, mandate).toContain(id);
});
