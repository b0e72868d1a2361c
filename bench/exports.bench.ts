// Exporting an evidence package in each format, through the dispatcher with a real vault, as the
// renderer asks for it. PDF goes through browser mode's printer (one locked-down print context,
// a fresh page per export) and is measured against the bare print of the very same HTML: one
// already-open Chromium page calling setContent and pdf with the same options. Both are
// interleaved in one loop, first calls included and reported on their own.
// Each print starts once every browser is at rest: after an export the printer readies its next
// page by printing a sample in every script, which took 1.5 to 2.2 s of both cores on a 2-core
// machine. A fixed quarter of a second before each print left the bare print sharing the machine
// with that work, which slowed it and flattered the ratio.
import { chromium, type Browser, type Page } from 'playwright-core';
import type { PdfPage } from '../electron/core/exports/pdf';
import { CHROMIUM_ARGS, CHROMIUM_PATH, chromiumPrinter } from '../electron/server/print-to-pdf';
import { EXPORT_FORMATS, type ExportFormat } from '../electron/shared/api/plans';
import { unlockedCore } from '../tests/helpers/core';
import { diaryWithTwoCalls, fullPackage } from '../tests/core/plans/fixtures';
import type { Figure } from './run';
import { childrenAtRest, REST_LIMIT_S } from './process-rest';
import { percentile, round, timed } from './stats';

/** With 20, the p95 (nearest rank) is the second slowest print, as it was with 30. */
const RUNS = 20;
const PDF_TARGET_RATIO = 1.5;

async function barePrint(page: Page, html: string, chrome: PdfPage): Promise<void> {
  await page.setContent(html, { waitUntil: 'load' });
  await page.pdf({
    format: 'A4',
    printBackground: true,
    tagged: true,
    outline: true,
    displayHeaderFooter: true,
    headerTemplate: chrome.headerTemplate,
    footerTemplate: chrome.footerTemplate,
    margin: chrome.margins,
  });
}

export async function run(): Promise<Figure[]> {
  const printer = chromiumPrinter();
  // The HTML and page chrome our printer was given, so the bare print prints exactly the same.
  let printed: { html: string; page: PdfPage } | null = null;
  const t = await unlockedCore({
    printToPdf: (html, page) => {
      printed = { html, page };
      return printer.printToPdf(html, page);
    },
  });
  let bare: Browser | null = null;
  try {
    const { company, first, second, file } = await diaryWithTwoCalls(t);
    const pkg = await t.call('packages.save', fullPackage(company.id, [first.id, second.id], file.id));
    const exportPdf = () => t.call('packages.export', { id: pkg.id, format: 'pdf' });

    // First calls: each starts its browser.
    const firstExport = await timed(exportPdf);
    const { html, page: chrome } = printed!;
    let barePage: Page | null = null;
    const firstBare = await timed(async () => {
      bare = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
      const context = await bare.newContext({ javaScriptEnabled: false, offline: true });
      barePage = await context.newPage();
      await barePrint(barePage, html, chrome);
    });

    const samples = Object.fromEntries(EXPORT_FORMATS.map((f) => [f, [] as number[]])) as Record<ExportFormat, number[]>;
    const bareSamples: number[] = [];
    const sizes = {} as Record<ExportFormat, number>;
    // PDF first, then (once its readying is done) the bare print, then the formats that need no
    // browser; each print once the browsers are at rest.
    const formats = ['pdf' as const, ...EXPORT_FORMATS.filter((format) => format !== 'pdf')];
    // Waits that gave up before the browsers rested (childrenAtRest's limit): reported, not hidden.
    let notAtRest = 0;
    const atRest = async () => {
      if ((await childrenAtRest()) >= REST_LIMIT_S) notAtRest++;
    };
    for (let i = 0; i < RUNS; i++) {
      for (const format of formats) {
        let bytes = 0;
        if (format === 'pdf') await atRest();
        samples[format].push(
          await timed(async () => {
            bytes = (await t.call('packages.export', { id: pkg.id, format })).data.length;
          }),
        );
        sizes[format] = Math.round((bytes * 3) / 4);
        if (format === 'pdf') {
          await atRest();
          bareSamples.push(await timed(() => barePrint(barePage!, html, chrome)));
        }
      }
    }
    const p = (values: number[], at: number) => round(percentile(values, at), 1);
    return [
      ...EXPORT_FORMATS.flatMap((format) => [
        { name: `package_export_${format}_p50`, value: p(samples[format], 50), unit: 'ms', runs: RUNS, bytes: sizes[format] },
        { name: `package_export_${format}_p95`, value: p(samples[format], 95), unit: 'ms', runs: RUNS },
      ]),
      { name: 'pdf_bare_print_p50', value: p(bareSamples, 50), unit: 'ms', runs: RUNS },
      { name: 'pdf_bare_print_p95', value: p(bareSamples, 95), unit: 'ms', runs: RUNS },
      { name: 'pdf_export_to_bare_print_ratio_p50', value: round(percentile(samples.pdf, 50) / percentile(bareSamples, 50), 2), unit: 'ratio', target: PDF_TARGET_RATIO, prints_not_at_rest: notAtRest },
      { name: 'pdf_export_to_bare_print_ratio_p95', value: round(percentile(samples.pdf, 95) / percentile(bareSamples, 95), 2), unit: 'ratio', target: PDF_TARGET_RATIO, prints_not_at_rest: notAtRest },
      { name: 'pdf_export_first_call', value: round(firstExport, 1), unit: 'ms', note: 'starts the print browser' },
      { name: 'pdf_bare_print_first_call', value: round(firstBare, 1), unit: 'ms', note: 'starts its browser too' },
    ];
  } finally {
    await t.core.close();
    await printer.close();
    await (bare as Browser | null)?.close();
  }
}
