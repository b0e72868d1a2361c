// In real Chromium, through browser mode: a package exported as PDF from the Thai interface and a
// plan exported from the Burmese one carry the words core writes around the user's text (headings,
// field names, stages, states) from resources/export-labels/<code>.json, and none of them is left
// in English; the bundled Noto fonts for each script are embedded, with no stand-in for a missing
// glyph. The text is read back with poppler's pdftotext. Which labels to expect is learnt from the
// same records exported in English: every label that stands at the start of a line there (a
// heading, a field name, a table cell) must be gone from the translated PDF, and its translation
// there. The page footer ("Page 1 of 3") is checked on its own: Chromium prints it on every page.
// English that does not come from export-labels (mechanism names and guidance) is not checked here.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { TFunction } from 'i18next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { diaryWithTwoCalls, fullPackage } from '../core/plans/fixtures';
import { openSignedInPage, rpc, type SignedInPage } from './harness';
import { messagesIn } from './languages-i18n';
import { createVaultThroughUi } from './vault-ui';

const OUT = path.resolve('test-results', 'export-labels');
const LABELS_DIR = path.resolve('resources/export-labels');
const labelsOf = (code: string): Record<string, string> => (JSON.parse(fs.readFileSync(path.join(LABELS_DIR, `${code}.json`), 'utf8')) as { labels: Record<string, string> }).labels;
const ENGLISH = labelsOf('en');

/** The label families each export writes: a plan never uses a package's words, nor either the report's. */
const FAMILIES = { package: ['common.', 'package.', 'review.', 'method.'], plan: ['common.', 'plan.', 'oecd.'] } as const;

const PLACEHOLDER = /\{\{\w+\}\}/g;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Letters only: Thai and Burmese come back with spaces and line breaks where shaping and wrapping put them. */
const letters = (text: string) => text.replace(/[\s\u200b]+/gu, '');

/**
 * An English label where the export puts one: starting a line, and either the whole line or
 * followed by ':' (a field name), ' ·' (the subtitle and its date) or ' —'. Words may wrap.
 */
function labelLines(label: string): RegExp {
  const parts = label.trim().split(PLACEHOLDER).map((part) => escape(part).replace(/\s+/g, '\\s+'));
  return new RegExp(`^${parts.join('.+?')}(?=[ \\t]*$|:|\\s+[·—])`, 'gmu');
}
const countLabel = (label: string, text: string) => text.match(labelLines(label))?.length ?? 0;
/** A translated label anywhere in the text, whitespace aside; placeholders stand for anything. */
const hasTranslation = (label: string, text: string) => new RegExp(label.split(PLACEHOLDER).map((part) => escape(letters(part))).join('.*?'), 'u').test(letters(text));

interface PdfText {
  /** pdftotext's default layout: table cells and headings on lines of their own. */
  lines: string;
  /** Content-stream order: a wrapped label's pieces one after the other. */
  raw: string;
}
const pdfText = (pdf: string): PdfText => ({
  lines: execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }),
  raw: execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' }),
});

/** The labels the English export shows, and where the translated one fails to. */
function labelReport(kind: keyof typeof FAMILIES, english: PdfText, translated: PdfText, code: string) {
  const own = labelsOf(code);
  const shown = Object.keys(ENGLISH).filter((key) => FAMILIES[kind].some((family) => key.startsWith(family)) && /^\p{L}/u.test(ENGLISH[key]!) && countLabel(ENGLISH[key]!, english.lines) > 0);
  // A label the language writes as English does ("ID", "SHA-256") cannot be told apart.
  const checked = shown.filter((key) => own[key] && own[key] !== ENGLISH[key]);
  return {
    shown,
    checked,
    leftInEnglish: checked.filter((key) => countLabel(ENGLISH[key]!, translated.lines) > 0).map((key) => `${key}: ${ENGLISH[key]}`),
    untranslated: checked.filter((key) => !hasTranslation(own[key]!, translated.raw)).map((key) => `${key}: ${own[key]}`),
  };
}

