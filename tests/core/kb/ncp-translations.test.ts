// The OECD NCP notes in the reader's language, through the dispatcher and a real encrypted vault,
// from the compiled knowledge base: the routing panel's answer in Vietnamese carries the NCPs'
// names and facts as translated, a Thai plan export prints no English NCP fact (while the English
// export prints them all, so the check is not blind), and the identity check leaves those notes
// alone, as the app's own words.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OecdRouting } from '@shared/api/plans';
import { NCP_PRACTICE, OECD_ADHERENTS } from '../../../electron/core/plans/ncp-sources';
import { routeOecdComplaint } from '../../../electron/core/plans/oecd';
import { compileKb } from '../../../electron/core/kb/compile/compile-kb';
import { unlockedCore, type TestCore } from '../../helpers/core';
import { tempDir } from '../../helpers/temp';
import { uuid } from '../plans/fixtures';

interface NcpNotes {
  reviewed: boolean;
  general: { facts: string[] };
  ncps: Record<string, { name: string; facts: string[] }>;
}
const notesIn = (language: string): NcpNotes => JSON.parse(fs.readFileSync(path.resolve('resources/kb/translations', language, 'ncps.json'), 'utf8')) as NcpNotes;
const english = (iso2: string) => NCP_PRACTICE.ncps.find((n) => n.iso2 === iso2)!;

// Harm in Australia and Japan, headquarters in the United States: three NCPs, each with notes.
const QUESTION = { hqCountry: 'US', harmCountries: ['AU', 'JP'], operatingCountries: [], entityCountries: [] };

let t: TestCore;
let planId: string;
const stepId = uuid();
beforeAll(async () => {
  t = await unlockedCore();
  const company = await t.call('companies.save', { name: 'Example Platform', sector: 'social-media', hqCountry: 'US', policies: '', contacts: [] });
  // A registered person the check must find: "Treasury" is also a word of the AusNCP notes, in English and in Thai.
  await t.call('people.save', { realName: 'Sophea Chan', aliases: ['Treasury'] });
  const plan = await t.call('plans.save', {
    title: 'Wrongful removals',
    context: 'Treasury told us the company would reply within a month.',
    companyId: company.id,
    harmCountries: ['AU', 'JP'],
    steps: [{ id: stepId, stage: 'oecd-ncp', title: 'OECD NCP complaint', mechanismId: 'oecd-ncp', status: 'planned' }],
  });
  planId = plan.id;
}, 60_000);
afterAll(async () => {
  await t.core.close();
});

/** Markdown escapes its own punctuation; the words are what count. */
const markdownOf = async (locale: string) =>
  Buffer.from((await t.call('plans.export', { id: planId, format: 'markdown', identity: { acknowledge: true }, locale })).data, 'base64')
    .toString('utf8')
    .replace(/\\(?=[^\s\w])/g, '');

describe('plans.oecd in Vietnamese', () => {
  let routing: OecdRouting;
  beforeAll(async () => {
    routing = await t.call('plans.oecd', { ...QUESTION, locale: 'vi' });
  });

  it('names each NCP and gives its facts as translated, with the official English name beside the name', () => {
    const vi = notesIn('vi');
    expect(routing.ncps.map((n) => n.iso2)).toEqual(['AU', 'JP', 'US']);
    for (const ncp of routing.ncps) {
      expect(ncp.name).toBe(vi.ncps[ncp.iso2]!.name);
      expect(ncp.name).not.toBe(english(ncp.iso2).name);
      expect(ncp.nameInEnglish).toBe(english(ncp.iso2).name);
      expect(ncp.facts.map((f) => f.text)).toEqual(vi.ncps[ncp.iso2]!.facts);
      // "To be checked" and the topics are the English notes' own: only the words are translated.
      expect(ncp.facts.map(({ topic, checked }) => ({ topic, checked }))).toEqual(english(ncp.iso2).facts.map(({ topic, checked }) => ({ topic, checked })));
      expect(ncp.inEnglish).toEqual([]);
      // The sources keep the titles of the pages they cite.
      expect(ncp.sources).toEqual(english(ncp.iso2).sources);
    }
    expect(routing.general.map((f) => f.text)).toEqual(vi.general.facts);
    expect(routing.generalInEnglish).toBe(false);
    expect(routing.translation).toEqual({ language: 'vi', reviewed: false, outdated: false });
  });

  it('is all English, unmarked, when read in English', async () => {
    const en = await t.call('plans.oecd', { ...QUESTION, locale: 'en' });
    for (const ncp of en.ncps) {
      expect(ncp).toMatchObject({ name: english(ncp.iso2).name, nameInEnglish: null, inEnglish: [] });
      expect(ncp.facts).toEqual(english(ncp.iso2).facts);
    }
    expect(en).toMatchObject({ generalInEnglish: false, translation: null });
  });
});

