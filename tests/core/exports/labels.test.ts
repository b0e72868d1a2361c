// The words core writes around the user's text in exports, per language: every language file has
// every English label with the same placeholders, the export's locale picks the language (Chinese
// by script), and a package exported in Thai or Burmese has its headings in that language while
// the user's own text comes out as typed. English stays the default.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { exportLabels, LABEL_FILES, labelLanguage } from '../../../electron/core/exports/labels';
import { checkIdentity } from '../../../electron/core/identity/check';
import { MANDATE_NAMES } from '../../../electron/core/plans/plan-document';
import { chromiumPrinter } from '../../../electron/server/print-to-pdf';
import { unlockedCore, type TestCore } from '../../helpers/core';
import { tempDir } from '../../helpers/temp';
import { completeAssessment } from '../assessments/fixtures';
import { diaryWithTwoCalls, fullPackage } from '../plans/fixtures';
import { squash } from './multilingual';

const DIR = path.resolve('resources/export-labels');
const english = LABEL_FILES.en!.labels;
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
/** English's `_one` form is a plural only English needs; every language has the `_other` form. */
const required = Object.keys(english).filter((key) => !key.endsWith('_one'));

let t: TestCore | undefined;
afterEach(async () => {
  await t?.core.close();
  t = undefined;
});

describe('export label files', () => {
  it('holds no label the identity check would flag, so an export in any language needs no decision for the app\'s own words', () => {
    for (const [code, file] of Object.entries(LABEL_FILES)) {
      const places = Object.entries(file.labels).map(([key, text]) => ({ where: `${code}:${key}`, text: text.replace(/\{\{\w+\}\}/g, '12') }));
      expect(checkIdentity([], places).map((flag) => `${flag.where} ${flag.matched}`)).toEqual([]);
    }
  });

  it('has one file per language, bundled, with every English label and its placeholders', () => {
    const files = fs.readdirSync(DIR).filter((f) => f.endsWith('.json')).map((f) => path.basename(f, '.json'));
    expect(files.sort()).toEqual(Object.keys(LABEL_FILES).sort());
    for (const code of files) {
      const file = JSON.parse(fs.readFileSync(path.join(DIR, `${code}.json`), 'utf8')) as { language: string; reviewed: boolean; labels: Record<string, string> };
      expect(file.language).toBe(code);
      expect(file).toEqual(LABEL_FILES[code]);
      if (code === 'en') continue;
      expect(file.reviewed, `${code} is marked reviewed`).toBe(false);
      const missing = required.filter((key) => !file.labels[key]?.trim());
      expect(missing, `${code} lacks labels`).toEqual([]);
      const extra = Object.keys(file.labels).filter((key) => !(key in english));
      expect(extra, `${code} has labels English does not`).toEqual([]);
      for (const key of required) expect(placeholders(file.labels[key]!), `${code} ${key}`).toEqual(placeholders(english[key]!));
    }
  });

  it('never gives a row of the app\'s own words the same label as a row of the user\'s, which the identity check must read', () => {
    // Rows are marked by their label (`toolkitRows`): a user's row with the same label would be skipped.
    const tables = [
      { toolkit: ['plan.harmCountries', 'plan.operatingCountries', 'plan.entityCountries'], user: ['plan.targetCompany', 'plan.risk', 'plan.steps', 'common.lastSaved'] },
      { toolkit: ['plan.field.mechanism', 'plan.field.mandates'], user: ['plan.field.stage', 'plan.field.status', 'plan.field.startDate', 'plan.field.targetDate', 'plan.field.exposure', 'plan.field.trigger', 'plan.field.outcome', 'plan.field.engagements'] },
      { toolkit: ['package.forum'], user: ['package.forumNote', 'package.company', 'package.plan', 'package.partners', 'common.lastSaved'] },
    ];
    for (const [code, file] of Object.entries(LABEL_FILES)) {
      for (const { toolkit, user } of tables) {
        const users = new Set(user.map((key) => file.labels[key] ?? english[key]));
        expect(toolkit.filter((key) => users.has(file.labels[key] ?? english[key])), code).toEqual([]);
      }
    }
  });

  it('picks the language from the export locale, Chinese by script, and English for anything else', () => {
    const cases: Array<[string | undefined, string]> = [
      [undefined, 'en'],
      ['en-GB', 'en'],
      ['fr-FR', 'en'],
      ['vi-VN', 'vi'],
      ['th-TH-u-ca-buddhist', 'th'],
      ['my-MM', 'my'],
      ['km-KH', 'km'],
      ['id-ID', 'id'],
      ['zh-Hans', 'zh-Hans'],
      ['zh-CN', 'zh-Hans'],
      ['zh-Hant', 'zh-Hant'],
      ['zh-TW', 'zh-Hant'],
      ['zh-HK', 'zh-Hant'],
    ];
    for (const [locale, language] of cases) expect(labelLanguage(locale), String(locale)).toBe(language);
  });

  it('fills placeholders and plural forms, and falls back to English for a label a language lacks', () => {
    expect(exportLabels('en-GB')('method.confirmedCount', { confirmed: 1, count: 1 })).toBe('1 of 1 finding was confirmed by a reviewer, recorded by role only.');
    expect(exportLabels('en-GB')('method.confirmedCount', { confirmed: 1, count: 3 })).toBe('1 of 3 findings were confirmed by a reviewer, recorded by role only.');
    expect(exportLabels('th')('method.confirmedCount', { confirmed: 1, count: 3 })).toBe('ข้อค้นพบ 1 จาก 3 ข้อได้รับการยืนยันจากผู้ทบทวน บันทึกตามบทบาทเท่านั้น');
    const vi = LABEL_FILES.vi!.labels;
    const saved = vi['package.findings'];
    delete vi['package.findings'];
    try {
      expect(exportLabels('vi')('package.findings')).toBe('Findings');
    } finally {
      vi['package.findings'] = saved!;
    }
  });
});

