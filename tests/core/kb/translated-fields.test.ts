// The rest of a directory entry and the OECD NCP notes in the reader's language: compiled from the
// real sources into a real kb.sqlite and read back as the app does. A translation that does not
// stand item by item beside the English stops the build with a line naming the file, the entry and
// the field; a field a translation leaves out is shown in English and named as such.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileKb } from '../../../electron/core/kb/compile/compile-kb';
import { KbService } from '../../../electron/core/kb/service';
import { tempDir } from '../../helpers/temp';
import { buildProblems } from '../../unit/kb/built-kb';

const SOURCES = path.resolve('resources/kb');

type Json = Record<string, unknown>;
type MechanismEntry = { timing?: string; unverified?: string[]; datedFacts?: Array<{ text: string; lapsed?: string }>; [field: string]: unknown };

/** A copy of the real sources to break on purpose. */
function copyOfSources(): string {
  const dir = tempDir('kb-fields-');
  fs.cpSync(SOURCES, dir, { recursive: true });
  return dir;
}

const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(file, 'utf8')) as T;
const rewrite = <T>(file: string, change: (data: T) => void) => {
  const data = readJson<T>(file);
  change(data);
  fs.writeFileSync(file, JSON.stringify(data, null, 2));
};
const mechanismsOf = (dir: string, language: string) => path.join(dir, 'translations', language, 'mechanisms.json');
const ncpsOf = (dir: string, language: string) => path.join(dir, 'translations', language, 'ncps.json');

function build(dir: string): KbService {
  const out = tempDir('kb-fields-out-');
  compileKb(dir, out);
  return new KbService(out);
}


describe('the directory in the reader\'s language, as it ships', () => {
  let kb: KbService;
  beforeAll(() => {
    kb = build(SOURCES);
  });

  for (const language of ['th', 'my']) {
    it(`gives every ${language} entry each translated field, with nothing left in English`, () => {
      for (const { id } of kb.listMechanisms()) {
        const english = kb.getMechanism(id);
        const translated = kb.getMechanism(id, language);
        expect(translated.translation, id).toEqual({ language, reviewed: false, outdated: false });
        // An organisation's own name is kept as it is, in English, and only says so by its language.
        expect(translated.inEnglish, id).toEqual(translated.name === english.name ? ['name'] : []);
        for (const field of ['scope', 'whoCanUse', 'timing'] as const) expect(translated[field], `${id}.${field}`).not.toBe(english[field]);
        expect(translated.unverified).toHaveLength(english.unverified.length);
        translated.unverified.forEach((note, i) => expect(note, `${id}.unverified[${i}]`).not.toBe(english.unverified[i]));
        // Only the words change: each fact keeps its dates, so it lapses on the English day, in the reader's words.
        expect(translated.datedFacts.map(({ asOf, until }) => ({ asOf, until }))).toEqual(english.datedFacts.map(({ asOf, until }) => ({ asOf, until })));
        translated.datedFacts.forEach((fact, i) => {
          expect(fact.text, `${id}.datedFacts[${i}]`).not.toBe(english.datedFacts[i]!.text);
          expect(fact.lapsed === null, `${id}.datedFacts[${i}].lapsed`).toBe(english.datedFacts[i]!.lapsed === null);
          if (fact.lapsed !== null) expect(fact.lapsed).not.toBe(english.datedFacts[i]!.lapsed);
        });
      }
    });
  }

  it('lists the directory\'s cards in the language, with nothing left in English', () => {
    const english = new Map(kb.listMechanisms().map((m) => [m.id, m]));
    for (const language of ['th', 'my']) {
      for (const card of kb.listMechanisms(language)) {
        const entry = kb.getMechanism(card.id, language);
        expect(card).toMatchObject({ name: entry.name, summary: entry.summary, scope: entry.scope, exposure: entry.exposure, inEnglish: entry.inEnglish });
        expect(card.translation).toEqual({ language, reviewed: false, outdated: false });
        expect(card.summary).not.toBe(english.get(card.id)!.summary);
      }
    }
    expect([...english.values()].every((card) => card.translation === null && card.inEnglish.length === 0)).toBe(true);
  });

  it('keeps English itself unmarked', () => {
    expect(kb.getMechanism('sr-myanmar').inEnglish).toEqual([]);
    expect(kb.getMechanism('sr-myanmar').translation).toBeNull();
  });

  it('has the OECD NCP notes of every language that ships them, for every NCP the English has notes on', () => {
    for (const language of ['vi', 'id', 'zh-Hans', 'zh-Hant', 'th', 'my', 'km']) {
      const notes = kb.ncpTranslation(language);
      expect(notes, language).toMatchObject({ language, reviewed: false, outdated: false });
      expect(notes!.general).toHaveLength(4);
      expect(Object.keys(notes!.ncps).sort()).toEqual(['AU', 'GB', 'IE', 'JP', 'KR', 'NL', 'NO', 'NZ', 'US']);
    }
    expect(kb.ncpTranslation('en')).toBeNull();
  });
});

