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
import { buildSync } from 'esbuild';
import type lunr from 'lunr';
import { KB_TRANSLATION_LANGUAGES } from '@shared/api/kb';
import { foldForSearch, searchTokens } from '@shared/search/normalise';
import { KB_BUILD_DIR, KB_FILES } from '../electron/core/kb/locate';
import { buildIndex, type KbDocument } from '../electron/core/kb/lunr-index';
import { indexFileName } from '../electron/core/kb/search/index-files';
import { languagesFor } from '../electron/core/kb/search/multilingual';
import { KbService } from '../electron/core/kb/service';
import { apiHeaders, launchChromium, signIn, startWebServer } from '../tests/e2e/harness';
import { tempDir } from '../tests/helpers/temp';
import type { Figure } from './run';
import { median, percentile, round } from './stats';

const ROUNDS = 30;
/**
 * The naive scan folds every passage for every question (a hundred times slower than a search):
 * at ROUNDS it took 110 of the suite's 160 s. One round asks each of the 221 questions once, enough
 * samples for the p50 and p95 of a baseline that far off.
 */
const NAIVE_ROUNDS = 1;
const LOADS = 15;
/** Fresh processes per contender and language for the first-query figure: 16 per contender in all. */
const FRESH = 2;
/** The first query is measured in every language: each script has its own word breaking and dictionaries to load. */
const FIRST_QUERY_LANGUAGES = ['en', ...KB_TRANSLATION_LANGUAGES];
const dir = path.resolve(KB_BUILD_DIR);
const asked = (JSON.parse(fs.readFileSync('tests/fixtures/kb-questions.json', 'utf8')) as Array<{ q: string; lang?: string }>).map(
  ({ q, lang }) => ({ q, language: lang ?? 'en' }),
);
const questions = asked.map((x) => x.q);
type Asked = (typeof asked)[number];

/**
 * Per-query latencies (ms) of each contender over `rounds` passes of the question set, after one
 * warm-up pass. Each question runs under every contender back to back, in an order that rotates
 * each round, so neither always runs with the other's data in the CPU cache.
 */
function interleaved(contenders: Array<(q: Asked) => unknown>, rounds = ROUNDS): number[][] {
  for (const search of contenders) for (const q of asked) search(q);
  const samples = contenders.map(() => [] as number[]);
  for (let round = 0; round < rounds; round++) {
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

type FirstQueryMode = 'ours' | 'ours-cold' | 'lunr';
interface FirstQuery {
  language: string;
  ms: number;
  cpuMs: number;
  /** Building the service in the fresh process (ours and ours-cold). */
  loadMs?: number;
}

/**
 * The first search of FRESH new processes per mode and language, each with a different question
 * of that language, the modes interleaved (their order rotating) so load on the machine falls on
 * each alike.
 */
function firstQueries(lunrDir: string): Record<FirstQueryMode, FirstQuery[]> {
  const child = bundledFirstQuery();
  const out: Record<FirstQueryMode, FirstQuery[]> = { ours: [], 'ours-cold': [], lunr: [] };
  const modes = Object.keys(out) as FirstQueryMode[];
  for (const language of FIRST_QUERY_LANGUAGES) {
    const own = asked.filter((q) => q.language === language);
    for (let i = 0; i < FRESH; i++) {
      const { q } = own[(i * 7 + 3) % own.length]!;
      for (let k = 0; k < modes.length; k++) {
        const mode = modes[(i + k) % modes.length]!;
        const stdout = execFileSync(process.execPath, [child, dir, lunrDir, mode, q, language], { encoding: 'utf8' });
        out[mode].push({ language, ...(JSON.parse(stdout) as Omit<FirstQuery, 'language'>) });
      }
    }
  }
  return out;
}

/**
 * kb-first-query.ts bundled as the server is (esbuild, packages from node_modules), so each fresh
 * process runs the code as the app does. Run through tsx, each process took 0.7 to 0.9 s longer,
 * compiling the modules it imports: about 36 s of the suite's 111.
 */
function bundledFirstQuery(): string {
  const outfile = path.resolve('out/bench/kb-first-query.mjs');
  buildSync({
    entryPoints: ['bench/kb-first-query.ts'],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    tsconfig: 'tsconfig.test.json',
    outfile,
    logLevel: 'warning',
  });
  return outfile;
}

/** lunr's own index of each language's passages, as the build makes it, for bare lunr to search. */
function lunrIndexes(): Map<string, lunr.Index> {
  const byLanguage = new Map<string, KbDocument[]>();
  for (const { language, ...document } of passages()) (byLanguage.get(language) ?? byLanguage.set(language, []).get(language)!).push(document);
  return new Map([...byLanguage].map(([language, documents]) => [language, buildIndex(documents, language)]));
}

/** The warm-up's whole time, and its longest stretch without a turn of the event loop for other work. */
async function warmUpSteps(kb: KbService): Promise<{ total: number; longest: number }> {
  let done = false;
  let longest = 0;
  let last = performance.now();
  const watch = (): void => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    if (!done) setImmediate(watch);
  };
  const start = performance.now();
  setImmediate(watch);
  await kb.warmUp();
  done = true;
  return { total: performance.now() - start, longest };
}

/** The simplest thing that could work: fold every passage and look for each query word in it. */
function passages(): Array<KbDocument & { language: string }> {
  const db = new Database(path.join(dir, KB_FILES.database), { readonly: true });
  const rows = db.prepare('SELECT ref, language, title, heading, body FROM passages').all() as Array<KbDocument & { language: string }>;
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
      if (found > 0) hits.push([row.ref, found]);
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
    }, { questions, rounds: 3, headers: apiHeaders(server) });
  } finally {
    await browser.close();
    await server.stop();
  }
}