describe('a package exported in the user’s language', () => {
  async function exported(locale: string | undefined): Promise<string> {
    t = await unlockedCore();
    const { company, first, second, file } = await diaryWithTwoCalls(t);
    const pkg = await t.call('packages.save', fullPackage(company.id, [first.id, second.id], file.id));
    const out = await t.call('packages.export', { id: pkg.id, format: 'markdown', identity: { acknowledge: true }, ...(locale ? { locale } : {}) });
    return Buffer.from(out.data, 'base64').toString('utf8');
  }

  it('writes the headings in Thai and Burmese, and the user’s text as typed', async () => {
    for (const [locale, labels] of [
      ['th-TH-u-ca-buddhist', LABEL_FILES.th!.labels],
      ['my-MM', LABEL_FILES.my!.labels],
    ] as const) {
      const markdown = await exported(locale);
      for (const key of ['package.subtitle', 'package.findings', 'package.asks', 'method.title', 'common.appendix', 'package.wholePackage']) {
        expect(markdown, `${locale} ${key}`).toContain(labels[key]!);
      }
      for (const english of ['Coalition evidence package', '# Findings', 'Methodology and verification', 'Appendix: evidence hashes', 'Review status:']) {
        expect(markdown, locale).not.toContain(english);
      }
      // The user's own words stay as typed.
      expect(markdown).toContain('Example Platform');
      await t!.core.close();
      t = undefined;
    }
  });

  it('stays in English when the export is in English or names no locale', async () => {
    for (const locale of ['en-GB', undefined]) {
      const markdown = await exported(locale);
      for (const english of ['Coalition evidence package', 'Findings', 'Methodology and verification', 'Appendix: evidence hashes']) expect(markdown).toContain(english);
      await t!.core.close();
      t = undefined;
    }
  });
});