describe('NCP notes a language lacks', () => {
  it('are the English, marked as such, with no translation claimed', () => {
    const routing = routeOecdComplaint(OECD_ADHERENTS, NCP_PRACTICE, QUESTION, 'th', null);
    for (const ncp of routing.ncps) {
      expect(ncp).toMatchObject({ name: english(ncp.iso2).name, nameInEnglish: null, inEnglish: ['name', 'facts'] });
      expect(ncp.facts).toEqual(english(ncp.iso2).facts);
    }
    expect(routing).toMatchObject({ generalInEnglish: true, translation: null });
  });

  it('mark only the part missing: a name without facts, or facts without a name', () => {
    const th = notesIn('th');
    const partial = {
      language: 'th',
      reviewed: false,
      outdated: false,
      general: null,
      ncps: { AU: { name: th.ncps.AU!.name, facts: null }, JP: { name: null, facts: th.ncps.JP!.facts } },
    };
    const routing = routeOecdComplaint(OECD_ADHERENTS, NCP_PRACTICE, QUESTION, 'th', partial);
    const [au, jp, us] = routing.ncps;
    expect(au).toMatchObject({ name: th.ncps.AU!.name, inEnglish: ['facts'], facts: english('AU').facts });
    expect(jp).toMatchObject({ name: english('JP').name, inEnglish: ['name'] });
    expect(jp!.facts.map((f) => f.text)).toEqual(th.ncps.JP!.facts);
    expect(us).toMatchObject({ inEnglish: ['name', 'facts'] });
    expect(routing).toMatchObject({ generalInEnglish: true, translation: { language: 'th', reviewed: false, outdated: false } });
  });
});

describe('a plan with an OECD step, exported', () => {
  it('prints no English NCP fact in Thai, but each Thai one, with the official names beside the Thai ones', async () => {
    const th = notesIn('th');
    const [thai, inEnglish] = [await markdownOf('th-TH'), await markdownOf('en-GB')];
    for (const iso2 of ['AU', 'JP', 'US']) {
      for (const fact of english(iso2).facts) {
        // The check is not blind: the English export prints every one of them.
        expect(inEnglish, `${iso2} in English`).toContain(fact.text);
        expect(thai, `${iso2} in Thai`).not.toContain(fact.text);
      }
      for (const fact of th.ncps[iso2]!.facts) expect(thai).toContain(fact);
      expect(thai).toContain(`${th.ncps[iso2]!.name} (${english(iso2).name})`);
    }
    expect(thai).toContain('คำแปลนี้ยังไม่ได้รับการตรวจทานโดยเจ้าของภาษา');
    // The step's directory entry: its timing in Thai too, and nothing marked as left in English.
    const step = JSON.parse(fs.readFileSync(path.resolve('resources/kb/translations/th/mechanisms.json'), 'utf8')) as { mechanisms: Record<string, { timing: string }> };
    const englishTiming = (JSON.parse(fs.readFileSync(path.resolve('resources/kb/mechanisms.json'), 'utf8')) as Array<{ id: string; timing: string }>).find((m) => m.id === 'oecd-ncp')!.timing;
    expect(thai).toContain(step.mechanisms['oecd-ncp']!.timing);
    expect(thai).not.toContain(englishTiming);
    expect(inEnglish).toContain(englishTiming);
    expect(thai).not.toContain('ยังไม่ได้แปล: แสดงเป็นภาษาอังกฤษ');
    expect(inEnglish).not.toContain('Translation not yet reviewed by a native speaker.');
  }, 60_000);

  it('asks the user about the registered name in their own text, and about none of the NCP notes that hold it too', async () => {
    for (const locale of ['th-TH', 'en-GB']) {
      const printed = await markdownOf(locale);
      // The notes print the word: the user's context once, and the AusNCP notes at least once more.
      expect(printed.split('Treasury').length - 1, locale).toBeGreaterThanOrEqual(2);
      const review = await t.call('exports.identityCheck', { kind: 'plan', id: planId, locale });
      expect(review.flags.filter((f) => f.matched === 'Treasury').map((f) => f.excerpt), locale).toEqual([expect.stringContaining('told us the company would reply')]);
    }
  }, 60_000);
});

