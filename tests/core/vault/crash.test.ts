import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createVault, harness, PASSPHRASE, type Harness } from './helpers';
import { scriptChild } from '../../helpers/script-child';

const WRITER = path.join(import.meta.dirname, 'crash-writer.ts');
const KILLS = 50;

interface Run {
  acknowledged: number[];
}

/**
 * Starts the writer and SIGKILLs it at a random moment: usually while it is committing, every
 * fifth time during start-up (unlock, checks, backup). Resolves with the ids it acknowledged.
 */
function runAndKill(dataDir: string, vaultId: string, startId: number, killDuringStartup: boolean): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = scriptChild(WRITER, [dataDir, vaultId, PASSPHRASE, String(startId)]);
    let output = '';
    let stderr = '';
    let killTimer: NodeJS.Timeout | undefined;
    const kill = () => child.kill('SIGKILL');
    if (killDuringStartup) killTimer = setTimeout(kill, 150 + Math.random() * 400);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      // From the first acknowledged write on: on a loaded machine a fixed delay after "ready"
      // often ended the writer before it had committed anything.
      if (!killTimer && /^ready\n\d+\n/.test(output)) killTimer = setTimeout(kill, Math.random() * 60);
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      clearTimeout(killTimer);
      if (signal !== 'SIGKILL') return reject(new Error(`writer exited on its own: ${stderr}`));
      // Only complete lines count: a partial last line was never fully acknowledged.
      const lines = output.split('\n').slice(0, -1).filter((line) => line !== 'ready');
      resolve({ acknowledged: lines.map(Number) });
    });
  });
}

/**
 * Unlocks after a kill. If that fails, the files as the killed writer left them are copied to a
 * folder that outlives the test run, so the failure can be examined rather than guessed at.
 */
async function unlockOrKeepEvidence(h: Harness, vaultId: string, round: number): Promise<void> {
  const snapshot = fs.mkdtempSync(path.join(os.tmpdir(), 'vault-crash-snapshot-'));
  fs.cpSync(path.join(h.dataDir, 'vaults', vaultId), snapshot, { recursive: true });
  try {
    await h.service.unlock(vaultId, PASSPHRASE);
    fs.rmSync(snapshot, { recursive: true, force: true });
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'no code';
    throw new Error(`Unlock failed after kill ${round + 1} (${code}). The vault as the writer left it is in ${snapshot}.`, { cause: error });
  }
}

describe('crash safety', () => {
  // Fifty writer processes: minutes when the two cores are shared with other work.
  it(`keeps every acknowledged record after the writer is killed ${KILLS} times`, { timeout: 240_000 }, async () => {
    // This side checks with integrity_check itself after every kill; the writer still runs the
    // background check, so kills during start-up land in it.
    const h = harness({ now: Date.now, checkAfterUnlock: false });
    const id = await createVault(h);
    // The daily backup of the new vault is written; each run still starts the background check.
    await h.service.settled();
    h.service.database().exec('CREATE TABLE crash_records (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
    h.service.lock('user');
    await h.service.settled();

    const acknowledged = new Set<number>();
    let nextId = 1;
    let killedMidWrite = 0;
    for (let round = 0; round < KILLS; round++) {
      const run = await runAndKill(h.dataDir, id, nextId, round % 5 === 4);
      for (const ack of run.acknowledged) acknowledged.add(ack);
      if (run.acknowledged.length > 0) killedMidWrite++;

      await unlockOrKeepEvidence(h, id, round);
      const db = h.service.database();
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const ids = new Set(db.prepare('SELECT id FROM crash_records').pluck().all() as number[]);
      for (const ack of acknowledged) {
        for (let part = 0; part < 3; part++) expect(ids.has(ack * 10 + part), `record ${ack} part ${part}`).toBe(true);
      }
      // Transactions are whole: a batch has all of its rows or none.
      const partial = db.prepare('SELECT id / 10 AS batch, count(*) AS n FROM crash_records GROUP BY batch HAVING n != 3').all();
      expect(partial).toEqual([]);
      const maxRow = (db.prepare('SELECT max(id) FROM crash_records').pluck().get() as number | null) ?? 0;
      nextId = Math.floor(maxRow / 10) + 1;
      h.service.lock('panic');
      await h.service.settled();
    }
    expect(killedMidWrite).toBeGreaterThan(KILLS / 2);
  });
});
