// Record search at scale, on its own: `BENCH_SCALE_ONLY=search BENCH_SCALE_SIZES=10000,100000
// npm run bench -- scale` (or this file run with tsx after `npm run build`). Each size: the first
// search of a fresh browser-mode process (with nothing stored, then after a session that stored
// top rows), then rounds where every query of the labelled set is asked over HTTP, alternating
// with a trivial call (the transport and the machine's noise), the same search run in this process
// on a second connection (the core's own time, wall and CPU), and the bare SQL ranking it must
// match (bm25 over every match, top 20) as baseline. Ranking quality at this size: the top 20 over
// HTTP against that full ranking, per query and every round (the minimum is reported). Searches
// are answered from common phrases' top rows once built (search/top-rows.ts): the rounds start
// when the second connection has built its own, which the server, started earlier, has then done
// too; the first round also asks for phrases not built yet (prefixes, phrases of several words),
// which are ranked in full and built on request, so it is reported apart. Last, what purging a
// deleted record's words costs (at lock, and in idle slices).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EntityKind } from '../electron/core/records/revisions';
import { matchExpression } from '../electron/core/records/search-index';
import { finishPurge, purgeSlice } from '../electron/core/search/purge';
import { recordIndex } from '../electron/core/search/record-texts';
import { forgetTopRows, startTopRows, topRowsProgress } from '../electron/core/search/top-rows';
import { runVaultReader } from '../electron/core/vault/background';
import { vaultPaths } from '../electron/core/vault/layout';
import type { VaultDatabase } from '../electron/core/vault/open';
import { startWebServer } from '../tests/e2e/harness';
import { httpClient, previousSession } from './http-client';
import type { Figure } from './run';
import { serverAtRest } from './process-rest';
import { SEARCH_QUERIES } from './scale.bench';
import { BENCH_PASSPHRASE, generatedVault, secondConnection } from './scale-vault';
import { percentile, round } from './stats';

const ROUNDS = 5;
const LIMIT = 20;
const p = (samples: number[], q: number) => round(percentile(samples, q), 2);