describe('a plan exported in the user’s language', () => {
  it('writes the plan’s headings, field names, stages and statuses in Khmer and Chinese, and keeps English for English', async () => {
    t = await unlockedCore();
    const { company, first } = await diaryWithTwoCalls(t);
    const draft = await t.call('plans.fromTemplate', { templateId: 'full-ladder', companyId: company.id });
    draft.steps[0]!.engagementIds = [first.id];
    const plan = await t.call('plans.save', { ...draft, title: 'Escalate removals', objective: 'Restore wrongly removed media accounts' });
    const markdown = async (locale: string) =>
      Buffer.from((await t!.call('plans.export', { id: plan.id, format: 'markdown', identity: { acknowledge: true }, locale })).data, 'base64').toString('utf8');

    for (const [locale, code] of [
      ['km-KH', 'km'],
      ['zh-TW', 'zh-Hant'],
    ] as const) {
      const text = await markdown(locale);
      const labels = LABEL_FILES[code]!.labels;
      for (const key of ['plan.subtitle', 'plan.objective', 'plan.stepsHeading', 'plan.field.stage', 'plan.stage.direct', 'plan.status.planned', 'plan.principles', 'common.appendix', 'plan.thisPlan']) {
        expect(text, `${locale} ${key}`).toContain(labels[key]!);
      }
      // Step titles are the plan's own text (made from a template in the language it was made in).
      for (const english of ['Escalation strategy plan', 'Escalation steps', '| **Stage** |', 'Appendix: evidence hashes', 'Target company']) expect(text, locale).not.toContain(english);
      expect(text).toContain('Restore wrongly removed media accounts');
    }
    const english = await markdown('en-GB');
    for (const label of ['Escalation strategy plan', 'Escalation steps', '| **Stage** |', 'Direct engagement', 'Appendix: evidence hashes', 'Target company']) expect(english).toContain(label);
  });
});

describe('an assessment report exported in the user’s language', () => {
  it('frames the report in Indonesian (fields, review list, company response, hash appendix) and keeps English for English', async () => {
    t = await unlockedCore();
    const { company, first, file } = await diaryWithTwoCalls(t);
    const saved = await t.call('assessments.save', completeAssessment(company.id, first.id, file.id));
    const markdown = async (locale: string) =>
      Buffer.from((await t!.call('assessments.export', { id: saved.id, format: 'markdown', identity: { acknowledge: true }, locale })).data, 'base64').toString('utf8');
    const indonesian = await markdown('id-ID');
    const labels = LABEL_FILES.id!.labels;
    for (const key of ['report.subtitle', 'report.platform', 'report.companyResponse', 'report.awaitingReview', 'common.appendix', 'report.thisAssessment']) {
      expect(indonesian, key).toContain(labels[key]!);
    }
    for (const english of ['CLARITI shadow human rights impact assessment', 'Items awaiting review', 'Appendix: evidence hashes', 'This assessment']) expect(indonesian).not.toContain(english);
    const english = await markdown('en-GB');
    for (const label of ['CLARITI shadow human rights impact assessment', 'Items awaiting review', 'Appendix: evidence hashes', 'This assessment']) expect(english).toContain(label);
  });
});

/**
 * The English the app itself writes into exports, for a scan: each English label's fixed words
 * (the parts between placeholders), kept when long enough not to occur by chance in the fixtures'
 * own English text.
 */
function englishFragments(keys: (key: string) => boolean): string[] {
  const fragments = Object.entries(english)
    .filter(([key]) => keys(key))
    .flatMap(([, text]) => text.split(/\{\{\w+\}\}|[()]/))
    .map((part) => part.trim().replace(/^[,.;:—-]+\s*|[,.;:]+$/g, ''))
    .filter((part) => part.length >= 12 || (part.includes(' ') && part.length >= 8));
  return [...new Set(fragments)];
}

/** Official English names may follow the translated name in brackets: the name to file under. */
const withoutBracketedEnglish = (text: string, names: string[]) =>
  names.reduce((rest, name) => rest.replaceAll(`(${name})`, '').replaceAll(`（${name}）`, ''), text);

