// Browser mode's API called from Node, and the session a measured one follows.
import fs from 'node:fs';
import { vaultPaths } from '../electron/core/vault/layout';
import { startWebServer, type WebServer } from '../tests/e2e/harness';
import { serverAtRest } from './process-rest';
import { BENCH_PASSPHRASE } from './scale-vault';

export interface Call {
  value: unknown;
  ms: number;
  bytes: number;
}

/** Calls browser mode's API from Node with the script token, as a page would from its tab. */
export function httpClient(server: WebServer) {
  return async (method: string, input: unknown): Promise<Call> => {
    const start = performance.now();
    const response = await fetch(`${server.origin}/rpc/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}` },
      body: JSON.stringify(input),
    });
    const text = await response.text();
    const ms = performance.now() - start;
    const envelope = JSON.parse(text) as { ok: boolean; value?: unknown; error?: { code: string } };
    if (!envelope.ok) throw new Error(`${method} failed: ${envelope.error?.code}`);
    return { value: envelope.value, ms, bytes: Buffer.byteLength(text) };
  };
}

/**
 * A fresh browser-mode process on the vault, at rest (its start-up work done, as by the time a
 * person has typed a passphrase), for `session`; then stopped, and the backups it made deleted, so
 * the measured session makes the day's backup as it would without this one.
 */
async function freshProcess<T>(dataDir: string, vaultId: string, session: (call: ReturnType<typeof httpClient>, pid: number) => Promise<T>): Promise<T> {
  const backups = vaultPaths(dataDir, vaultId).backups;
  const listBackups = () => (fs.existsSync(backups) ? fs.readdirSync(backups) : []);
  const before = new Set(listBackups());
  const server = await startWebServer(dataDir);
  try {
    await serverAtRest(server.process.pid!);
    return await session(httpClient(server), server.process.pid!);
  } finally {
    await server.stop();
    for (const name of listBackups()) if (!before.has(name)) fs.rmSync(`${backups}/${name}`, { recursive: true, force: true });
  }
}

/**
 * When a person's first search can reach browser mode after unlock, at the earliest: Home has to
 * render and the search box be reached and typed in. The work unlock leaves for the next turn of
 * the event loop (record search's warm-up, reading the lists the vault stores: 10–40 ms at
 * 100,000 entries) is done by then; the build of top rows (1 s) and the file check (2 s) are not
 * started.
 */
export const PERSON_AFTER_UNLOCK_MS = 300;

/**
 * The first search of fresh processes, each unlocking the vault, searching once and locking at
 * once: no statement, page or list of record search in memory. `runs` of them search straight
 * after unlock has answered and `runs` as a person would, PERSON_AFTER_UNLOCK_MS later, in turn.
 * They lock before the build after unlock has read the index's vocabulary, so they store nothing:
 * what the vault held of record search before (or its absence) is there for the next.
 */
export async function firstSearches(dataDir: string, vaultId: string, query: string, runs: number): Promise<{ atOnce: number[]; asAPerson: number[] }> {
  const samples = { atOnce: [] as number[], asAPerson: [] as number[] };
  for (let run = 0; run < runs * 2; run++) {
    const asAPerson = run % 2 === 1;
    const ms = await freshProcess(dataDir, vaultId, async (call) => {
      await call('vault.unlock', { id: vaultId, passphrase: BENCH_PASSPHRASE });
      if (asAPerson) await new Promise((resolve) => setTimeout(resolve, PERSON_AFTER_UNLOCK_MS));
      const search = await call('records.search', { q: query, limit: 20 });
      await call('vault.lock', null);
      return search.ms;
    });
    samples[asAPerson ? 'asAPerson' : 'atOnce'].push(ms);
  }
  return samples;
}

/**
 * A session before the measured one, as a person with years of records has had many: unlock, a
 * first search of a common word (with nothing of record search stored in the vault yet, as at
 * the first unlock after the update that stores it), then everything the app does after unlock
 * (the check, the day's backup, record search's top rows and their store), and lock.
 */
export async function previousSession(dataDir: string, vaultId: string, query: string): Promise<{ firstSearchMs: number }> {
  return freshProcess(dataDir, vaultId, async (call, pid) => {
    await call('vault.unlock', { id: vaultId, passphrase: BENCH_PASSPHRASE });
    const firstSearchMs = (await call('records.search', { q: query, limit: 20 })).ms;
    await serverAtRest(pid);
    await call('vault.lock', null);
    return { firstSearchMs };
  });
}