export async function run(): Promise<Figure[]> {
  const loads: number[] = [];
  const warmUps: number[] = [];
  const warmUpLongest: number[] = [];
  let kb: KbService | undefined;
  for (let i = 0; i < LOADS; i++) {
    const start = performance.now();
    kb = new KbService(dir);
    loads.push(performance.now() - start);
    const { total, longest } = await warmUpSteps(kb);
    warmUps.push(total);
    warmUpLongest.push(longest);
  }
  const indexes = lunrIndexes();
  const available = [...indexes.keys()];
  // Written for the fresh processes' bare lunr, which loads its serialised index as an app would.
  const lunrDir = tempDir('workbench-bench-lunr-');
  for (const [language, index] of indexes) fs.writeFileSync(path.join(lunrDir, indexFileName(language)), JSON.stringify(index));
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
  const everything = buildIndex(passages().map(({ ref, title, heading, body }) => ({ ref, title, heading, body })));
  const bareAll = ({ q }: Asked) => lunrQuery(everything, q);
  const [ours, bare, bareOne] = interleaved([({ q, language }) => kb!.search(q, { limit: 12, language }), bareSame, bareAll]) as [number[], number[], number[]];
  const naive = interleaved([naiveSearch()], NAIVE_ROUNDS)[0]!;
  const first = firstQueries(lunrDir);
  const renderer = await rendererRoundTrips().catch((error: unknown) => {
    // The round trip needs the built app and Chromium; when it fails, the figures measured in
    // Node still print, and the run still fails.
    process.exitCode = 1;
    console.error(`bench suite kb: the renderer round trip failed: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  });

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
    ...firstQueryFigures(first),
    { name: 'naive_scan_p50', value: p(naive, 50), unit: 'ms' },
    { name: 'naive_scan_p95', value: p(naive, 95), unit: 'ms' },
    { name: 'naive_scan_ratio_to_kb_search_p50', value: round(median(naive) / median(ours), 2), unit: 'ratio' },
    { name: 'kb_load_at_startup', value: round(median(loads), 2), unit: 'ms', target: 50, runs: LOADS, note: 'the median of LOADS in one process' },
    { name: 'kb_load_at_startup_p95', value: round(percentile(loads, 95), 2), unit: 'ms', target: 50, runs: LOADS },
    ...freshLoadFigures(first),
    { name: 'kb_search_warm_up_in_background', value: round(median(warmUps), 2), unit: 'ms', runs: LOADS, note: 'every language, the median of LOADS' },
    { name: 'kb_search_warm_up_longest_step', value: round(median(warmUpLongest), 2), unit: 'ms', runs: LOADS, note: 'longest stretch without a turn of the event loop' },
    { name: 'kb_db_bytes', value: fs.statSync(path.join(dir, KB_FILES.database)).size, unit: 'bytes' },
    { name: 'kb_index_bytes', value: available.reduce((sum, l) => sum + fs.statSync(path.join(dir, indexFileName(l))).size, 0), unit: 'bytes', note: 'every language' },
    { name: 'bare_lunr_index_bytes', value: available.reduce((sum, l) => sum + fs.statSync(path.join(lunrDir, indexFileName(l))).size, 0), unit: 'bytes', note: "lunr's serialisation, every language" },
    { name: 'kb_index_bytes_english', value: fs.statSync(path.join(dir, KB_FILES.index)).size, unit: 'bytes' },
    ...(renderer
      ? [
          { name: 'renderer_search_round_trip_p50', value: p(renderer, 50), unit: 'ms' },
          { name: 'renderer_search_round_trip_p95', value: p(renderer, 95), unit: 'ms' },
        ]
      : []),
  ];
}

/** Building the service as the app's start does: once, in a fresh process, nothing compiled yet. */
function freshLoadFigures(first: Record<FirstQueryMode, FirstQuery[]>): Figure[] {
  const loads = [...first.ours, ...first['ours-cold']].map((run) => run.loadMs!);
  return [50, 95].map((n) => ({ name: `kb_load_at_startup_fresh_process_p${n}`, value: round(percentile(loads, n), 2), unit: 'ms', target: 50, runs: loads.length }));
}

/**
 * The first query of a fresh process after the warm-up, over all languages in wall-clock and CPU
 * time next to bare lunr's first query on the same basis and ours without a warm-up; per language
 * the median wall clock only (FRESH runs each).
 */
function firstQueryFigures(first: Record<FirstQueryMode, FirstQuery[]>): Figure[] {
  const figures: Figure[] = [];
  const p = (samples: number[], n: number) => round(percentile(samples, n), 3);
  const of = (mode: FirstQueryMode, language: string) => first[mode].filter((run) => run.language === language).map((run) => run.ms);
  for (const language of FIRST_QUERY_LANGUAGES) {
    const runs = of('ours', language).length;
    figures.push(
      { name: `kb_first_query_fresh_process_${language}_wall_p50`, value: p(of('ours', language), 50), unit: 'ms', target: 3, runs, note: 'after the start-up warm-up' },
      { name: `bare_lunr_first_query_fresh_process_${language}_wall_p50`, value: p(of('lunr', language), 50), unit: 'ms', runs },
    );
  }
  const pick = (mode: FirstQueryMode, clock: 'ms' | 'cpuMs') => first[mode].map((run) => run[clock]);
  const runs = pick('ours', 'ms').length;
  for (const [clock, label] of [['ms', 'wall'], ['cpuMs', 'cpu']] as const) {
    const ours = pick('ours', clock);
    const lunrs = pick('lunr', clock);
    const at = `all_${label}`;
    figures.push(
      { name: `kb_first_query_fresh_process_${at}_p50`, value: p(ours, 50), unit: 'ms', target: 3, runs, note: 'after the start-up warm-up' },
      { name: `kb_first_query_fresh_process_${at}_p95`, value: p(ours, 95), unit: 'ms', target: 3, runs },
      { name: `bare_lunr_first_query_fresh_process_${at}_p50`, value: p(lunrs, 50), unit: 'ms', runs },
      { name: `bare_lunr_first_query_fresh_process_${at}_p95`, value: p(lunrs, 95), unit: 'ms', runs },
      { name: `kb_first_query_ratio_to_bare_lunr_${at}_p95`, value: round(percentile(ours, 95) / percentile(lunrs, 95), 2), unit: 'ratio', target: 1.5 },
    );
  }
  figures.push({ name: 'kb_first_query_fresh_process_cold_all_wall_p50', value: p(pick('ours-cold', 'ms'), 50), unit: 'ms', runs, note: 'no warm-up' });
  return figures;
}