describe('exports in every language, with no English label left', () => {
  const LANGUAGES = [
    ['th-TH-u-ca-buddhist', 'th'],
    ['my-MM', 'my'],
    ['km-KH', 'km'],
    ['vi-VN', 'vi'],
    ['zh-CN', 'zh-Hans'],
    ['zh-TW', 'zh-Hant'],
    ['id-ID', 'id'],
  ] as const;
  // The words this change put into the export's language, and the toolkit's English they replaced.
  const REPLACED = englishFragments((key) => /^(report\.(harm|severity|criterion|involvement|sourceType|corroboration|consent|citation|body|method|validation|reply)|oecd|plan\.mandate|package\.problem)\.|^common\.notReviewed$/.test(key));
  const PRINCIPLES_EN = ['Do Your Homework', 'Engage the Right People', 'Act Collectively', 'Prioritise Safety', 'Document Everything', 'Escalate When Needed'];
  const ROLELESS_MEMBER = 'Dara Sokha Chan';
  const ROLELESS_REVIEWER = 'Malee Srisuk';

  it('writes an unready package, a plan with Special Procedures and OECD steps, and a CLARITI report in th, my, km, vi, zh-Hans, zh-Hant and id', async () => {
    t = await unlockedCore();
    const { company, first, second, file } = await diaryWithTwoCalls(t);

    // A package that is not ready: a finding without a statement, one unconfirmed without a reason,
    // no partners, no sources, no consent, verification or limitations, and a period that ends before it starts.
    const full = fullPackage(company.id, [first.id, second.id], file.id);
    const findings = full.findings!;
    const pkg = await t.call('packages.save', {
      ...full,
      findings: [{ ...findings[0]!, statement: '' }, { ...findings[1]!, review: { status: 'unconfirmed' } }, findings[2]!],
      partners: [],
      methodology: { sources: [], periodFrom: '2026-10-31', periodTo: '2026-06-01', consent: '', verification: '', limitations: '' },
    });
    const check = await t.call('packages.check', pkg);
    expect(check.ready).toBe(false);
    expect(check.problems.map((p) => p.key)).toEqual(
      expect.arrayContaining(['plans:packageCheck.noStatement', 'plans:packageCheck.unconfirmedNoReason', 'plans:packageCheck.noPartners', 'plans:packageCheck.periodReversed']),
    );

    // A plan with a joint communication to two Special Procedures mandates and an OECD NCP step;
    // the harm in Vietnam (not an adherent), the company in Japan, operating in Australia too.
    const draft = await t.call('plans.fromTemplate', { templateId: 'stalled-dialogue', companyId: company.id });
    const sp = draft.steps.find((s) => s.stage === 'un')!;
    sp.mandates = ['freedom-of-expression', 'country-myanmar'];
    sp.jointCommunication = true;
    expect(draft.steps.some((s) => s.stage === 'oecd-ncp' && s.mechanismId)).toBe(true);
    const plan = await t.call('plans.save', { ...draft, title: 'Escalate removals', objective: 'Restore wrongly removed media accounts', harmCountries: ['VN'], operatingCountries: ['AU'] });
    const mechanisms = await Promise.all(plan.steps.flatMap((s) => (s.mechanismId ? [t!.call('kb.mechanisms.get', { id: s.mechanismId })] : [])));
    const englishNames = [...Object.values(MANDATE_NAMES), ...mechanisms.map((m) => m.name)];

    // A CLARITI report assembled at export: harms, severity, consent, and people by role only,
    // including a team member and a reviewer who have no role recorded.
    const base = completeAssessment(company.id, first.id, file.id);
    const member = crypto.randomUUID();
    const assessment = await t.call('assessments.save', {
      ...base,
      team: [...base.team!, { id: member, name: ROLELESS_MEMBER, role: '' }],
      impacts: base.impacts!.map((impact, i) => (i === 1 ? { ...impact, nature: 'potential', severity: { ...impact.severity, likelihood: 'likely' }, review: { reviewer: ROLELESS_REVIEWER, role: '', confirmedOn: '2026-03-03' } } : impact)),
      report: { ...base.report, executiveSummary: `${base.report!.executiveSummary} ${ROLELESS_MEMBER} and ${ROLELESS_REVIEWER} checked every notice.` },
    });

    const markdown = async (method: 'packages.export' | 'plans.export' | 'assessments.export', id: string, locale: string) =>
      Buffer.from((await t!.call(method, { id, format: 'markdown', identity: { acknowledge: true }, locale })).data, 'base64').toString('utf8');

    const englishPackage = await markdown('packages.export', pkg.id, 'en-GB');
    const englishPlan = await markdown('plans.export', plan.id, 'en-GB');
    const englishReport = await markdown('assessments.export', assessment.id, 'en-GB');
    // The scan list is real: the English exports carry the words it looks for.
    for (const fragment of ['Name the partner organisations who will speak with you', 'Special Rapporteur on the situation of human rights in Myanmar', 'where the harm happened, does not adhere', 'Do Your Homework']) {
      expect(englishPackage + englishPlan).toContain(fragment);
    }
    for (const fragment of ['Wrongful content removal', 'Account restriction or suspension', 'scope: a group or community', 'likelihood: likely', 'Methodology and limitations', 'given with conditions', 'anonymous only', 'a team member', 'a reviewer']) {
      expect(englishReport).toContain(fragment);
    }

    for (const [locale, code] of LANGUAGES) {
      const labels = LABEL_FILES[code]!.labels;
      const exports = {
        package: await markdown('packages.export', pkg.id, locale),
        plan: await markdown('plans.export', plan.id, locale),
        report: await markdown('assessments.export', assessment.id, locale),
      };
      for (const [kind, text] of Object.entries(exports)) {
        const scanned = withoutBracketedEnglish(text, englishNames);
        const left = [...REPLACED, ...PRINCIPLES_EN].filter((fragment) => scanned.includes(fragment));
        expect(left, `${code} ${kind} still has English the app wrote`).toEqual([]);
      }
      // The problems, the mandates, the route, the principles and the report's own words, in the language.
      expect(exports.package).toContain(labels['package.problem.noPartners']);
      expect(exports.plan).toContain(labels['plan.mandate.country-myanmar']);
      expect(exports.plan).toContain(MANDATE_NAMES['country-myanmar']);
      // "Vietnam, where the harm happened, does not adhere …, so the complaint goes to the NCP of the enterprise's home state: Japan's NCP."
      expect(exports.plan).toContain(labels['oecd.homeRoute']!.split('{{harmClause}}')[1]!.split('{{ncps}}')[0]!);
      expect(exports.plan).toContain(labels['plan.principles']);
      expect(exports.report).toContain(labels['report.harm.wrongful-removal']);
      expect(exports.report).toContain(labels['report.consent.given-with-conditions']);
      expect(exports.report).toContain(labels['report.body.aTeamMember']);
      expect(exports.report).toContain(labels['report.body.aReviewer']);
      expect(exports.report).toContain(`## ${labels['report.method.heading']}`);
      // Toolkit passages translated for the app say so.
      expect(exports.plan).toContain(labels['common.notReviewed']);
      // People by role only, and the user's own words as typed.
      for (const text of Object.values(exports)) {
        expect(text).not.toContain(ROLELESS_MEMBER);
        expect(text).not.toContain(ROLELESS_REVIEWER);
      }
      expect(exports.package).toContain('Publish every government takedown request.');
      expect(exports.report).toContain('Removals and suspensions silenced independent media.');
      expect(exports.plan).toContain('Restore wrongly removed media accounts');
    }
  }, 120_000);

  it('prints a package’s problems in the words the interface shows them', () => {
    for (const code of Object.keys(LABEL_FILES)) {
      const catalogue = JSON.parse(fs.readFileSync(path.resolve(`renderer/src/i18n/locales/${code}/plans.json`), 'utf8')) as { packageCheck: Record<string, unknown> };
      const labels = LABEL_FILES[code]!.labels;
      for (const [key, text] of Object.entries(labels).filter(([key]) => key.startsWith('package.problem.'))) {
        expect(text, `${code} ${key}`).toBe(catalogue.packageCheck[key.slice('package.problem.'.length)]);
      }
    }
  });
});

