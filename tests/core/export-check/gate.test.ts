// The gate on its own, with the real identity engine over a real (in-memory) vault database: a
// replacement that cannot reach every occurrence refuses the export instead of leaving the name in.
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { checkedExporter } from '../../../electron/core/export-check/checked-exporter';
import { IdentityGate } from '../../../electron/core/export-check/gate';
import type { ExportDocument } from '../../../electron/core/exports/document';
import { exportRenderer } from '../../../electron/core/exports/render';
import { PeopleService } from '../../../electron/core/identity/service';
import { migrate, migrations } from '../../../electron/core/vault/migrations';
import type { VaultDatabase } from '../../../electron/core/vault/open';

const NAME = 'Nguyễn Văn Minh';

function exporter() {
  const db = new Database(':memory:') as unknown as VaultDatabase;
  migrate(db, migrations);
  const database = () => db;
  const gate = new IdentityGate({ database, engine: new PeopleService({ database }), now: () => new Date('2026-12-01T10:00:00Z') });
  return checkedExporter(exportRenderer(undefined), gate);
}

const doc = (parts: ExportDocument['blocks']): ExportDocument => ({ title: 'Notes', subtitle: 'Export', generatedAt: '2026-12-01T10:00:00.000Z', blocks: parts });
const subject = { kind: 'plan', id: '6f0c1a9e-4a44-4f3b-9c1e-0d8c4d2b9a11' };

describe('the identity gate', () => {
  it('replaces a name wherever it is whole, and refuses when a replacement cannot reach an occurrence', async () => {
    const checked = exporter();
    const whole = { doc: doc([{ kind: 'paragraph', parts: [{ text: `My editor ${NAME} called me.` }] }]), descriptiveName: null };
    const review = checked.review(subject, whole);
    const flag = review.flags.find((f) => f.matched === NAME)!;
    expect(flag).toMatchObject({ kind: 'name', suggestion: '[Person A]' });
    const identity = { decisions: [{ key: flag.key, action: 'replace' as const, replacement: '[Person A]' }], acknowledge: false };
    const file = await checked.render(subject, whole, 'markdown', identity);
    expect(Buffer.from(file.data, 'base64').toString('utf8')).toContain('My editor \\[Person A\\] called me.');

    // The same name split across bold and plain text: flagged in the paragraph, not replaceable in either part.
    const split = { doc: doc([{ kind: 'paragraph', parts: [{ text: 'My editor Nguyễn', bold: true }, { text: ' Văn Minh called me.' }] }]), descriptiveName: null };
    expect(checked.review(subject, split).flags.some((f) => f.key === flag.key)).toBe(true);
    await expect(checked.render(subject, split, 'markdown', identity)).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/could not be replaced everywhere.*Nothing was exported\./) });
  });
});
