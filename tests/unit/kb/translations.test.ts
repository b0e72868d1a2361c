// Translated guidance: the build checks each translation against its English original and stops
// with a line naming the file; the service returns the translation in the UI language with whether
// it is reviewed and current; search finds translated passages and says their language.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileKb, type CompileReport } from '../../../electron/core/kb/compile/compile-kb';
import { KbService } from '../../../electron/core/kb/service';
import { tempDir } from '../../helpers/temp';
import { KB_SOURCES, buildProblems } from './built-kb';

const FIXTURE = path.resolve('tests/fixtures/kb-translations');
const sha256 = (data: string | Buffer) => crypto.createHash('sha256').update(data).digest('hex');

/**
 * The real English sources with the fixture translations in place of whatever translators have
 * delivered, their hashes set to the English as it is now (so only the test decides what is stale).
 */
function sourcesWithFixture(): string {
  const dir = tempDir('kb-translated-');
  fs.cpSync(KB_SOURCES, dir, { recursive: true });
  fs.rmSync(path.join(dir, 'translations'), { recursive: true, force: true });
  fs.cpSync(FIXTURE, path.join(dir, 'translations'), { recursive: true });
  const section = path.join(dir, 'translations/vi/sections/04-safe-engagement.md');
  const english = fs.readFileSync(path.join(dir, 'sections/04-safe-engagement.md'));
  fs.writeFileSync(section, fs.readFileSync(section, 'utf8').replace(/sourceSha256: \w+/, `sourceSha256: ${sha256(english)}`));
  const mechanismsFile = path.join(dir, 'translations/vi/mechanisms.json');
  const translated = JSON.parse(fs.readFileSync(mechanismsFile, 'utf8')) as { mechanisms: Record<string, { sourceSha256: string }> };
  const raw = JSON.parse(fs.readFileSync(path.join(dir, 'mechanisms.json'), 'utf8')) as Array<{ id: string }>;
  for (const [id, entry] of Object.entries(translated.mechanisms)) entry.sourceSha256 = sha256(JSON.stringify(raw.find((m) => m.id === id)));
  fs.writeFileSync(mechanismsFile, JSON.stringify(translated, null, 2));
  return dir;
}

function build(dir: string): { report: CompileReport; kb: KbService } {
  const out = tempDir('kb-translated-out-');
  const report = compileKb(dir, out);
  return { report, kb: new KbService(out) };
}


const edit = (file: string, change: (text: string) => string) => fs.writeFileSync(file, change(fs.readFileSync(file, 'utf8')));

