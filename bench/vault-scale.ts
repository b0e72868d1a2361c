// Unlock, lock and background work on generated vaults of realistic entries (the scale suite's
// generator): what unlock costs after the key derivation at each size, next to the old unlock
// path (open + quick_check over the whole file) measured in the same loop, and how long the
// background check and backups take while the app's thread stays free.
import fs from 'node:fs';
import crypto from 'node:crypto';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { EventBus } from '../electron/core/events';
import { deriveKek, passphraseBytes } from '../electron/core/vault/kdf';
import { vaultPaths } from '../electron/core/vault/layout';
import { latestVersion, migrations } from '../electron/core/vault/migrations';
import { openVaultDatabase } from '../electron/core/vault/open';
import { VaultService } from '../electron/core/vault/service';
import { readKeyfile, unwrapVaultKey } from '../electron/core/vault/keyfile';
import { BENCH_KDF, BENCH_PASSPHRASE, generatedVault } from './scale-vault';
import { percentile, round } from './stats';
import type { BenchResult } from './vault.bench';

/** Rounds of the timed loop; fewer at 100k, where each baseline round reads the whole file. */
const rounds = (count: number): number => (count >= 100_000 ? 6 : 15);

export async function unlockAtScale(count: number, log: (line: string) => void): Promise<BenchResult[]> {
  const generated = await generatedVault(count, { log });
  const { dataDir, vaultId } = generated;
  const results: BenchResult[] = [];
  const add = (name: string, value: number, unit: string, extra: Record<string, unknown> = {}) =>
    results.push({ name: `vault.${name}.${count}`, value, unit, entries: count, ...extra });
  try {
    const paths = vaultPaths(dataDir, vaultId);
    add('file_size', round(fs.statSync(paths.db).size / 1e6, 1), 'MB');
    const keyfile = readKeyfile(paths.keyfile)!;
    const key = (await unwrapVaultKey(keyfile, passphraseBytes(BENCH_PASSPHRASE), vaultId))!;
    const service = new VaultService({ dataDir, events: new EventBus(), kdf: BENCH_KDF });
    // The first unlock of the day takes the daily backup (in the background): not part of the loop.
    await service.unlock(vaultId, BENCH_PASSPHRASE);
    await service.settled();
    service.lock('panic');
    await service.settled();

    const afterKdf: number[] = [];
    const oldPath: number[] = [];
    for (let i = 0; i < rounds(count); i++) {
      // The key derivation at the bench's cost, timed alone, is taken off the unlock time.
      const salt = crypto.randomBytes(16);
      const kdfStart = performance.now();
      (await deriveKek(passphraseBytes(BENCH_PASSPHRASE), salt, BENCH_KDF)).fill(0);
      const kdfMs = performance.now() - kdfStart;
      const unlockStart = performance.now();
      await service.unlock(vaultId, BENCH_PASSPHRASE);
      afterKdf.push(Math.max(0, performance.now() - unlockStart - kdfMs));
      service.lock('panic');
      await service.settled();

      // Baseline in the same loop: the unlock path before this change, open + quick_check.
      const oldStart = performance.now();
      const db = openVaultDatabase(paths.db, key, { create: false, maxVersion: latestVersion(migrations) });
      db.pragma('quick_check');
      oldPath.push(performance.now() - oldStart);
      db.close();
    }
    add('unlock_after_kdf.p50', round(percentile(afterKdf, 50), 1), 'ms', { target: '< 50' });
    add('unlock_after_kdf.p95', round(percentile(afterKdf, 95), 1), 'ms', { target: '< 50' });
    add('unlock_old_path_quick_check.p50', round(percentile(oldPath, 50), 1), 'ms', { baseline: true });
    add('unlock_old_path_quick_check.p95', round(percentile(oldPath, 95), 1), 'ms', { baseline: true });

    // The background check and a lock with a change to back up, while the event loop is watched.
    const delay = monitorEventLoopDelay({ resolution: 5 });
    const checkStart = performance.now();
    await service.unlock(vaultId, BENCH_PASSPHRASE);
    delay.enable();
    await service.settled();
    delay.disable();
    add('background_check', round(performance.now() - checkStart, 0), 'ms', { state: service.status().check?.state });
    add('event_loop_delay_during_check.max', round(delay.max / 1e6, 1), 'ms');

    service.database().prepare("INSERT INTO drafts (key, content, saved_at) VALUES ('bench', '{}', '2025-01-01T00:00:00Z') ON CONFLICT(key) DO UPDATE SET content = excluded.content").run();
    delay.reset();
    delay.enable();
    const lockStart = performance.now();
    service.lock('user');
    const lockMs = performance.now() - lockStart;
    const backupStart = performance.now();
    await service.settled();
    delay.disable();
    add('lock_with_backup_due', round(lockMs, 1), 'ms', { target: 'prompt' });
    add('backup_at_lock_background', round(performance.now() - backupStart, 0), 'ms');
    add('event_loop_delay_during_backup.max', round(delay.max / 1e6, 1), 'ms');
    key.fill(0);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return results;
}
