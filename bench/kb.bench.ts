// Knowledge-base search: latency in Node against bare lunr queries (all interleaved in one loop, so
// a noisy machine slows each alike) on the same per-language indexes the app reads for the
// question, and on one index of all eight languages as the app used to search; a naive full-scan
// substring search; the first query of a fresh process; start-up load time; shipped size; and the
// round trip from the renderer in Chromium. Each question is asked in its own language, as the
// quality suite asks it.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import type lunr from 'lunr';
import { foldForSearch, searchTokens } from '@shared/search/normalise';
import { KB_BUILD_DIR, KB_FILES } from '../electron/core/kb/locate';
import { buildIndex, loadIndex } from '../electron/core/kb/lunr-index';
import { indexFileName, languagesWithIndex } from '../electron/core/kb/search/index-files';
import { languagesFor } from '../electron/core/kb/search/multilingual';
import { KbService } from '../electron/core/kb/service';
import { apiHeaders, launchChromium, signIn, startWebServer } from '../tests/e2e/harness';
import { tempDir } from '../tests/helpers/temp';
import type { Figure } from './run';
import { median, percentile, round } from './stats';

const ROUNDS = 30;
const LOADS = 15;
/** Fresh processes per contender for the first-query figure. */
const FRESH = 6;
const dir = path.resolve(KB_BUILD_DIR);
const asked = (JSON.parse(fs.readFileSync('tests/fixtures/kb-questions.json', 'utf8')) as Array<{ q: string; lang?: string }>).map(
  ({ q, lang }) => ({ q, language: lang ?? 'en' }),
);
const questions = asked.map((x) => x.q);
type Asked = (typeof asked)[number];

/**
 * Per-query latencies (ms) of each contender over ROUNDS passes of the question set, after one
 * warm-up pass. Each question runs under every contender back to back, in an order that rotates
 * each round, so neither always runs with the other's data in the CPU cache.
 */
function interleaved(contenders: Array<(q: Asked) => unknown>): number[][] {
  for (const search of contenders) for (const q of asked) search(q);
  const samples = contenders.map(() => [] as number[]);
  for (let round = 0; round < ROUNDS; round++) {
    for (const q of asked) {
      for (let k = 0; k < contenders.length; k++) {
        const which = (k + round) % contenders.length;
        const start = performance.now();
        contenders[which]!(q);
        samples[which]!.push(performance.now() - start);
      }
    }
  }
  return samples;
}

/** The first search of FRESH new processes per mode, interleaved, each with a different question. */
function firstQueries(): Record<'ours' | 'ours-cold' | 'lunr', number[]> {
  const tsx = path.resolve('node_modules/.bin/tsx');
  const out = { ours: [] as number[], 'ours-cold': [] as number[], lunr: [] as number[] };
  for (let i = 0; i < FRESH; i++) {
    // Every 37th question: English and translated ones alike.
    const { q, language } = asked[(i * 37) % asked.length]!;
    for (const mode of Object.keys(out) as Array<keyof typeof out>) {
      const stdout = execFileSync(tsx, ['--tsconfig', 'tsconfig.test.json', 'bench/kb-first-query.ts', dir, mode, q, language], { encoding: 'utf8' });
      out[mode].push((JSON.parse(stdout) as { ms: number }).ms);
    }
  }
  return out;
}

/** The simplest thing that could work: fold every passage and look for each query word in it. */
function passages(): Array<Record<string, string>> {
  const db = new Database(path.join(dir, KB_FILES.database), { readonly: true });
  const rows = db.prepare('SELECT ref, title, heading, body FROM passages').all() as Array<Record<string, string>>;
  db.close();
  return rows;
}

function naiveSearch(): (q: Asked) => unknown {
  const rows = passages();
  return ({ q }) => {
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
    await signIn(page, server);
    // The same request the renderer's HTTP transport sends, timed inside the page.
    return await page.evaluate(async ({ questions, rounds, headers }) => {
      const samples: number[] = [];
      for (let round = 0; round <= rounds; round++) {
        for (const q of questions) {
          const start = performance.now();
          const response = await fetch('/rpc/kb.search', {
            method: 'POST',
            credentials: 'omit',
            headers,
            body: JSON.stringify({ q, limit: 12 }),
          });
          await response.json();
          if (round > 0) samples.push(performance.now() - start);
        }
      }
      return samples;
    }, { questions, rounds: 5, headers: apiHeaders(server) });
  } finally {
    await browser.close();
    await server.stop();
  }
}