describe('translated knowledge base', () => {
  let kb: KbService;
  let report: CompileReport;
  beforeAll(() => {
    ({ kb, report } = build(sourcesWithFixture()));
  });

  it('counts reviewed and unreviewed translations per language in the build report', () => {
    expect(report.translations).toEqual([
      { language: 'vi', reviewed: 0, unreviewed: 4, outdated: 0, kinds: { sections: 2, mechanisms: 2, frameworks: 0 } },
    ]);
    expect(report.warnings).toEqual([]);
  });

  it('returns a section in the UI language with the English anchors, and says it is an unreviewed translation', () => {
    const english = kb.getSection('safe-engagement');
    const vi = kb.getSection('safe-engagement', 'vi');
    expect(english.translation).toBeNull();
    expect(vi.translation).toEqual({ language: 'vi', reviewed: false, outdated: false });
    expect(vi.title).toBe('Tiếp cận an toàn và có chiến lược');
    expect(vi.markdown).toContain('Làm việc với đúng người');
    expect(vi.headings.map((h) => h.anchor)).toEqual(english.headings.map((h) => h.anchor));
    expect(vi.headings[3]).toMatchObject({ text: '02 Làm việc với đúng người', anchor: '02-engage-the-right-people' });
  });

  it('falls back to English, saying so, for a language or section without a translation', () => {
    expect(kb.getSection('safe-engagement', 'th')).toMatchObject({ translation: null, title: 'Safe & Strategic Engagement' });
    expect(kb.getSection('clariti', 'vi').translation).toBeNull();
    expect(kb.getMechanism('gni', 'vi').translation).toBeNull();
  });

  it('returns translated mechanism steps, keeping the untranslated fields in English', () => {
    const upr = kb.getMechanism('upr', 'vi');
    const english = kb.getMechanism('upr');
    expect(upr.translation).toEqual({ language: 'vi', reviewed: false, outdated: false });
    expect(upr.howTo).toHaveLength(english.howTo.length);
    expect(upr.howTo[0]).toMatch(/^Đăng ký/);
    expect(upr.whoCanUse).toBe(english.whoCanUse);
  });

  it('finds a Vietnamese question, with or without diacritics, in the Vietnamese passage, and opens it in Vietnamese', () => {
    for (const q of ['làm việc với đúng người ở công ty', 'lam viec voi dung nguoi o cong ty']) {
      const [first] = kb.search(q, { limit: 3 }).hits;
      expect(first, q).toMatchObject({ kind: 'section', id: 'safe-engagement', anchor: '02-engage-the-right-people', language: 'vi' });
    }
    const [english] = kb.search('who to contact at the platform', { limit: 3 }).hits;
    expect(english).toMatchObject({ anchor: '02-engage-the-right-people', language: 'en' });
  });

  it('flags a translation whose English original changed since it was translated', () => {
    const dir = sourcesWithFixture();
    edit(path.join(dir, 'sections/04-safe-engagement.md'), (text) => text.replace('Use secure communications.', 'Use end-to-end encrypted communications.'));
    const changed = build(dir);
    expect(changed.report.warnings).toEqual(['translations/vi/sections/04-safe-engagement.md: the English original has changed since this was translated.']);
    expect(changed.report.translations[0]).toMatchObject({ language: 'vi', outdated: 1 });
    expect(changed.kb.getSection('safe-engagement', 'vi').translation).toEqual({ language: 'vi', reviewed: false, outdated: true });
  });
});

