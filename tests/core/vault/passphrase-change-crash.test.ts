import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readKeyfile } from '../../../electron/core/vault/keyfile';
import { vaultPaths } from '../../../electron/core/vault/layout';
import { CHANGE_STEPS } from '../../../electron/core/vault/passphrase-change';
import { tempDir } from '../../helpers/temp';
import { createVault, harness, PASSPHRASE } from './helpers';
import { scriptChild } from '../../helpers/script-child';

const CHILD = path.join(import.meta.dirname, 'passphrase-change-child.ts');
const NEXT = 'a different long passphrase';
const RANDOM_KILLS = 12;

interface Run {
  acknowledged: number[];
  /** Milliseconds from the change's first write to its end, when it finished. */
  changedIn: number | null;
}

/**
 * Runs the child against a copy of the vault. `killBefore` is a step (the child kills itself just
 * before it), or 'random' (the parent kills it `delayMs` after the change's first write).
 */
function runChild(dataDir: string, vaultId: string, killBefore: string, delayMs = 0): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = scriptChild(CHILD, [dataDir, vaultId, PASSPHRASE, NEXT, killBefore, '1000']);
    let output = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (!timer && output.includes('writing\n') && killBefore === 'random') timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
      // A finished change: let it write a few records under the new key, then kill it.
      if (!timer && output.includes('changed ')) timer = setTimeout(() => child.kill('SIGKILL'), 30);
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') return reject(new Error(`child exited on its own: ${stderr}`));
      const lines = output.split('\n').slice(0, -1);
      const changed = lines.find((line) => line.startsWith('changed '));
      resolve({
        acknowledged: lines.filter((line) => /^\d+$/.test(line)).map(Number),
        changedIn: changed ? Number(changed.slice('changed '.length)) : null,
      });
    });
  });
}

/** A locked vault with about 4 MB of records and a manual backup, so the rekey takes a while. */
async function prepareVault(): Promise<{ dataDir: string; id: string }> {
  const h = harness({ now: Date.now });
  const id = await createVault(h);
  const db = h.service.database();
  db.exec('CREATE TABLE crash_records (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO crash_records (id, body) VALUES (?, ?)');
  db.transaction(() => {
    for (let id = 1; id <= 400; id++) insert.run(id, `existing record ${id} `.repeat(500));
  })();
  await h.service.createBackup();
  h.service.lock('user');
  await h.service.settled();
  return { dataDir: h.dataDir, id };
}

function copyOf(dataDir: string): string {
  const copy = tempDir('vault-change-crash-');
  fs.cpSync(dataDir, copy, { recursive: true });
  return copy;
}

/** After a kill: one of the two passphrases opens the vault, whole, with every acknowledged record. */
async function assertRecovered(dataDir: string, id: string, run: Run, expected: 'old' | 'new' | 'either'): Promise<'old' | 'new'> {
  const h = harness({ dataDir, now: Date.now });
  let used: 'old' | 'new';
  if (expected === 'old') {
    await h.service.unlock(id, PASSPHRASE);
    used = 'old';
  } else if (expected === 'new') {
    await h.service.unlock(id, NEXT);
    used = 'new';
  } else {
    used = await h.service.unlock(id, PASSPHRASE).then(
      () => 'old' as const,
      async () => {
        await h.service.unlock(id, NEXT);
        return 'new' as const;
      },
    );
  }
  const db = h.service.database();
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  const ids = new Set(db.prepare('SELECT id FROM crash_records').pluck().all() as number[]);
  expect(ids.size).toBeGreaterThanOrEqual(400 + run.acknowledged.length);
  for (let existing = 1; existing <= 400; existing++) expect(ids.has(existing)).toBe(true);
  for (const ack of run.acknowledged) expect(ids.has(ack), `acknowledged record ${ack}`).toBe(true);
  h.service.lock('user');
  await h.service.settled();
  // Nothing is left half-done: the same passphrase opens it again, and every backup reads with it.
  expect(readKeyfile(vaultPaths(dataDir, id).keyfile)?.pending).toBeUndefined();
  await h.service.unlock(id, used === 'old' ? PASSPHRASE : NEXT);
  for (const backup of h.service.listBackups()) {
    await h.service.restoreBackup({ backupId: backup.id, confirm: true });
  }
  h.service.lock('user');
  await h.service.settled();
  return used;
}

describe('passphrase change under SIGKILL', () => {
  it(`keeps a working passphrase and every acknowledged record when killed before each step`, { timeout: 240_000 }, async () => {
    const { dataDir, id } = await prepareVault();
    const rekeyAt = CHANGE_STEPS.indexOf('rekey-copies');
    for (const [index, step] of CHANGE_STEPS.entries()) {
      const copy = copyOf(dataDir);
      const run = await runChild(copy, id, step);
      expect(run.changedIn, step).toBeNull();
      expect(run.acknowledged.length, step).toBe(20);
      await assertRecovered(copy, id, run, index < rekeyAt ? 'old' : 'new');
    }
  });

  it(`keeps a working passphrase and every acknowledged record when killed at ${RANDOM_KILLS} random moments`, { timeout: 240_000 }, async () => {
    const { dataDir, id } = await prepareVault();
    // How long an undisturbed change takes here, to spread the kills over it.
    const copy = copyOf(dataDir);
    const full = await runChild(copy, id, 'none');
    expect(full.changedIn).not.toBeNull();
    const written = await assertRecovered(copy, id, full, 'new');
    expect(written).toBe('new');

    const outcomes = { old: 0, new: 0 };
    for (let round = 0; round < RANDOM_KILLS; round++) {
      const target = copyOf(dataDir);
      const run = await runChild(target, id, 'random', Math.random() * full.changedIn!);
      outcomes[await assertRecovered(target, id, run, 'either')]++;
    }
    expect(outcomes.old + outcomes.new).toBe(RANDOM_KILLS);
  });
});