/** "Page 1 of 3" on the first page, and no English footer on any page. */
function expectFooterIn(code: string, text: PdfText): void {
  expect(text.raw).not.toMatch(/Page\s+\d+\s+of\s+\d+/);
  const [before, middle, after] = labelsOf(code)['common.pageOf']!.split(PLACEHOLDER).map((part) => escape(letters(part)));
  const pages = letters(text.raw).match(new RegExp(`${before}(\\d+)${middle}(\\d+)${after}`, 'gu')) ?? [];
  expect(pages.length, `${code} footers in ${text.raw.slice(0, 400)}`).toBeGreaterThanOrEqual(2);
  expect(letters(text.raw)).toContain(letters(labelsOf(code)['common.pageOf']!.replace('{{page}}', '1').replace('{{total}}', String(pages.length))));
}

const fontsOf = (pdf: string): string[] => execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).trim().split('\n').slice(2);

/** The bundled font of the script: embedded, and no Type 3 font (Chromium's stand-in for a glyph no font has). */
function expectBundledFonts(pdf: string, family: string): void {
  const fonts = fontsOf(pdf);
  const names = fonts.map((line) => line.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, ''));
  expect(names.some((name) => name.startsWith(family)), `${family} in ${names.join(', ')}`).toBe(true);
  expect(names.filter((name) => !name.startsWith('NotoSans')).every((name) => /Mono/.test(name)), names.join(', ')).toBe(true);
  for (const line of fonts) {
    expect(line).not.toMatch(/Type 3/);
    expect(line).toMatch(/\byes\b/);
  }
}

/** Exports through the page's export dialog in its language, deciding every flag "this is fine". */
async function exportPdfThroughDialog(page: Page, t: TFunction, file: string): Promise<string> {
  await page.getByRole('button', { name: t('common:export.as.pdf'), exact: true }).click({ timeout: 30_000 });
  const dialog = page.getByRole('alertdialog');
  await dialog.getByText(t('common:export.warningTitle')).waitFor({ timeout: 30_000 });
  const review = dialog.getByTestId('identity-review');
  await review.waitFor({ timeout: 30_000 });
  const flags = review.getByTestId('identity-flag');
  for (let i = 0; i < (await flags.count()); i++) await flags.nth(i).getByRole('radio', { name: t('common:export.identity.fine') }).check();
  await dialog.getByRole('radio', { name: t('common:export.quasi.no') }).check();
  const format = t('common:export.names.pdf');
  const confirm = new RegExp(`^(${escape(t('common:export.confirm', { format }))}|${escape(t('common:export.confirmFlagged', { format }))})$`);
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), dialog.getByRole('button', { name: confirm }).click()]);
  const pdf = path.join(OUT, file);
  await download.saveAs(pdf);
  return pdf;
}

/** The same record exported through the API, for the English reference and the other kind. */
async function exportPdfThroughApi(page: Page, method: 'packages.export' | 'plans.export', id: string, locale: string, file: string): Promise<string> {
  const exported = await rpc<{ data: string }>(page, method, { id, format: 'pdf', identity: { acknowledge: true }, locale });
  const pdf = path.join(OUT, file);
  fs.writeFileSync(pdf, Buffer.from(exported.data, 'base64'));
  return pdf;
}

