// Translated framework entries: the build checks each against its English entry and stops with a
// line naming the file; the service returns the table in the reader's language, each field the
// translation leaves out in English and named as such.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileKb, type CompileReport } from '../../../electron/core/kb/compile/compile-kb';
import { KbService } from '../../../electron/core/kb/service';
import { KB_TRANSLATION_LANGUAGES } from '@shared/api/kb';
import { tempDir } from '../../helpers/temp';
import { KB_SOURCES, buildProblems } from './built-kb';
import { FILE, sourcesWith, THAI, type TranslationFile } from './framework-fixture';

function build(dir: string): { report: CompileReport; kb: KbService } {
  const out = tempDir('kb-frameworks-out-');
  const report = compileKb(dir, out);
  return { report, kb: new KbService(out) };
}


const withThai = (change: (file: TranslationFile) => void): TranslationFile => {
  const file = structuredClone(THAI);
  change(file);
  return file;
};

describe('translated frameworks', () => {
  let kb: KbService;
  let report: CompileReport;
  beforeAll(() => {
    ({ kb, report } = build(sourcesWith(THAI)));
  });

  it('counts the framework translations, reviewed or not, in the build report', () => {
    expect(report.translations).toEqual([
      { language: 'th', reviewed: 0, unreviewed: 3, outdated: 0, kinds: { sections: 0, mechanisms: 0, frameworks: 3 } },
    ]);
    expect(report.warnings).toEqual([]);
  });

  it('returns a fully translated entry in Thai, saying it is an unreviewed translation, with nothing left in English', () => {
    const english = kb.listFrameworks().find((f) => f.id === 'udhr-iccpr-19')!;
    const thai = kb.listFrameworks('th').find((f) => f.id === 'udhr-iccpr-19')!;
    expect(english.translation).toBeNull();
    expect(thai.translation).toEqual({ language: 'th', reviewed: false, outdated: false });
    expect(thai.inEnglish).toEqual([]);
    expect(thai).toMatchObject({
      name: THAI.frameworks['udhr-iccpr-19']!.name,
      instrument: THAI.frameworks['udhr-iccpr-19']!.instrument,
      protects: THAI.frameworks['udhr-iccpr-19']!.protects,
      whyItMatters: THAI.frameworks['udhr-iccpr-19']!.whyItMatters,
      status: THAI.frameworks['udhr-iccpr-19']!.status,
      unverified: THAI.frameworks['udhr-iccpr-19']!.unverified,
      sources: { ...english.sources, noPrimarySource: THAI.frameworks['udhr-iccpr-19']!.noPrimarySource },
    });
    // What a translation never touches stays as the English entry has it.
    expect({ scope: thai.scope, asOf: thai.asOf, partyStatus: thai.partyStatus, secondary: thai.sources.secondary }).toEqual({
      scope: english.scope,
      asOf: english.asOf,
      partyStatus: english.partyStatus,
      secondary: english.sources.secondary,
    });
  });

  it('falls back to English field by field, naming each field shown in English', () => {
    const english = kb.listFrameworks().find((f) => f.id === 'gc-16')!;
    const thai = kb.listFrameworks('th').find((f) => f.id === 'gc-16')!;
    expect(thai.name).toBe(THAI.frameworks['gc-16']!.name);
    expect(thai.protects).toBe(THAI.frameworks['gc-16']!.protects);
    expect(thai.inEnglish).toEqual(['instrument', 'whyItMatters', 'status', 'noPrimarySource', 'unverified']);
    expect(thai).toMatchObject({
      instrument: english.instrument,
      whyItMatters: english.whyItMatters,
      status: english.status,
      unverified: english.unverified,
      sources: english.sources,
    });
  });

  it('translates a dated fact and its lapsed sentence, keeping its dates', () => {
    const english = kb.listFrameworks().find((f) => f.id === 'asean-defa')!;
    const thai = kb.listFrameworks('th').find((f) => f.id === 'asean-defa')!;
    expect(thai.inEnglish).not.toContain('datedFacts');
    expect(thai.datedFacts).toEqual([{ ...english.datedFacts[0], ...THAI.frameworks['asean-defa']!.datedFacts![0] }]);
  });

  it('leaves untranslated entries, and every entry in a language without a file, in English', () => {
    const english = kb.listFrameworks();
    const thai = kb.listFrameworks('th');
    expect(thai.map((f) => f.id)).toEqual(english.map((f) => f.id));
    expect(thai.filter((f) => f.translation).map((f) => f.id).sort()).toEqual(['asean-defa', 'gc-16', 'udhr-iccpr-19']);
    const untouched = thai.find((f) => f.id === 'ungps')!;
    expect(untouched).toEqual(english.find((f) => f.id === 'ungps'));
    expect(kb.listFrameworks('vi')).toEqual(english);
    expect(english.every((f) => f.translation === null && f.inEnglish.length === 0)).toBe(true);
  });

  it('names the framework in Thai where a Thai mechanism page links to it', () => {
    const link = (language?: string) => kb.getMechanism('sr-freedom-of-expression', language).frameworks.find((f) => f.id === 'udhr-iccpr-19');
    expect(link('th')?.name).toBe(THAI.frameworks['udhr-iccpr-19']!.name);
    expect(link()?.name).toBe('Article 19, UDHR & ICCPR');
  });

  it('finds a Thai entry by its Thai name, and never ranks one whose name the question does not hold', () => {
    // Indexed apart from the guidance (search/index-files.ts); looked up by name only.
    const [hit] = kb.search('ความเห็นทั่วไปที่ 16', { limit: 5, language: 'th', kinds: ['framework'] }).hits;
    expect(hit).toMatchObject({ kind: 'framework', id: 'gc-16', language: 'th' });
    // "ความเป็นส่วนตัว" (privacy) is in the entry's text, not its name.
    expect(kb.search('ความเป็นส่วนตัว', { limit: 5, language: 'th', kinds: ['framework'] }).hits.filter((h) => h.language === 'th')).toEqual([]);
    // An English question finds the entry through the English index, shown in the reader's language.
    const [english] = kb.search('general comment 16 privacy', { limit: 5, language: 'th', kinds: ['framework'] }).hits;
    expect(english).toMatchObject({ kind: 'framework', id: 'gc-16', language: 'th', title: { text: THAI.frameworks['gc-16']!.name } });
  });

  it('warns when the English entry changed after it was translated', () => {
    const dir = sourcesWith(THAI);
    const file = path.join(dir, 'frameworks.json');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('Adopted 8 April 1988', 'Adopted on 8 April 1988'));
    const changed = build(dir);
    expect(changed.report.warnings).toEqual([`${FILE}: gc-16: the English original has changed since this was translated.`]);
    expect(changed.report.translations).toEqual([
      { language: 'th', reviewed: 0, unreviewed: 3, outdated: 1, kinds: { sections: 0, mechanisms: 0, frameworks: 3 } },
    ]);
    expect(changed.kb.listFrameworks('th').find((f) => f.id === 'gc-16')!.translation).toEqual({ language: 'th', reviewed: false, outdated: true });
  });
});

