// What the bundled fonts cost: first paint of the app with its fonts, of the same app with every
// font request refused (what it was before the fonts: system fonts only), and of a blank page,
// loaded in turn in the same tab of the same browser. Home is shown with a line in each script,
// so the fonts of every script are on screen. Also the bytes the fonts add to the renderer bundle
// (what the installer and browser mode carry), to what the export code reads, and to Home's load.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium, signIn, startWebServer } from '../tests/e2e/harness';
import type { Figure } from './run';
import { median, percentile, round } from './stats';
import { tempDir } from '../tests/helpers/temp';
import { BUNDLED_FONTS } from '../electron/core/exports/fonts';

const RUNS = 15;
const SCRIPTS = 'Người dân · สิทธิในความเป็นส่วนตัว · လွတ်လပ်စွာ · សិទ្ធិសេរីភាព · 言论自由 · 言論自由與隱私權';

/** A line in every script appended to Home once it shows, so its fonts must load and paint. */
async function paintAllScripts(page: Page): Promise<number> {
  return page.evaluate(async (text) => {
    const line = document.createElement('p');
    line.textContent = text;
    document.querySelector('main')!.append(line);
    const start = performance.now();
    await document.fonts.ready;
    await new Promise((resolve) => requestAnimationFrame(() => resolve(null)));
    return performance.now() - start;
  }, SCRIPTS);
}

const bytesOf = (dir: string, test: (name: string) => boolean): number =>
  fs.readdirSync(dir).filter(test).reduce((sum, name) => sum + fs.statSync(path.join(dir, name)).size, 0);

interface Load {
  fcp: number;
  heading: number;
  scripts: number;
  fontBytes: number;
}

export async function run(): Promise<Figure[]> {
  const blank = path.resolve('out/renderer/bench-fonts-blank.html');
  fs.writeFileSync(blank, '<!doctype html><title>blank</title><p>blank</p>');
  const server = await startWebServer(tempDir('workbench-bench-'));
  const browser = await launchChromium();
  const loads = { fonts: [] as Load[], none: [] as Load[], blank: [] as Load[] };
  try {
    const page = await browser.newPage();
    await signIn(page, server);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    const fontRequests = new Map<string, boolean>();
    let fontBytes = 0;
    cdp.on('Network.responseReceived', (event: { requestId: string; response: { url: string } }) => {
      if (event.response.url.endsWith('.woff2')) fontRequests.set(event.requestId, true);
    });
    cdp.on('Network.loadingFinished', (event: { requestId: string; encodedDataLength: number }) => {
      if (fontRequests.has(event.requestId)) fontBytes += event.encodedDataLength;
    });
    const kinds = ['blank', 'fonts', 'none'] as const;
    for (let i = 0; i < RUNS; i++) {
      // Rotate the order, so no kind always follows another.
      for (let k = 0; k < kinds.length; k++) {
        const kind = kinds[(i + k) % kinds.length]!;
        fontBytes = 0;
        // Each load starts cold for fonts, as at start-up (Chromium keeps fetched fonts in memory).
        await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
        if (kind === 'none') await page.route('**/*.woff2', (route) => route.abort());
        await page.goto(kind === 'blank' ? `${server.origin}/bench-fonts-blank.html` : `${server.origin}/`, { waitUntil: 'load' });
        const start = await page.evaluate(() => performance.timeOrigin);
        let heading = Number.NaN;
        let scripts = Number.NaN;
        if (kind !== 'blank') {
          await page.locator('main h1').waitFor();
          heading = (await page.evaluate(() => performance.timeOrigin + performance.now())) - start;
          scripts = await paintAllScripts(page);
        }
        const fcp = await page.evaluate(
          () =>
            new Promise<number>((resolve) => {
              new PerformanceObserver((list) => {
                const entry = list.getEntriesByName('first-contentful-paint')[0];
                if (entry) resolve(entry.startTime);
              }).observe({ type: 'paint', buffered: true });
            }),
        );
        if (kind === 'none') await page.unroute('**/*.woff2');
        loads[kind].push({ fcp, heading, scripts, fontBytes });
      }
    }
  } finally {
    await browser.close();
    await server.stop();
    fs.rmSync(blank, { force: true });
  }

  const of = (kind: keyof typeof loads, key: keyof Load) => loads[kind].map((load) => load[key]);
  const figures: Figure[] = [];
  const blankFcp = of('blank', 'fcp');
  for (const [name, samples] of [
    ['first_contentful_paint_blank', blankFcp],
    ['first_contentful_paint_with_fonts', of('fonts', 'fcp')],
    ['first_contentful_paint_without_fonts', of('none', 'fcp')],
    ['home_heading_with_fonts', of('fonts', 'heading')],
    ['home_heading_without_fonts', of('none', 'heading')],
    ['all_scripts_painted_after_insert_with_fonts', of('fonts', 'scripts')],
    ['all_scripts_painted_after_insert_without_fonts', of('none', 'scripts')],
  ] as const) {
    figures.push({ name: `${name}_p50`, value: round(median(samples), 1), unit: 'ms', runs: RUNS });
    figures.push({ name: `${name}_p95`, value: round(percentile(samples, 95), 1), unit: 'ms', runs: RUNS });
  }
  for (const kind of ['fonts', 'none'] as const) {
    const name = `first_contentful_paint_ratio_${kind === 'fonts' ? 'with' : 'without'}_fonts_to_blank`;
    figures.push({ name: `${name}_p50`, value: round(median(of(kind, 'fcp')) / median(blankFcp), 2), unit: 'ratio', target: 2 });
    figures.push({ name: `${name}_p95`, value: round(percentile(of(kind, 'fcp'), 95) / percentile(blankFcp, 95), 2), unit: 'ratio', target: 2 });
  }
  figures.push({ name: 'font_bytes_home_all_scripts', value: median(of('fonts', 'fontBytes')), unit: 'bytes', note: 'woff2 fetched for Home plus one line per script' });

  const assets = path.resolve('out/renderer/assets');
  figures.push({ name: 'renderer_font_bytes', value: bytesOf(assets, (name) => name.endsWith('.woff2')), unit: 'bytes', note: 'woff2 files in the renderer bundle' });
  figures.push({ name: 'renderer_font_css_bytes', value: bytesOf(assets, (name) => /^index-.*\.css$/.test(name)), unit: 'bytes', note: 'the main stylesheet, which carries the @font-face rules' });
  // What electron-builder packs for the export code: 400 and 700 woff2 of each package.
  let exportBytes = 0;
  for (const { pkg } of BUNDLED_FONTS) {
    const files = path.resolve('node_modules', pkg, 'files');
    exportBytes += bytesOf(files, (name) => /-(400|700)-normal\.woff2$/.test(name));
  }
  figures.push({ name: 'export_font_bytes_packaged', value: exportBytes, unit: 'bytes', note: 'node_modules/@fontsource 400/700 woff2 kept by electron-builder.yml' });
  return figures;
}

// `tsx --tsconfig tsconfig.test.json bench/fonts.bench.ts` runs this suite alone.
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve('bench/fonts.bench.ts')) {
  for (const figure of await run()) process.stdout.write(`${JSON.stringify({ suite: 'fonts', ...figure })}\n`);
}