describe('a field a translation leaves out', () => {
  it('is shown in English and named, while the fields it does translate stay translated', () => {
    const dir = copyOfSources();
    rewrite<{ mechanisms: Record<string, MechanismEntry> }>(mechanismsOf(dir, 'km'), (data) => {
      delete data.mechanisms.upr!.timing;
    });
    const kb = build(dir);
    const english = kb.getMechanism('upr');
    const khmer = kb.getMechanism('upr', 'km');
    expect(khmer.inEnglish).toEqual(['timing']);
    expect(khmer.timing).toBe(english.timing);
    expect(khmer.whoCanUse).not.toBe(english.whoCanUse);
    expect(khmer.scope).not.toBe(english.scope);
    // Every other Khmer entry is untouched.
    expect(kb.getMechanism('sr-myanmar', 'km').inEnglish).toEqual([]);
  });

  it('names each of the fields a language lacks altogether, and only those the entry shows', () => {
    const dir = copyOfSources();
    rewrite<{ mechanisms: Record<string, MechanismEntry> }>(mechanismsOf(dir, 'th'), (data) => {
      for (const entry of Object.values(data.mechanisms)) for (const field of ['scope', 'whoCanUse', 'timing', 'unverified', 'datedFacts']) delete entry[field];
    });
    const kb = build(dir);
    expect(kb.getMechanism('sr-myanmar', 'th').inEnglish).toEqual(['scope', 'whoCanUse', 'timing', 'datedFacts', 'unverified']);
    // The directory's card shows the scope in English too, and says so.
    expect(kb.listMechanisms('th').find((m) => m.id === 'sr-myanmar')).toMatchObject({ scope: kb.getMechanism('sr-myanmar').scope, inEnglish: ['scope'] });
    // An entry with no dated facts has none to show in English.
    const undated = kb.listMechanisms().find((m) => kb.getMechanism(m.id).datedFacts.length === 0)!;
    expect(kb.getMechanism(undated.id, 'th').inEnglish).not.toContain('datedFacts');
  });
});