describe('the framework translations that ship', () => {
  it('translate every field of every entry in every language, none of them yet reviewed by a native speaker', () => {
    const out = tempDir('kb-frameworks-shipped-');
    const report = compileKb(KB_SOURCES, out);
    const kb = new KbService(out);
    expect(report.translations.map((c) => c.language).sort()).toEqual([...KB_TRANSLATION_LANGUAGES].sort());
    for (const count of report.translations) expect(count.kinds.frameworks, count.language).toBe(report.frameworks);
    for (const language of KB_TRANSLATION_LANGUAGES) {
      for (const f of kb.listFrameworks(language)) {
        expect(f.translation, `${language} ${f.id}`).toEqual({ language, reviewed: false, outdated: false });
        expect(f.inEnglish, `${language} ${f.id}`).toEqual([]);
      }
    }
  });

  it("leave every translated question's guidance results as they are without them", () => {
    const { kb } = build(KB_SOURCES);
    const copy = tempDir('kb-no-frameworks-');
    fs.cpSync(KB_SOURCES, copy, { recursive: true });
    for (const language of KB_TRANSLATION_LANGUAGES) fs.rmSync(path.join(copy, 'translations', language, 'frameworks.json'));
    const without = build(copy).kb;
    const questions = (JSON.parse(fs.readFileSync('tests/fixtures/kb-questions.json', 'utf8')) as Array<{ q: string; lang?: string }>).filter((q) => q.lang);
    // The first ten that are not framework entries, out of enough results to hold ten either way.
    const guidance = (service: KbService, q: string, language: string) =>
      service
        .search(q, { limit: 40, language })
        .hits.filter((hit) => hit.kind !== 'framework')
        .slice(0, 10)
        .map((hit) => `${hit.kind}:${hit.id}@${hit.language}`);
    for (const { q, lang } of questions) expect(guidance(kb, q, lang!), q).toEqual(guidance(without, q, lang!));
  }, 120_000);
});