export async function searchFigures(count: number): Promise<Figure[]> {
  const log = (line: string) => process.stderr.write(`[search ${count}] ${line}\n`);
  const vault = await generatedVault(count, { log });
  const previous = await previousSession(vault.dataDir, vault.vaultId, 'phishing');
  const server = await startWebServer(vault.dataDir);
  const figures: Figure[] = [];
  const add = (name: string, value: number, unit: string, extra: Record<string, unknown> = {}) =>
    figures.push({ name: `${name}_${count}`, value, unit, entries: count, ...extra });
  const call = httpClient(server);
  try {
    // A second connection for the in-process figures (see secondConnection).
    const raw = await secondConnection(vault.dataDir, vault.vaultId);
    // As in scale.bench.ts: the server's start-up work is done by the time a person has typed a passphrase.
    await serverAtRest(server.process.pid!);
    await call('vault.unlock', { id: vault.vaultId, passphrase: BENCH_PASSPHRASE });
    add('record_search_first_query_fresh_process_nothing_stored', round(previous.firstSearchMs, 2), 'ms', { target: 30, note: 'the first unlock after the update that stores top rows' });
    add('record_search_first_query_fresh_process', round((await call('records.search', { q: 'phishing', limit: LIMIT })).ms, 2), 'ms', { target: 30, note: 'top rows stored by the session before' });

    // The full file check that follows unlock reads the whole vault on a worker thread; rounds
    // start once it is done, so they measure search and not a machine busy checking. (The first
    // search above ran while it started, as a person's would.) The second connection runs none.
    const checkStart = performance.now();
    while (((await call('vault.status', null)).value as { check: { state: string } | null }).check?.state === 'running') {
      if (performance.now() - checkStart > 300_000) throw new Error('the vault check did not finish in 5 minutes');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    add('vault_check_after_unlock', round((performance.now() - checkStart) / 1000, 1), 's', { note: 'waited for before the rounds' });
    const db: VaultDatabase = raw.db;
    const buildCpu = process.cpuUsage();
    const buildStart = performance.now();
    startTopRows(db, (program, onMessage) => runVaultReader(vaultPaths(vault.dataDir, vault.vaultId).db, raw.key, program, onMessage));
    for (let progress = topRowsProgress(db); !progress?.vocabulary || progress.waiting > 0; progress = topRowsProgress(db)) {
      if (performance.now() - buildStart > 900_000) throw new Error('top rows were not built in 15 minutes');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const buildUsed = process.cpuUsage(buildCpu);
    add('record_search_top_rows_build', round((performance.now() - buildStart) / 1000, 1), 's', {
      cpu_s: round((buildUsed.user + buildUsed.system) / 1e6, 1),
      phrases: topRowsProgress(db)!.phrases,
      note: 'on a reader worker after unlock, kept in memory; cpu_s is the whole process (worker included); the server builds its own at the same time',
    });
    const fullRanking = db.prepare<[string]>(
      `SELECT r.entity_id FROM record_search s JOIN record_search_rows r ON r.row = s.rowid
        WHERE record_search MATCH ? ORDER BY bm25(record_search, 5.0, 1.0) LIMIT ${LIMIT}`,
    ).pluck();

    const samples: Record<string, number[]> = {};
    const sample = (name: string, ms: number) => (samples[name] ??= []).push(ms);
    const overlaps = new Map<string, number>();
    for (let roundIndex = 0; roundIndex < ROUNDS; roundIndex++) {
      for (const q of SEARCH_QUERIES) {
        sample('noop', (await call('vault.status', null)).ms);
        const http = await call('records.search', { q, limit: LIMIT });
        sample('http', http.ms);
        sample(roundIndex === 0 ? 'http_first_round' : 'http_later_rounds', http.ms);

        const cpu = process.cpuUsage();
        const start = performance.now();
        recordIndex.search(db, q, LIMIT);
        sample('core', performance.now() - start);
        const used = process.cpuUsage(cpu);
        sample('core_cpu', (used.user + used.system) / 1000);

        const match = matchExpression(q);
        const bareStart = performance.now();
        const expected = match ? (fullRanking.all(match) as string[]) : [];
        sample('bare', performance.now() - bareStart);

        if (expected.length > 0) {
          const got = new Set((http.value as Array<{ id: string }>).map((hit) => hit.id));
          const overlap = expected.filter((id) => got.has(id)).length / expected.length;
          overlaps.set(q, Math.min(overlaps.get(q) ?? 1, overlap));
        }
      }
    }
    const answered = topRowsProgress(db)!;
    figures.push(...purgeFigures(db, count));
    // Its worker and lists go before the connection does.
    forgetTopRows(db);
    raw.close();

    add('http_trivial_call_p50', p(samples.noop!, 50), 'ms', { note: 'vault.status over the same HTTP path: transport and machine noise' });
    add('http_trivial_call_p95', p(samples.noop!, 95), 'ms');
    add('record_search_http_p50', p(samples.http!, 50), 'ms', { target: 30, baseline_bare_full_bm25_p50: p(samples.bare!, 50) });
    add('record_search_http_p95', p(samples.http!, 95), 'ms', { target: 30, baseline_bare_full_bm25_p95: p(samples.bare!, 95) });
    add('record_search_core_p50', p(samples.core!, 50), 'ms', { cpu_p50: p(samples.core_cpu!, 50), note: 'the same search in-process on a second connection: no HTTP' });
    add('record_search_core_p95', p(samples.core!, 95), 'ms', { cpu_p95: p(samples.core_cpu!, 95) });
    add('record_search_http_first_round_p95', p(samples.http_first_round!, 95), 'ms', { p50: p(samples.http_first_round!, 50), note: 'phrases not built yet are ranked in full, then built' });
    add('record_search_http_later_rounds_p95', p(samples.http_later_rounds!, 95), 'ms', { p50: p(samples.http_later_rounds!, 50) });
    add('record_search_core_answered_from_kept_scores', answered.kept, 'queries', { scored_candidates: answered.scored, ranked_in_full: answered.declined });
    const values = [...overlaps.values()];
    add('record_search_top20_overlap_mean', round(values.reduce((sum, v) => sum + v, 0) / values.length, 3), 'ratio', {
      target: 0.9,
      queries: values.length,
      min: round(Math.min(...values), 2),
      below_target: [...overlaps].filter(([, v]) => v < 0.9).map(([q]) => q),
      below_one: Object.fromEntries([...overlaps].filter(([, v]) => v < 1).map(([q, v]) => [q, round(v, 2)])),
    });
  } finally {
    await server.stop();
    fs.rmSync(path.resolve(vault.dataDir), { recursive: true, force: true });
  }
  return figures;
}

/**
 * What a deletion costs the index afterwards (search/purge.ts): the purge finished at lock in one
 * go, as when the vault is locked right after a deletion, then the same purge in idle slices, each
 * after a deletion of its own through the index. CPU beside wall, as the machine is shared.
 */
function purgeFigures(db: VaultDatabase, count: number): Figure[] {
  const timed = (fn: () => void) => {
    const cpu = process.cpuUsage();
    const start = performance.now();
    fn();
    const used = process.cpuUsage(cpu);
    return { ms: round(performance.now() - start, 1), cpu: round((used.user + used.system) / 1000, 1) };
  };
  const deleteOne = () => {
    const row = db.prepare<[number], { entity: EntityKind; entity_id: string }>('SELECT entity, entity_id FROM record_search_rows ORDER BY row LIMIT 1 OFFSET ?').get(Math.floor(count / 2));
    recordIndex.remove(db, row!.entity, row!.entity_id);
  };
  deleteOne();
  const atLock = timed(() => finishPurge(db));
  deleteOne();
  const slices: number[] = [];
  const idle = timed(() => {
    for (let done = false; !done; ) {
      const start = performance.now();
      done = purgeSlice(db);
      slices.push(performance.now() - start);
    }
  });
  return [
    { name: `search_purge_at_lock_${count}`, value: atLock.ms, unit: 'ms', entries: count, cpu_ms: atLock.cpu, note: 'a deletion just before lock: the whole merge runs in the lock' },
    { name: `search_purge_idle_${count}`, value: idle.ms, unit: 'ms', entries: count, cpu_ms: idle.cpu, slices: slices.length, slice_p50: p(slices, 50), slice_p95: p(slices, 95), slice_max: round(Math.max(...slices), 1) },
  ];
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const size of (process.env.BENCH_SCALE_SIZES ?? '10000,100000').split(',').map(Number)) {
    for (const figure of await searchFigures(size)) process.stdout.write(`${JSON.stringify({ suite: 'scale-search', ...figure })}\n`);
  }
}