describe('PDF exports in Thai and Burmese carry the translated export labels', () => {
  let app: SignedInPage;
  let packageId = '';
  let planId = '';
  const english: Partial<Record<keyof typeof FAMILIES, PdfText>> = {};

  beforeAll(async () => {
    app = await openSignedInPage({ acceptDownloads: true });
    const { page } = app;
    await page.goto(`${app.server.origin}/diary`);
    await createVaultThroughUi(page);
    await page.getByRole('heading', { name: 'Engagement diary' }).waitFor({ timeout: 30_000 });
    const api = { call: (method: string, input: unknown) => rpc(page, method, input) };
    const { company, first, second, file } = await diaryWithTwoCalls(api as never);
    packageId = (await rpc<{ id: string }>(page, 'packages.save', fullPackage(company.id, [first.id, second.id], file.id))).id;
    // Every stage of the ladder, so its stage names, statuses and the mechanisms' headings are written.
    const draft = await rpc<{ steps: Array<{ engagementIds: string[] }> }>(page, 'plans.fromTemplate', { templateId: 'full-ladder', companyId: company.id });
    draft.steps[0]!.engagementIds = [first.id];
    planId = (await rpc<{ id: string }>(page, 'plans.save', { ...draft, title: 'Escalate removals', objective: 'Restore wrongly removed media accounts' })).id;
    fs.mkdirSync(OUT, { recursive: true });
    english.package = pdfText(await exportPdfThroughApi(page, 'packages.export', packageId, 'en-GB', 'package-en.pdf'));
    english.plan = pdfText(await exportPdfThroughApi(page, 'plans.export', planId, 'en-GB', 'plan-en.pdf'));
  }, 240_000);

  afterAll(async () => {
    await app?.close();
  });

  it('learns enough labels from the English exports, and would catch a PDF left in English', () => {
    for (const kind of ['package', 'plan'] as const) {
      const report = labelReport(kind, english[kind]!, english[kind]!, 'th');
      expect(report.checked.length, `${kind}: ${report.shown.join(', ')}`).toBeGreaterThanOrEqual(30);
      // Read as if it were the Thai export, the English one fails on every label.
      expect(report.leftInEnglish).toHaveLength(report.checked.length);
      expect(report.untranslated).toHaveLength(report.checked.length);
      expect(english[kind]!.raw).toMatch(/Page\s+1\s+of\s+\d+/);
      expect(() => expectFooterIn('th', english[kind]!)).toThrow();
    }
  });

  it.each([
    ['th', 'package', 'NotoSansThai-'],
    ['my', 'plan', 'NotoSansMyanmar-'],
  ] as const)('exports from the %s interface a %s PDF in its language, through the export dialog', async (code, kind, font) => {
    const { page } = app;
    const t = await messagesIn(code);
    // ?locale= is the tab's preview language, allowed under test automation (i18n/index.ts).
    const address = kind === 'package' ? `/plans/packages/${packageId}` : `/plans/edit/${planId}`;
    await page.goto(`${app.server.origin}${address}?locale=${code}`);
    await page.locator('main h1').first().waitFor({ timeout: 30_000 });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(code);
    const pdf = await exportPdfThroughDialog(page, t, `${kind}-${code}.pdf`);

    const report = labelReport(kind, english[kind]!, pdfText(pdf), code);
    console.log(`${code} ${kind} PDF: ${report.checked.length} labels checked`);
    expect(report.leftInEnglish).toEqual([]);
    expect(report.untranslated).toEqual([]);
    expectFooterIn(code, pdfText(pdf));
    expectBundledFonts(pdf, font);
  }, 240_000);

  it.each([
    ['th', 'th-TH-u-ca-buddhist', 'plan', 'NotoSansThai-'],
    ['my', 'my-MM', 'package', 'NotoSansMyanmar-'],
  ] as const)('exports through the API in %s (%s) a %s PDF in its language', async (code, locale, kind, font) => {
    const pdf = await exportPdfThroughApi(app.page, kind === 'package' ? 'packages.export' : 'plans.export', kind === 'package' ? packageId : planId, locale, `${kind}-${code}-api.pdf`);
    const report = labelReport(kind, english[kind]!, pdfText(pdf), code);
    expect(report.leftInEnglish).toEqual([]);
    expect(report.untranslated).toEqual([]);
    expectFooterIn(code, pdfText(pdf));
    expectBundledFonts(pdf, font);
  }, 240_000);

  it('raised no page error', () => {
    expect(app.pageErrors).toEqual([]);
  });
});