describe('a broken translation is refused with a line naming the file, the entry and the field', () => {
  const TH = 'translations/th/mechanisms.json';
  const VI_NCPS = 'translations/vi/ncps.json';

  it('refuses unverified notes that do not match the English one for one', () => {
    const dir = copyOfSources();
    const n = readJson<Array<{ id: string; unverified: string[] }>>(path.join(dir, 'mechanisms.json')).find((m) => m.id === 'upr')!.unverified.length;
    rewrite<{ mechanisms: Record<string, MechanismEntry> }>(mechanismsOf(dir, 'th'), (data) => {
      data.mechanisms.upr!.unverified!.pop();
    });
    expect(buildProblems(dir)).toEqual([`${TH}: upr: has ${n - 1} unverified notes but the English has ${n}; translate each note, in order.`]);
  });

  it('refuses dated facts of another number, and a lapsed sentence where the English has none or lacks one', () => {
    const dir = copyOfSources();
    rewrite<{ mechanisms: Record<string, MechanismEntry> }>(mechanismsOf(dir, 'th'), (data) => {
      data.mechanisms.upr!.datedFacts!.push({ text: 'ข้อเท็จจริงเพิ่ม' });
      data.mechanisms['un-forum-bhr']!.datedFacts![0]!.lapsed = 'หมดอายุแล้ว';
      delete data.mechanisms['sr-myanmar']!.datedFacts![0]!.lapsed;
    });
    expect(buildProblems(dir).sort()).toEqual(
      [
        `${TH}: upr: has 3 dated facts but the English has 2; translate each fact, in order.`,
        `${TH}: un-forum-bhr: dated fact 1 must have a "lapsed" sentence exactly when the English one does.`,
        `${TH}: sr-myanmar: dated fact 1 must have a "lapsed" sentence exactly when the English one does.`,
      ].sort(),
    );
  });

  it('refuses an empty field and a field the schema does not know, naming where', () => {
    const dir = copyOfSources();
    rewrite<{ mechanisms: Record<string, MechanismEntry> }>(mechanismsOf(dir, 'th'), (data) => {
      data.mechanisms.upr!.timing = '  ';
      data.mechanisms.upr!.timng = 'ทุกปี';
    });
    expect(buildProblems(dir)).toEqual([
      `${TH}: mechanisms.upr.timing: Too small: expected string to have >=1 characters`,
      `${TH}: mechanisms.upr: Unrecognized key: "timng"`,
    ]);
  });

  it('refuses NCP notes of another number, an NCP the English has no notes on, and general facts of another number', () => {
    const dir = copyOfSources();
    rewrite<{ general: { facts: string[] }; ncps: Record<string, { facts?: string[] }> }>(ncpsOf(dir, 'vi'), (data) => {
      data.ncps.US!.facts!.pop();
      data.ncps.VN = { facts: ['Không có'] };
      data.general.facts.push('Thêm');
    });
    expect(buildProblems(dir)).toEqual([
      `${VI_NCPS}: general: has 5 facts but the English has 4; translate each fact, in order.`,
      `${VI_NCPS}: US: has 4 facts but the English has 5; translate each fact, in order.`,
      `${VI_NCPS}: "VN" is not an NCP with notes in ncps.json.`,
    ]);
  });

  it('refuses NCP notes without the reviewed flag or the hash of the English they were made from', () => {
    const dir = copyOfSources();
    rewrite<Json>(ncpsOf(dir, 'vi'), (data) => {
      delete data.reviewed;
      delete data.sourceSha256;
    });
    expect(buildProblems(dir)).toEqual([
      `${VI_NCPS}: reviewed: must say "reviewed": true or false`,
      `${VI_NCPS}: sourceSha256: Invalid input: expected string, received undefined`,
    ]);
  });

  it('refuses an NCP notes file that is not JSON', () => {
    const dir = copyOfSources();
    fs.writeFileSync(ncpsOf(dir, 'my'), '{ "reviewed": false,');
    const [problem, ...rest] = buildProblems(dir);
    expect(rest).toEqual([]);
    expect(problem).toMatch(/^translations\/my\/ncps\.json: cannot be read as JSON/);
  });

  it('warns, without refusing, when the English NCP notes changed after they were translated', () => {
    const dir = copyOfSources();
    const english = path.join(dir, 'ncps.json');
    fs.writeFileSync(english, fs.readFileSync(english, 'utf8').replace('which many NCPs overrun', 'which most NCPs overrun'));
    const out = tempDir('kb-fields-out-');
    const report = compileKb(dir, out);
    expect(report.warnings.filter((w) => w.includes('ncps.json'))).toHaveLength(7);
    expect(report.warnings).toContain('translations/th/ncps.json: the English original has changed since this was translated.');
    expect(new KbService(out).ncpTranslation('th')?.outdated).toBe(true);
  });
});
