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
 * A session before the measured one, as a person with years of records has had many: unlock, a
 * first search of a common word (with nothing of record search stored in the vault yet, as at
 * the first unlock after the update that stores it), then everything the app does after unlock
 * (the check, the day's backup, record search's top rows and their store), and lock. Its backup
 * is deleted, so the measured session makes the day's backup as it would without this one.
 */
export async function previousSession(dataDir: string, vaultId: string, query: string): Promise<{ firstSearchMs: number }> {
  const backups = vaultPaths(dataDir, vaultId).backups;
  const listBackups = () => (fs.existsSync(backups) ? fs.readdirSync(backups) : []);
  const before = new Set(listBackups());
  const server = await startWebServer(dataDir);
  try {
    const call = httpClient(server);
    await serverAtRest(server.process.pid!);
    await call('vault.unlock', { id: vaultId, passphrase: BENCH_PASSPHRASE });
    const firstSearchMs = (await call('records.search', { q: query, limit: 20 })).ms;
    await serverAtRest(server.process.pid!);
    await call('vault.lock', null);
    return { firstSearchMs };
  } finally {
    await server.stop();
    for (const name of listBackups()) if (!before.has(name)) fs.rmSync(`${backups}/${name}`, { recursive: true, force: true });
  }
}