describe('a bad framework translation fails the build with a line saying what to fix', () => {
  it('names an id English lacks', () => {
    const file = withThai((f) => {
      f.frameworks['udhr-iccpr-91'] = f.frameworks['udhr-iccpr-19']!;
    });
    expect(buildProblems(sourcesWith(file))).toEqual([`${FILE}: "udhr-iccpr-91" is not the id of any framework in frameworks.json.`]);
  });

  it('names a missing required field and a missing reviewed flag', () => {
    const file = withThai((f) => {
      delete f.frameworks['gc-16']!.protects;
      delete f.frameworks['asean-defa']!.name;
    });
    expect(buildProblems(sourcesWith(file))).toEqual([
      `${FILE}: frameworks.gc-16.protects: Invalid input: expected string, received undefined`,
      `${FILE}: frameworks.asean-defa.name: Invalid input: expected string, received undefined`,
    ]);
    delete file.reviewed;
    expect(buildProblems(sourcesWith(file))).toContain(`${FILE}: reviewed: must say "reviewed": true or false`);
  });

  it('refuses a field the schema does not know, such as markup smuggled in beside the text', () => {
    const file = withThai((f) => {
      f.frameworks['gc-16']!.html = '<img src=x onerror="fetch(`https://example.org`)">';
    });
    expect(buildProblems(sourcesWith(file))).toEqual([`${FILE}: frameworks.gc-16: Unrecognized key: "html"`]);
  });

  it('refuses an empty translation, a file that is not JSON, and a missing hash', () => {
    expect(buildProblems(sourcesWith(withThai((f) => void (f.frameworks['gc-16']!.protects = '   '))))).toEqual([
      `${FILE}: frameworks.gc-16.protects: Too small: expected string to have >=1 characters`,
    ]);
    const dir = sourcesWith(THAI);
    fs.writeFileSync(path.join(dir, FILE), '{"reviewed": false, "frameworks": {');
    expect(buildProblems(dir)).toEqual([expect.stringMatching(new RegExp(`^${FILE}: cannot be read as JSON`))]);
    const noHash = sourcesWith(THAI);
    const data = JSON.parse(fs.readFileSync(path.join(noHash, FILE), 'utf8')) as TranslationFile;
    delete data.frameworks['gc-16']!.sourceSha256;
    fs.writeFileSync(path.join(noHash, FILE), JSON.stringify(data));
    expect(buildProblems(noHash)).toEqual([`${FILE}: frameworks.gc-16.sourceSha256: Invalid input: expected string, received undefined`]);
  });

  it('names lists that do not match the English item for item, and a statement the English lacks', () => {
    const file = withThai((f) => {
      f.frameworks['udhr-iccpr-19']!.unverified = ['หนึ่ง', 'สอง'];
      f.frameworks['asean-defa']!.datedFacts = [{ text: 'มีเป้าหมายลงนาม' }];
      f.frameworks['b-tech'] = { name: 'โครงการ B-Tech', protects: 'สิทธิมนุษยชนในภาคเทคโนโลยี', noPrimarySource: 'ไม่พบ' };
    });
    expect(buildProblems(sourcesWith(file))).toEqual([
      `${FILE}: udhr-iccpr-19: has 2 unverified notes but the English has 1; translate each note, in order.`,
      `${FILE}: asean-defa: dated fact 1 must have a "lapsed" sentence exactly when the English one does.`,
      `${FILE}: b-tech: translates "noPrimarySource", which the English entry does not have.`,
    ]);
  });
});
