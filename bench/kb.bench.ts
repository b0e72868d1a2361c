// Knowledge-base search: latency in Node against a bare lunr query on the same index and a naive
// full-scan substring search over the same text, start-up load time, shipped size, and the round
// trip from the renderer in Chromium.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { foldForSearch, searchTokens } from '@shared/search/normalise';
import { KB_BUILD_DIR, KB_FILES } from '../electron/core/kb/locate';
import { loadIndex } from '../electron/core/kb/lunr-index';
import { KbService } from '../electron/core/kb/service';
import { launchChromium, startWebServer } from '../tests/e2e/harness';
import { tempDir } from '../tests/helpers/temp';
import type { Figure } from './run';
import { median, percentile, round } from './stats';

const ROUNDS = 30;
const LOADS = 15;
const dir = path.resolve(KB_BUILD_DIR);
const questions = (JSON.parse(fs.readFileSync('tests/fixtures/kb-questions.json', 'utf8')) as Array<{ q: string }>).map((x) => x.q);

/** Per-query latencies (ms) over ROUNDS passes of the question set, after one warm-up pass. */
function latencies(search: (q: string) => unknown): number[] {
  for (const q of questions) search(q);
  const samples: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const q of questions) {
      const start = performance.now();
      search(q);
      samples.push(performance.now() - start);
    }
  }
  return samples;
}

/** The simplest thing that could work: fold every passage and look for each query word in it. */
function naiveSearch(): (q: string) => unknown {
  const db = new Database(path.join(dir, KB_FILES.database), { readonly: true });
  const rows = db.prepare('SELECT ref, title, heading, body FROM passages').all() as Array<Record<string, string>>;
  db.close();
  return (q) => {
    const words = searchTokens(q);
    const hits: Array<[string, number]> = [];
    for (const row of rows) {
      const text = foldForSearch(`${row.title} ${row.heading} ${row.body}`);
      const found = words.filter((word) => text.includes(word)).length;
      if (found > 0) hits.push([row.ref!, found]);
    }
    return hits.sort((a, b) => b[1] - a[1]).slice(0, 12);
  };
}

async function rendererRoundTrips(): Promise<number[]> {
  const server = await startWebServer(tempDir('workbench-bench-'));
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    // The same request the renderer's HTTP transport sends, timed inside the page.
    return await page.evaluate(async ({ questions, rounds }) => {
      const samples: number[] = [];
      for (let round = 0; round <= rounds; round++) {
        for (const q of questions) {
          const start = performance.now();
          const response = await fetch('/rpc/kb.search', {
            method: 'POST',
            credentials: 'same-origin',
            headers: { 'content-type': 'application/json', 'x-workbench-rpc': '1' },
            body: JSON.stringify({ q, limit: 12 }),
          });
          await response.json();
          if (round > 0) samples.push(performance.now() - start);
        }
      }
      return samples;
    }, { questions, rounds: 5 });
  } finally {
    await browser.close();
    await server.stop();
  }
}

export async function run(): Promise<Figure[]> {
  const loads: number[] = [];
  let kb: KbService | undefined;
  for (let i = 0; i < LOADS; i++) {
    const start = performance.now();
    kb = new KbService(dir);
    loads.push(performance.now() - start);
  }
  const ours = latencies((q) => kb!.search(q, { limit: 12 }));
  const index = loadIndex(JSON.parse(fs.readFileSync(path.join(dir, KB_FILES.index), 'utf8')) as object);
  const bare = latencies((q) => {
    try {
      return index.search(q);
    } catch {
      return []; // lunr's query syntax rejects some inputs; ours never does
    }
  });
  const naive = latencies(naiveSearch());
  const renderer = await rendererRoundTrips();

  const p = (samples: number[], n: number) => round(percentile(samples, n), 3);
  return [
    { name: 'kb_search_p50', value: p(ours, 50), unit: 'ms', queries: ours.length },
    { name: 'kb_search_p95', value: p(ours, 95), unit: 'ms', target: 2 },
    { name: 'bare_lunr_p50', value: p(bare, 50), unit: 'ms' },
    { name: 'bare_lunr_p95', value: p(bare, 95), unit: 'ms' },
    { name: 'kb_search_ratio_to_bare_lunr_p50', value: round(median(ours) / median(bare), 2), unit: 'ratio', target: 1.5 },
    { name: 'naive_scan_p50', value: p(naive, 50), unit: 'ms' },
    { name: 'naive_scan_p95', value: p(naive, 95), unit: 'ms' },
    { name: 'naive_scan_ratio_to_kb_search_p50', value: round(median(naive) / median(ours), 2), unit: 'ratio' },
    { name: 'kb_load_at_startup', value: round(median(loads), 2), unit: 'ms', target: 50, runs: LOADS },
    { name: 'kb_db_bytes', value: fs.statSync(path.join(dir, KB_FILES.database)).size, unit: 'bytes' },
    { name: 'kb_index_bytes', value: fs.statSync(path.join(dir, KB_FILES.index)).size, unit: 'bytes' },
    { name: 'renderer_search_round_trip_p50', value: p(renderer, 50), unit: 'ms' },
    { name: 'renderer_search_round_trip_p95', value: p(renderer, 95), unit: 'ms' },
  ];
}
