// Exporting an evidence package in each format, through the dispatcher with a real vault, as the
// renderer asks for it. PDF goes through Chromium's print pipeline (playwright-core, as browser
// mode does) and is reported against HTML, the same document without printing, as a ratio.
import { chromiumPrinter } from '../electron/server/print-to-pdf';
import { EXPORT_FORMATS, type ExportFormat } from '../electron/shared/api/plans';
import { unlockedCore } from '../tests/helpers/core';
import { diaryWithTwoCalls, fullPackage } from '../tests/core/plans/fixtures';
import type { Figure } from './run';
import { median, round, timed } from './stats';

const RUNS = 7;

export async function run(): Promise<Figure[]> {
  const printer = chromiumPrinter();
  const t = await unlockedCore({ printToPdf: printer.printToPdf });
  try {
    const { company, first, second, file } = await diaryWithTwoCalls(t);
    const pkg = await t.call('packages.save', fullPackage(company.id, [first.id, second.id], file.id));
    // The first PDF starts Chromium; time that on its own, then the warm exports.
    const coldPdf = await timed(() => t.call('packages.export', { id: pkg.id, format: 'pdf' }));
    const samples = Object.fromEntries(EXPORT_FORMATS.map((f) => [f, [] as number[]])) as Record<ExportFormat, number[]>;
    const sizes = {} as Record<ExportFormat, number>;
    for (let i = 0; i < RUNS; i++) {
      for (const format of EXPORT_FORMATS) {
        let bytes = 0;
        samples[format].push(
          await timed(async () => {
            bytes = (await t.call('packages.export', { id: pkg.id, format })).data.length;
          }),
        );
        sizes[format] = Math.round((bytes * 3) / 4);
      }
    }
    return [
      ...EXPORT_FORMATS.map((format) => ({ name: `package_export_${format}`, value: round(median(samples[format]), 1), unit: 'ms', runs: RUNS, bytes: sizes[format] })),
      { name: 'package_export_pdf_cold_start', value: round(coldPdf, 1), unit: 'ms' },
      { name: 'package_export_ratio_pdf_to_html', value: round(median(samples.pdf) / median(samples.html), 1), unit: 'ratio' },
    ];
  } finally {
    await t.core.close();
    await printer.close();
  }
}