describe('a bad translation file fails the build with a line saying what to fix', () => {
  const SECTION = 'translations/vi/sections/04-safe-engagement.md';
  const MECHANISMS = 'translations/vi/mechanisms.json';

  it('names an unknown section id', () => {
    const dir = sourcesWithFixture();
    edit(path.join(dir, SECTION), (text) => text.replace('translationOf: safe-engagement', 'translationOf: safe-engagment'));
    expect(buildProblems(dir)).toEqual([`${SECTION}: translationOf "safe-engagment" is not the id of any English section.`]);
  });

  it('names a missing heading', () => {
    const dir = sourcesWithFixture();
    edit(path.join(dir, SECTION), (text) => text.replace('### 05 Ghi chép mọi thứ\n', ''));
    expect(buildProblems(dir)).toEqual([
      `${SECTION}: has 7 headings but the English 04-safe-engagement.md has 8; translate every heading, in the same order.`,
    ]);
  });

  it('names a heading at the wrong level', () => {
    const dir = sourcesWithFixture();
    edit(path.join(dir, SECTION), (text) => text.replace('### 04 Ưu tiên an toàn', '## 04 Ưu tiên an toàn'));
    expect(buildProblems(dir)).toEqual([`${SECTION}: heading 6 ("04 Ưu tiên an toàn") is level 2 but the English "04 Prioritise Safety" is level 3.`]);
  });

  it('names a broken link', () => {
    const dir = sourcesWithFixture();
    edit(path.join(dir, SECTION), (text) => text.replace('(mechanism:sea-cpn)', '(mechanism:sea-cnp)'));
    expect(buildProblems(dir)).toEqual([
      `${SECTION}: link to "mechanism:sea-cnp", which the English section does not have (a broken or changed link).`,
      `${SECTION}: the link to "mechanism:sea-cpn" in the English section is missing.`,
    ]);
  });

  it('requires the reviewed flag to be written out', () => {
    const dir = sourcesWithFixture();
    edit(path.join(dir, SECTION), (text) => text.replace('reviewed: false\n', ''));
    expect(buildProblems(dir)).toEqual([`${SECTION}: reviewed: must say "reviewed: true" or "reviewed: false"`]);
    edit(path.join(dir, SECTION), (text) => text.replace('sourceSha256:', 'reviewed: yes\nsourceSha256:'));
    expect(buildProblems(dir)).toEqual([`${SECTION}: reviewed: must say "reviewed: true" or "reviewed: false"`]);
  });

  it('names an unknown mechanism, a wrong number of steps and a missing reviewed flag in mechanisms.json', () => {
    const dir = sourcesWithFixture();
    const file = path.join(dir, MECHANISMS);
    const data = JSON.parse(fs.readFileSync(file, 'utf8')) as { reviewed?: boolean; mechanisms: Record<string, { howTo: string[] }> };
    data.mechanisms['oecd-npc'] = data.mechanisms['oecd-ncp']!;
    data.mechanisms.upr!.howTo.pop();
    fs.writeFileSync(file, JSON.stringify(data));
    expect(buildProblems(dir)).toEqual([
      `${MECHANISMS}: upr: has 5 how-to steps but the English has 6; translate each step, in order.`,
      `${MECHANISMS}: "oecd-npc" is not the id of any mechanism in mechanisms.json.`,
    ]);
    delete data.reviewed;
    fs.writeFileSync(file, JSON.stringify(data));
    expect(buildProblems(dir)).toEqual([`${MECHANISMS}: reviewed: must say "reviewed": true or false`]);
  });

  it('shows translated exposure and reprisal notes, says what stays English, and names a wrong number of notes', () => {
    const dir = sourcesWithFixture();
    const file = path.join(dir, MECHANISMS);
    type Entry = { exposure?: { whatIsPublic: string; when: string; whoIsNamed: string }; reprisalNotes?: string[] };
    const data = JSON.parse(fs.readFileSync(file, 'utf8')) as { mechanisms: Record<string, Entry> };
    const english = (JSON.parse(fs.readFileSync(path.join(dir, 'mechanisms.json'), 'utf8')) as Array<{ id: string; reprisalNotes: string[] }>).find((m) => m.id === 'upr')!;
    data.mechanisms.upr!.exposure = { whatIsPublic: 'Bản tóm tắt được công bố', when: 'Trước phiên rà soát', whoIsNamed: 'Tổ chức nộp' };
    data.mechanisms.upr!.reprisalNotes = english.reprisalNotes.map((_, i) => `Ghi chú ${i + 1}`);
    fs.writeFileSync(file, JSON.stringify(data));
    const { kb } = build(dir);
    const upr = kb.getMechanism('upr', 'vi');
    expect(upr.exposure.whatIsPublic).toBe('Bản tóm tắt được công bố');
    expect(upr.reprisalNotes).toEqual(english.reprisalNotes.map((_, i) => `Ghi chú ${i + 1}`));
    expect(upr.inEnglish).toEqual(['scope', 'whoCanUse', 'timing', 'datedFacts', 'unverified']);
    // An entry translated without its notes shows the English ones and says so; English itself says nothing.
    expect(kb.getMechanism('oecd-ncp', 'vi').inEnglish).toEqual(['scope', 'whoCanUse', 'timing', 'exposure', 'reprisalNotes', 'unverified']);
    expect(kb.getMechanism('upr').inEnglish).toEqual([]);

    data.mechanisms.upr!.reprisalNotes!.pop();
    fs.writeFileSync(file, JSON.stringify(data));
    const n = english.reprisalNotes.length;
    expect(buildProblems(dir)).toEqual([`${MECHANISMS}: upr: has ${n - 1} reprisal notes but the English has ${n}; translate each note, in order.`]);
  });

  it('refuses a language folder the app does not offer, and a file named unlike its English original', () => {
    const dir = sourcesWithFixture();
    fs.cpSync(path.join(dir, 'translations/vi'), path.join(dir, 'translations/vn'), { recursive: true });
    fs.renameSync(path.join(dir, SECTION), path.join(dir, 'translations/vi/sections/04-safety.md'));
    expect(buildProblems(dir)).toEqual([
      'translations/vi/sections/04-safety.md: translates "safe-engagement", so it must be named 04-safe-engagement.md like the English file.',
      'translations/vn: not a language the app offers (vi, id, zh-Hans, zh-Hant, th, my, km).',
    ]);
  });
});
