// A mechanism's name is what a user picks from in the plan editor and reads in an export's step
// heading, so every translation names every mechanism in its own language; a name left in Latin
// letters is an organisation's own name kept as it is (as the Indonesian file keeps it too). That
// exports name them without asking the identity check's questions is tested in
// tests/core/plans/mechanism-names-export.test.ts.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const KB = path.resolve('resources/kb');
const english = JSON.parse(fs.readFileSync(path.join(KB, 'mechanisms.json'), 'utf8')) as Array<{ id: string; name: string }>;
const LANGUAGES = fs.readdirSync(path.join(KB, 'translations'));
const namesIn = (code: string): Record<string, string | undefined> => {
  const file = JSON.parse(fs.readFileSync(path.join(KB, 'translations', code, 'mechanisms.json'), 'utf8')) as { mechanisms: Record<string, { name?: string }> };
  return Object.fromEntries(Object.entries(file.mechanisms).map(([id, entry]) => [id, entry.name]));
};
/** The scripts that are not Latin: Thai, Burmese and Khmer names are written in them. */
const OWN_SCRIPT: Record<string, RegExp> = { th: /\p{Script=Thai}/u, my: /\p{Script=Myanmar}/u, km: /\p{Script=Khmer}/u };

describe('mechanism names in every translation', () => {
  it('covers the seven translation languages', () => {
    expect(LANGUAGES.sort()).toEqual(['id', 'km', 'my', 'th', 'vi', 'zh-Hans', 'zh-Hant']);
  });

  it.each(LANGUAGES)('%s names every mechanism', (code) => {
    const names = namesIn(code);
    expect(english.filter((m) => !names[m.id]?.trim()).map((m) => m.id)).toEqual([]);
  });

  it.each(Object.keys(OWN_SCRIPT))('%s writes each name in its script, unless it is an organisation\'s own name kept as Indonesian keeps it', (code) => {
    const names = namesIn(code);
    const indonesian = namesIn('id');
    const untranslated = english.filter((m) => !OWN_SCRIPT[code]!.test(names[m.id]!) && names[m.id] !== indonesian[m.id]).map((m) => `${m.id}: ${names[m.id]}`);
    expect(untranslated).toEqual([]);
    // Most of them are translated; only a handful of network and event names stay as they are.
    expect(english.filter((m) => OWN_SCRIPT[code]!.test(names[m.id]!)).length).toBeGreaterThanOrEqual(36);
  });
});