describe('a translated report printed to PDF by Chromium', () => {
  it('reads back in Vietnamese, Thai and Burmese with no English the app wrote', async () => {
    const printer = chromiumPrinter();
    try {
      t = await unlockedCore({ printToPdf: printer.printToPdf });
      const { company, first, file } = await diaryWithTwoCalls(t);
      const saved = await t.call('assessments.save', completeAssessment(company.id, first.id, file.id));
      const replaced = ['Wrongful content removal', 'Methodology and limitations', 'given with conditions', 'Executive summary', 'Documented impacts', 'Right of reply', 'not yet confirmed by a reviewer'];
      for (const [locale, code] of [
        ['vi-VN', 'vi'],
        ['th-TH', 'th'],
        ['my-MM', 'my'],
      ] as const) {
        const out = await t.call('assessments.export', { id: saved.id, format: 'pdf', identity: { acknowledge: true }, locale });
        const pdf = path.join(tempDir('labels-pdf-'), 'report.pdf');
        fs.writeFileSync(pdf, Buffer.from(out.data, 'base64'));
        const text = squash(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }));
        const labels = LABEL_FILES[code]!.labels;
        for (const key of ['report.harm.wrongful-removal', 'report.method.heading', 'report.body.executiveSummary', 'report.consent.given-with-conditions']) {
          expect(text, `${code} ${key}`).toContain(squash(labels[key]!));
        }
        for (const english of replaced) expect(text, code).not.toContain(squash(english));
      }
    } finally {
      await printer.close();
    }
  }, 120_000);
});
