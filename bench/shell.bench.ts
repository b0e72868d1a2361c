// Browser-mode start-up and first paint: the app next to a blank page served by the same server,
// loaded in turn in the same tab of the same browser, so the ratio is the app's own cost.
// Besides first contentful paint (which the static shell in index.html answers), it times when
// the app's frame (header and navigation) and Home's heading are in the page and when the heading
// is first painted, and what the page downloads to get there. Nothing of Playwright runs in the
// page while a load is timed: a locator injects Playwright's own script, whose tens of
// milliseconds on the page's thread landed between the app's code and its first render.
// BENCH_SHELL_BASELINE=<folder holding another build's out/> loads that build as a third
// contender in the same loop (same browser, same tab, in turn), for before/after figures on a
// busy machine.
import fs from 'node:fs';
import path from 'node:path';
import { launchChromium, signIn, startWebServer } from '../tests/e2e/harness';
import { bytesOfLoad, pageAtRest, settledMarks } from './page-marks';
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
    if (marks.heading === undefined && document.querySelector('main h1')) {
      marks.heading = performance.now();
      // The first task after the heading's animation frame: queued behind whatever the app's
      // own rAF callbacks posted, so later than the paint by the app's after-paint work.
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => (marks.headingFrameTask = performance.now());
        channel.port2.postMessage(null);
      });
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
  // The heading's paint as the browser times it (Element Timing), on the clock of the blank
  // page's first contentful paint.
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.identifier === 'home-heading' && marks.headingPainted === undefined) marks.headingPainted = entry.renderTime || entry.loadTime;
    }
  }).observe({ type: 'element', buffered: true });
})();`;

/**
 * The size of the scripts Home's page runs before its first render, as built (in the build under
 * `root`): the entry chunk and the chunks index.html preloads with it (react-dom's).
 */
function entryScriptsBytes(root = '.'): number {
  const html = fs.readFileSync(path.resolve(root, 'out/renderer/index.html'), 'utf8');
  const entry = /<script type="module" crossorigin src="\/([^"]+\.js)"/.exec(html)?.[1];
  if (!entry) return Number.NaN;
  const preloaded = [...html.matchAll(/<link rel="modulepreload" crossorigin href="\/([^"]+\.js)"/g)].map((match) => match[1]!);
  return [entry, ...preloaded].reduce((sum, file) => sum + fs.statSync(path.resolve(root, 'out/renderer', file)).size, 0);
}

/**
 * The loads' order: a cycle over the kinds in which each kind follows every kind (itself included)
 * exactly once, a de Bruijn sequence (0 0 1 1 for two kinds, 0 0 1 0 2 1 1 2 2 for three). A load
 * pays for tearing down the page before it: Home's page, not the blank one, added tens of
 * milliseconds to whatever loaded next, so an order in which one contender followed the blank page
 * more often than another favoured it.
 */
export function everyPairOnce(kinds: number): number[] {
  const order: number[] = [];
  const word = [0, 0, 0];
  // The FKM construction: Lyndon words over 0…kinds-1 of length 1 or 2, in lexicographic order.
  const extend = (t: number, period: number) => {
    if (t > 2) {
      if (2 % period === 0) order.push(...word.slice(1, period + 1));
      return;
    }
    word[t] = word[t - period]!;
    extend(t + 1, period);
    for (let next = word[t - period]! + 1; next < kinds; next++) {
      word[t] = next;
      extend(t + 1, t);
    }
  };
  extend(1, 1);
  return order;
}

interface Load {
  fcp: number;
  frame?: number;
  heading?: number;
  headingPainted?: number;
  headingFrameTask?: number;
}

type Kind = 'app' | 'baseline' | 'blank';

export async function run(): Promise<Figure[]> {
  const starts = await serverStartMs();

  // The blank baseline is a file in the served folder, so both pages travel the same path.
  const blank = path.resolve('out/renderer/bench-blank.html');
  fs.writeFileSync(blank, '<!doctype html><title>blank</title><p>blank</p>');
  const server = await startWebServer(tempDir('workbench-bench-'));
  const baselineRoot = process.env.BENCH_SHELL_BASELINE;
  const baseline = baselineRoot ? await startWebServer(tempDir('workbench-bench-'), baselineRoot) : null;
  const browser = await launchChromium();
  const loads: Record<Kind, Load[]> = { app: [], baseline: [], blank: [] };
  // Loads that started before the browser and the servers had rested (pageAtRest's limit).
  let notAtRest = 0;
  let homeBytes = 0;
  try {
    const page = await browser.newPage();
    await page.addInitScript(RECORD_MILESTONES);
    // Sign in once per server; the tab keeps each origin's session (sessionStorage) across the loads below.
    await signIn(page, server);
    if (baseline) await signIn(page, baseline);
    const cdp = await page.context().newCDPSession(page);
    const kinds: Kind[] = baseline ? ['blank', 'app', 'baseline'] : ['blank', 'app'];
    const cycle = everyPairOnce(kinds.length).map((index) => kinds[index]!);
    const address = { app: `${server.origin}/`, baseline: `${baseline?.origin}/`, blank: `${server.origin}/bench-blank.html` };
    // Each cycle loads every kind kinds.length times. The first is not counted: the first loads
    // after launch pay the browser's own start-up, and one such load was the whole p95 of its kind.
    const cycles = 1 + Math.ceil(RUNS / kinds.length);
    for (let i = 0; i < cycles; i++) {
      for (const kind of cycle) {
        await page.goto(address[kind], { waitUntil: 'load' });
        const settled = await settledMarks(cdp, kind === 'blank' ? [] : ['headingPainted', 'headingFrameTask']);
        if (i > 0) loads[kind].push(settled);
        if (!(await pageAtRest(cdp)) && i > 0) notAtRest++;
      }
    }
    homeBytes = await bytesOfLoad(page, cdp, address.app);
  } finally {
    await browser.close();
    await server.stop();
    await baseline?.stop();
    fs.rmSync(blank, { force: true });
  }

  const of = (kind: Kind, key: keyof Load) => loads[kind].map((load) => load[key] ?? Number.NaN);
  const blankFcp = of('blank', 'fcp');
  const figures: Figure[] = [{ name: 'browser_mode_start_to_ready', value: round(median(starts), 1), unit: 'ms', runs: starts.length }];
  // The app's rows, then the same rows of the baseline build when there is one.
  const contenders: Array<[Kind, string]> = baseline ? [['app', ''], ['baseline', 'baseline_']] : [['app', '']];
  const absolute: Array<[string, number[]]> = [['first_contentful_paint_blank', blankFcp]];
  const ratios: Array<[string, number[], number?]> = [];
  for (const [kind, prefix] of contenders) {
    absolute.push(
      [`${prefix}first_contentful_paint_app`, of(kind, 'fcp')],
      [`${prefix}app_frame_on_screen`, of(kind, 'frame')],
      [`${prefix}home_heading_on_screen`, of(kind, 'heading')],
      [`${prefix}home_heading_painted`, of(kind, 'headingPainted')],
      [`${prefix}home_heading_frame_task`, of(kind, 'headingFrameTask')],
    );
    ratios.push(
      [`${prefix}first_contentful_paint_ratio_app_to_blank`, of(kind, 'fcp'), 2],
      [`${prefix}app_frame_ratio_to_blank_paint`, of(kind, 'frame')],
      [`${prefix}home_heading_ratio_to_blank_paint`, of(kind, 'heading'), 2],
      [`${prefix}home_heading_painted_ratio_to_blank_paint`, of(kind, 'headingPainted'), 2],
      [`${prefix}home_heading_frame_task_ratio_to_blank_paint`, of(kind, 'headingFrameTask')],
    );
  }
  for (const [name, samples] of absolute) {
    figures.push({ name: `${name}_p50`, value: round(median(samples), 1), unit: 'ms', runs: samples.length });
    figures.push({ name: `${name}_p95`, value: round(percentile(samples, 95), 1), unit: 'ms', runs: samples.length });
  }
  for (const [name, samples, target] of ratios) {
    figures.push({ name: `${name}_p50`, value: round(median(samples) / median(blankFcp), 2), unit: 'ratio', ...(target && { target }) });
    figures.push({ name: `${name}_p95`, value: round(percentile(samples, 95) / percentile(blankFcp, 95), 2), unit: 'ratio', ...(target && { target }) });
  }
  figures.push({ name: 'home_bytes_transferred', value: homeBytes, unit: 'bytes', note: 'locked Home, compressed as sent' });
  figures.push({ name: 'loads_not_at_rest', value: notAtRest, unit: 'loads', note: 'timed loads started before the browser and the servers had rested' });
  const note = 'the entry chunk and the chunks preloaded with it, which every address runs first, before compression';
  figures.push({ name: 'entry_scripts_bytes', value: entryScriptsBytes(), unit: 'bytes', note });
  if (baselineRoot) figures.push({ name: 'baseline_entry_scripts_bytes', value: entryScriptsBytes(baselineRoot), unit: 'bytes' });
  return figures;
}
