// The words core writes around the user's text in exports, per language: every language file has
// every English label with the same placeholders, the export's locale picks the language (Chinese
// by script), and a package exported in Thai or Burmese has its headings in that language while
// the user's own text comes out as typed. English stays the default.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { exportLabels, LABEL_FILES, labelLanguage } from '../../../electron/core/exports/labels';
import { checkIdentity } from '../../../electron/core/identity/check';
import { unlockedCore, type TestCore } from '../../helpers/core';
import { completeAssessment } from '../assessments/fixtures';
import { diaryWithTwoCalls, fullPackage } from '../plans/fixtures';

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
