// Browser-mode start-up and first paint: the app's first contentful paint next to a blank page
// served by the same server in the same browser, so the ratio is the app's own cost.
import fs from 'node:fs';
import path from 'node:path';
import { launchChromium, startWebServer } from '../tests/e2e/harness';
import type { Figure } from './run';
import { median, round } from './stats';
import { tempDir } from '../tests/helpers/temp';

const RUNS = 5;

async function serverStartMs(): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    const server = await startWebServer(tempDir('workbench-bench-'));
    samples.push(performance.now() - start);
    await server.stop();
  }
  return samples;
}

export async function run(): Promise<Figure[]> {
  const starts = await serverStartMs();

  // The blank baseline is a file in the served folder, so both pages travel the same path.
  const blank = path.resolve('out/renderer/bench-blank.html');
  fs.writeFileSync(blank, '<!doctype html><title>blank</title><p>blank</p>');
  const server = await startWebServer(tempDir('workbench-bench-'));
  const browser = await launchChromium();
  const fcp = { app: [] as number[], blank: [] as number[] };
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(server.url); // trade the token for the cookie once
    for (let i = 0; i < RUNS; i++) {
      for (const [kind, url] of [
        ['blank', `${server.origin}/bench-blank.html`],
        ['app', `${server.origin}/`],
      ] as const) {
        const fresh = await context.newPage();
        await fresh.goto(url, { waitUntil: 'load' });
        if (kind === 'app') await fresh.getByRole('heading', { level: 1 }).waitFor();
        const value = await fresh.evaluate(
          () =>
            new Promise<number>((resolve) => {
              new PerformanceObserver((list) => {
                const entry = list.getEntriesByName('first-contentful-paint')[0];
                if (entry) resolve(entry.startTime);
              }).observe({ type: 'paint', buffered: true });
            }),
        );
        fcp[kind].push(value);
        await fresh.close();
      }
    }
  } finally {
    await browser.close();
    await server.stop();
    fs.rmSync(blank, { force: true });
  }

  return [
    { name: 'browser_mode_start_to_ready', value: round(median(starts), 1), unit: 'ms', runs: RUNS },
    { name: 'first_contentful_paint_app', value: round(median(fcp.app), 1), unit: 'ms', runs: RUNS },
    { name: 'first_contentful_paint_blank', value: round(median(fcp.blank), 1), unit: 'ms', runs: RUNS },
    { name: 'first_contentful_paint_ratio_app_to_blank', value: round(median(fcp.app) / median(fcp.blank), 2), unit: 'ratio' },
  ];
}
