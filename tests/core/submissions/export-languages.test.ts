// A submission written in another language than English, exported from a real encrypted vault and
// read back as the body's staff would: a French UPR submission's PDF pages are numbered in French
// (the export labels have no French, so the footer comes from the submissions' own translation),
// and a Special Procedures communication names each mandate as plan exports do: in the document's
// language with the official English name in brackets where the app has the name translated, by
// the English name alone where it does not (French, Spanish). The UN takes communications in
// English, French and Spanish only, so a Thai one is read from a copy of the resources whose
// template a knowledge update has widened to any language.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportFile } from '@shared/api/plans';
import type { Submission } from '@shared/api/submissions';
import { chromiumPrinter } from '../../../electron/server/print-to-pdf';
import { unlockedCore, type TestCore } from '../../helpers/core';
import { tempDir } from '../../helpers/temp';
import { diaryWithTwoCalls, fullPackage } from '../plans/fixtures';

const printer = chromiumPrinter();
const read = <T,>(file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as T;
const thaiLabels = read<{ labels: Record<string, string> }>('resources/export-labels/th.json').labels;
const englishLabels = read<{ labels: Record<string, string> }>('resources/export-labels/en.json').labels;
const french = read<{ document: Record<string, string> }>('resources/submissions/translations/fr.json');

/** The app's resources with the Special Procedures template taking any language; everything else is the real folder. */
function resourcesWithSpecialProceduresInAnyLanguage(): string {
  const dir = tempDir('submission-resources-');
  for (const entry of fs.readdirSync('resources')) {
    if (entry !== 'submissions') fs.symlinkSync(path.resolve('resources', entry), path.join(dir, entry));
  }
  // The compiled knowledge base, where a packaged app keeps it beside its resources.
  fs.symlinkSync(path.resolve('out/kb'), path.join(dir, 'kb-built'));
  fs.mkdirSync(path.join(dir, 'submissions'));
  for (const entry of fs.readdirSync('resources/submissions')) {
    if (entry !== 'spCommunication.json') fs.symlinkSync(path.resolve('resources/submissions', entry), path.join(dir, 'submissions', entry));
  }
  const template = read<Record<string, unknown>>('resources/submissions/spCommunication.json');
  fs.writeFileSync(path.join(dir, 'submissions', 'spCommunication.json'), JSON.stringify({ ...template, languages: [], languagesSource: null }));
  return dir;
}

const text = (file: ExportFile) => Buffer.from(file.data, 'base64').toString('utf8');

async function startFrom(t: TestCore, route: Submission['route'], language: string): Promise<Submission> {
  const { company, first, second, file } = await diaryWithTwoCalls(t);
  const pkg = await t.call('packages.save', fullPackage(company.id, [first.id, second.id], file.id));
  return t.call('submissions.start', { route, source: { kind: 'package', id: pkg.id }, language });
}

async function withMandates(t: TestCore, draft: Submission): Promise<Submission> {
  if (draft.fields.route !== 'spCommunication') throw new Error('not a communication');
  return t.call('submissions.save', { ...draft, fields: { ...draft.fields, mandates: ['freedom-of-expression', 'country-myanmar'] } });
}

describe('a submission in French or Spanish', () => {
  let t: TestCore;
  beforeAll(async () => {
    t = await unlockedCore({ printToPdf: printer.printToPdf });
  }, 60_000);
  afterAll(async () => {
    await t?.core.close();
    await printer.close();
  });

  it('numbers the pages of a French UPR submission’s PDF in French', async () => {
    const draft = await startFrom(t, 'uprStakeholder', 'fr');
    expect(draft.language).toBe('fr');
    const file = await t.call('submissions.export', { id: draft.id, format: 'pdf', identity: { acknowledge: true }, locale: 'en-GB' });
    const pdf = path.join(tempDir('submission-pdf-'), 'submission.pdf');
    fs.writeFileSync(pdf, Buffer.from(file.data, 'base64'));
    const pages = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(french.document.pageOf).toBe('Page {{page}} sur {{total}}');
    expect(pages).toMatch(/Page 1 sur \d+/);
    expect(pages).not.toMatch(/Page 1 of \d+/);
  }, 60_000);

  it('names the mandates of a Spanish communication by their official English names alone', async () => {
    const draft = await withMandates(t, await startFrom(t, 'spCommunication', 'es'));
    expect(draft.language).toBe('es');
    const doc = text(await t.call('submissions.export', { id: draft.id, format: 'markdown', identity: { acknowledge: true } }));
    const english = englishLabels['plan.mandate.freedom-of-expression']!;
    expect(doc).toContain(english);
    expect(doc).not.toContain(`(${english})`);
  }, 60_000);
});

describe('a Special Procedures communication in Thai, once the template takes any language', () => {
  let t: TestCore;
  beforeAll(async () => {
    t = await unlockedCore({ resourcesDir: resourcesWithSpecialProceduresInAnyLanguage() });
  }, 60_000);
  afterAll(() => t?.core.close());

  it('names each mandate in Thai with its official English name in brackets', async () => {
    const draft = await withMandates(t, await startFrom(t, 'spCommunication', 'th'));
    expect(draft.language).toBe('th');
    const doc = text(await t.call('submissions.export', { id: draft.id, format: 'markdown', identity: { acknowledge: true }, locale: 'th' }));
    for (const mandate of ['freedom-of-expression', 'country-myanmar']) {
      const thai = thaiLabels[`plan.mandate.${mandate}`]!;
      const english = englishLabels[`plan.mandate.${mandate}`]!;
      expect(thai).not.toBe(english);
      expect(doc).toContain(`${thai} (${english})`);
    }
  }, 60_000);

  it('keeps the English names alone in the English communication', async () => {
    const draft = await withMandates(t, await startFrom(t, 'spCommunication', 'en'));
    const doc = text(await t.call('submissions.export', { id: draft.id, format: 'markdown', identity: { acknowledge: true }, locale: 'th' }));
    expect(doc).toContain(englishLabels['plan.mandate.country-myanmar']);
    expect(doc).not.toContain(thaiLabels['plan.mandate.country-myanmar']);
  }, 60_000);
});
