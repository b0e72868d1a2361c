// Browser-mode start-up and first paint: the app next to a blank page served by the same server,
// loaded alternately in the same tab of the same browser, so the ratio is the app's own cost.
// Besides first contentful paint (which the static shell in index.html answers), it times when
// the app's frame (header and navigation) and Home's heading are on screen, and what the page
// downloads to get there.
import fs from 'node:fs';
import path from 'node:path';
import { launchChromium, signIn, startWebServer } from '../tests/e2e/harness';
import type { Figure } from './run';
import { median, percentile, round } from './stats';
import { tempDir } from '../tests/helpers/temp';

const RUNS = 15;

async function serverStartMs(): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    const server = await startWebServer(tempDir('workbench-bench-'));
    samples.push(performance.now() - start);
    await server.stop();
  }
  return samples;
}

/**
 * Runs in every document the tab opens, before the page's own scripts: when did each part appear.
 * A string, not a function: the bench's compiler would add helpers the page does not have.
 */
const RECORD_MILESTONES = `(() => {
  const marks = {};
  window.__marks = marks;
  const check = () => {
    if (marks.frame === undefined && document.querySelector('.app-header nav')) marks.frame = performance.now();
    if (marks.heading === undefined && document.querySelector('main h1')) marks.heading = performance.now();
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
})();`;

/** The size of the entry chunk that index.html loads, as built. */
function entryChunkBytes(): number {
  const html = fs.readFileSync(path.resolve('out/renderer/index.html'), 'utf8');
  const entry = /<script type="module" crossorigin src="\/([^"]+\.js)"/.exec(html)?.[1];
  return entry ? fs.statSync(path.resolve('out/renderer', entry)).size : Number.NaN;
}

interface Load {
  fcp: number;
  frame?: number;
  heading?: number;
  bytes: number;
}

export async function run(): Promise<Figure[]> {
  const starts = await serverStartMs();

  // The blank baseline is a file in the served folder, so both pages travel the same path.
  const blank = path.resolve('out/renderer/bench-blank.html');
  fs.writeFileSync(blank, '<!doctype html><title>blank</title><p>blank</p>');
  const server = await startWebServer(tempDir('workbench-bench-'));
  const browser = await launchChromium();
  const loads = { app: [] as Load[], blank: [] as Load[] };
  try {
    const page = await browser.newPage();
    await page.addInitScript(RECORD_MILESTONES);
    // Sign in once; the tab keeps its session (sessionStorage) across the loads below.
    await signIn(page, server);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    let bytes = 0;
    cdp.on('Network.loadingFinished', (event: { encodedDataLength: number }) => {
      bytes += event.encodedDataLength;
    });
    for (let i = 0; i < RUNS; i++) {
      // Alternate which goes first, so neither always follows the other.
      const order = i % 2 === 0 ? (['blank', 'app'] as const) : (['app', 'blank'] as const);
      for (const kind of order) {
        bytes = 0;
        await page.goto(kind === 'app' ? `${server.origin}/` : `${server.origin}/bench-blank.html`, { waitUntil: 'load' });
        if (kind === 'app') await page.locator('main h1').waitFor();
        const timings = await page.evaluate(
          () =>
            new Promise<{ fcp: number; frame?: number; heading?: number }>((resolve) => {
              new PerformanceObserver((list) => {
                const entry = list.getEntriesByName('first-contentful-paint')[0];
                const marks = (window as unknown as { __marks: Record<string, number> }).__marks;
                if (entry) resolve({ fcp: entry.startTime, ...marks });
              }).observe({ type: 'paint', buffered: true });
            }),
        );
        loads[kind].push({ ...timings, bytes });
      }
    }
  } finally {
    await browser.close();
    await server.stop();
    fs.rmSync(blank, { force: true });
  }

  const of = (kind: 'app' | 'blank', key: 'fcp' | 'frame' | 'heading' | 'bytes') => loads[kind].map((load) => load[key] ?? Number.NaN);
  const blankFcp = of('blank', 'fcp');
  const figures: Figure[] = [{ name: 'browser_mode_start_to_ready', value: round(median(starts), 1), unit: 'ms', runs: starts.length }];
  for (const [name, samples] of [
    ['first_contentful_paint_blank', blankFcp],
    ['first_contentful_paint_app', of('app', 'fcp')],
    ['app_frame_on_screen', of('app', 'frame')],
    ['home_heading_on_screen', of('app', 'heading')],
  ] as const) {
    figures.push({ name: `${name}_p50`, value: round(median(samples), 1), unit: 'ms', runs: RUNS });
    figures.push({ name: `${name}_p95`, value: round(percentile(samples, 95), 1), unit: 'ms', runs: RUNS });
  }
  for (const [name, samples] of [
    ['first_contentful_paint_ratio_app_to_blank', of('app', 'fcp')],
    ['app_frame_ratio_to_blank_paint', of('app', 'frame')],
    ['home_heading_ratio_to_blank_paint', of('app', 'heading')],
  ] as const) {
    figures.push({ name: `${name}_p50`, value: round(median(samples) / median(blankFcp), 2), unit: 'ratio', ...(name.startsWith('first') && { target: 2 }) });
    figures.push({ name: `${name}_p95`, value: round(percentile(samples, 95) / percentile(blankFcp, 95), 2), unit: 'ratio' });
  }
  figures.push({ name: 'home_bytes_transferred', value: median(of('app', 'bytes')), unit: 'bytes', note: 'locked Home, compressed as sent' });
  figures.push({ name: 'entry_chunk_bytes', value: entryChunkBytes(), unit: 'bytes', note: 'the script every address runs first, before compression' });
  return figures;
}