describe('an NCP filing', () => {
  it('names the NCP in Thai beside its official English name when written in Thai, and in English alone in English', async () => {
    const th = notesIn('th');
    const draft = await t.call('submissions.start', { route: 'ncpSpecificInstance', source: { kind: 'planStep', planId, stepId }, language: 'th' });
    expect(draft).toMatchObject({ language: 'th', fields: { ncpId: 'AU' } });
    const printed = async (id: string) =>
      Buffer.from((await t.call('submissions.export', { id, format: 'markdown', identity: { acknowledge: true }, locale: 'en-GB' })).data, 'base64')
        .toString('utf8')
        .replace(/\\(?=[^\s\w])/g, '');
    expect(await printed(draft.id)).toContain(`${th.ncps.AU!.name} (${english('AU').name})`);
    const inEnglish = await t.call('submissions.save', { ...draft, language: 'en' });
    const text = await printed(inEnglish.id);
    expect(text).toContain(english('AU').name);
    expect(text).not.toContain(th.ncps.AU!.name);
  }, 60_000);
});

describe('a plan exported in a language whose translation lacks some of the notes', () => {
  let partial: TestCore;
  let id: string;
  beforeAll(async () => {
    // The real sources, with the Thai NCP notes and the Thai timing of the NCP entry taken out,
    // compiled where a packaged app keeps its knowledge base; every other resource as shipped.
    const sources = tempDir('kb-partial-src-');
    fs.cpSync(path.resolve('resources/kb'), sources, { recursive: true });
    fs.rmSync(path.join(sources, 'translations/th/ncps.json'));
    const file = path.join(sources, 'translations/th/mechanisms.json');
    const thai = JSON.parse(fs.readFileSync(file, 'utf8')) as { mechanisms: Record<string, { timing?: string }> };
    delete thai.mechanisms['oecd-ncp']!.timing;
    fs.writeFileSync(file, JSON.stringify(thai));
    const resources = tempDir('kb-partial-resources-');
    for (const entry of fs.readdirSync('resources')) fs.symlinkSync(path.resolve('resources', entry), path.join(resources, entry));
    compileKb(sources, path.join(resources, 'kb-built'));
    partial = await unlockedCore({ resourcesDir: resources });
    const company = await partial.call('companies.save', { name: 'Example Platform', sector: 'social-media', hqCountry: 'US', policies: '', contacts: [] });
    id = (
      await partial.call('plans.save', {
        title: 'Wrongful removals',
        companyId: company.id,
        harmCountries: ['AU'],
        steps: [{ id: uuid(), stage: 'oecd-ncp', title: 'OECD NCP complaint', mechanismId: 'oecd-ncp', status: 'planned' }],
      })
    ).id;
  }, 120_000);
  afterAll(async () => {
    await partial?.core.close();
  });

  it('prints those notes in English under a note saying so, in Thai', async () => {
    const thai = Buffer.from((await partial.call('plans.export', { id, format: 'markdown', identity: { acknowledge: true }, locale: 'th-TH' })).data, 'base64')
      .toString('utf8')
      .replace(/\\(?=[^\s\w])/g, '');
    const marker = 'ยังไม่ได้แปล: แสดงเป็นภาษาอังกฤษ';
    // One note for each NCP's facts (Australia, the United States) and one for the step's timing.
    expect(thai.split(marker).length - 1).toBe(3);
    for (const iso2 of ['AU', 'US']) for (const fact of english(iso2).facts) expect(thai).toContain(fact.text);
    const timing = (JSON.parse(fs.readFileSync(path.resolve('resources/kb/mechanisms.json'), 'utf8')) as Array<{ id: string; timing: string }>).find((m) => m.id === 'oecd-ncp')!.timing;
    expect(thai).toContain(timing);
  }, 60_000);
});