export async function run(): Promise<Figure[]> {
  const loads: number[] = [];
  const warmUps: number[] = [];
  let kb: KbService | undefined;
  for (let i = 0; i < LOADS; i++) {
    let start = performance.now();
    kb = new KbService(dir);
    loads.push(performance.now() - start);
    start = performance.now();
    await kb.warmUp();
    warmUps.push(performance.now() - start);
  }
  const available = languagesWithIndex(dir);
  const indexes = new Map(available.map((language) => [language, loadIndex(JSON.parse(fs.readFileSync(path.join(dir, indexFileName(language)), 'utf8')) as object)]));
  const lunrQuery = (index: lunr.Index, q: string): lunr.Index.Result[] => {
    try {
      return index.search(q);
    } catch {
      return []; // lunr's query syntax rejects some inputs; ours never does
    }
  };
  // The same indexes the app reads first for the question (its fallbacks are not granted to lunr).
  const bareSame = ({ q, language }: Asked) =>
    languagesFor(q, language, available)
      .flatMap((l) => lunrQuery(indexes.get(l)!, q))
      .sort((a, b) => b.score - a.score);
  // All eight languages in one index, as the app searched before it kept one index per language.
  const everything = buildIndex(passages().map((row) => ({ ref: row.ref!, title: row.title!, heading: row.heading!, body: row.body! })));
  const bareAll = ({ q }: Asked) => lunrQuery(everything, q);
  const [ours, bare, bareOne] = interleaved([({ q, language }) => kb!.search(q, { limit: 12, language }), bareSame, bareAll]) as [number[], number[], number[]];
  const naive = interleaved([naiveSearch()])[0]!;
  const first = firstQueries();
  const renderer = await rendererRoundTrips();

  const p = (samples: number[], n: number) => round(percentile(samples, n), 3);
  return [
    { name: 'kb_search_p50', value: p(ours, 50), unit: 'ms', queries: ours.length },
    { name: 'kb_search_p95', value: p(ours, 95), unit: 'ms', target: 2 },
    { name: 'bare_lunr_p50', value: p(bare, 50), unit: 'ms', note: 'the same per-language indexes' },
    { name: 'bare_lunr_p95', value: p(bare, 95), unit: 'ms', note: 'the same per-language indexes' },
    { name: 'kb_search_ratio_to_bare_lunr_p50', value: round(median(ours) / median(bare), 2), unit: 'ratio' },
    { name: 'kb_search_ratio_to_bare_lunr_p95', value: round(percentile(ours, 95) / percentile(bare, 95), 2), unit: 'ratio', target: 1.5 },
    { name: 'bare_lunr_one_multilingual_index_p50', value: p(bareOne, 50), unit: 'ms', note: 'all eight languages in one index' },
    { name: 'bare_lunr_one_multilingual_index_p95', value: p(bareOne, 95), unit: 'ms', note: 'all eight languages in one index' },
    { name: 'kb_search_ratio_to_bare_lunr_one_multilingual_index_p95', value: round(percentile(ours, 95) / percentile(bareOne, 95), 2), unit: 'ratio' },
    { name: 'kb_first_query_fresh_process_p50', value: p(first.ours, 50), unit: 'ms', target: 3, runs: FRESH, note: 'after the start-up warm-up' },
    { name: 'kb_first_query_fresh_process_max', value: round(Math.max(...first.ours), 3), unit: 'ms', target: 3, runs: FRESH },
    { name: 'kb_first_query_fresh_process_cold_p50', value: p(first['ours-cold'], 50), unit: 'ms', runs: FRESH, note: 'no warm-up' },
    { name: 'bare_lunr_first_query_fresh_process_p50', value: p(first.lunr, 50), unit: 'ms', runs: FRESH },
    { name: 'naive_scan_p50', value: p(naive, 50), unit: 'ms' },
    { name: 'naive_scan_p95', value: p(naive, 95), unit: 'ms' },
    { name: 'naive_scan_ratio_to_kb_search_p50', value: round(median(naive) / median(ours), 2), unit: 'ratio' },
    { name: 'kb_load_at_startup', value: round(median(loads), 2), unit: 'ms', target: 50, runs: LOADS },
    { name: 'kb_search_warm_up_in_background', value: round(median(warmUps), 2), unit: 'ms', runs: LOADS },
    { name: 'kb_db_bytes', value: fs.statSync(path.join(dir, KB_FILES.database)).size, unit: 'bytes' },
    { name: 'kb_index_bytes', value: available.reduce((sum, l) => sum + fs.statSync(path.join(dir, indexFileName(l))).size, 0), unit: 'bytes', note: 'every language' },
    { name: 'kb_index_bytes_english', value: fs.statSync(path.join(dir, KB_FILES.index)).size, unit: 'bytes' },
    { name: 'renderer_search_round_trip_p50', value: p(renderer, 50), unit: 'ms' },
    { name: 'renderer_search_round_trip_p95', value: p(renderer, 95), unit: 'ms' },
  ];
}
