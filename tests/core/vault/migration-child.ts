// Child process for migration-crash.test.ts: unlocks a vault an older version of the app wrote, so
// the unlock runs the pending migrations, and is SIGKILLed meanwhile: <delayMs> after step 019
// starts ("random"), or once every step has run but before the transaction commits
// ("before-commit"). "none" lets the unlock finish; the parent kills it then.
// Usage: node --import tsx migration-child.ts <dataDir> <vaultId> <passphrase> <random|before-commit|none> [delayMs]
import { Worker } from 'node:worker_threads';
import { EventBus } from '../../../electron/core/events';
import { migrations, type Migration } from '../../../electron/core/vault/migrations';
import { VaultService } from '../../../electron/core/vault/service';
import { WEAK_KDF } from './kdf-params';

const [dataDir, vaultId, passphrase, mode, delayMs] = process.argv.slice(2) as [string, string, string, string, string?];
const SLIM_ROWS = 19;

// The step holds the main thread, so a thread of its own kills the process: woken when the step
// starts, it sends SIGKILL delayMs after the start, with neither a pipe nor the parent's timers
// between. The buffer holds a flag (whether the step started) and the time it started.
const shared = new SharedArrayBuffer(16);
const started019 = new Int32Array(shared, 0, 1);
const startedAt = new Float64Array(shared, 8, 1);
if (mode === 'random') {
  const killer = `
    const { workerData } = require('node:worker_threads');
    const started = new Int32Array(workerData.shared, 0, 1);
    const startedAt = new Float64Array(workerData.shared, 8, 1);
    Atomics.wait(started, 0, 0);
    const left = startedAt[0] + workerData.delayMs - Date.now();
    if (left > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, left);
    process.kill(process.pid, 'SIGKILL');`;
  new Worker(killer, { eval: true, workerData: { shared, delayMs: Number(delayMs) } }).unref();
}
// Step 019, the one that rewrites every diary row, says when it starts and how long it took;
// "before-commit" ends the process after the last step, before the commit.
const steps: Migration[] = migrations.map((step) => {
  if (step.version !== SLIM_ROWS && step !== migrations.at(-1)) return step;
  return {
    ...step,
    up(db) {
      const started = Date.now();
      if (step.version === SLIM_ROWS) {
        startedAt[0] = started;
        Atomics.store(started019, 0, 1);
        Atomics.notify(started019, 0);
      }
      step.up(db);
      if (step.version === SLIM_ROWS) process.stdout.write(`stepped ${Date.now() - started}\n`);
      if (step === migrations.at(-1) && mode === 'before-commit') process.kill(process.pid, 'SIGKILL');
    },
  };
});
const service = new VaultService({ dataDir, events: new EventBus(), kdf: WEAK_KDF, migrations: steps, checkAfterUnlock: false });
const started = Date.now();
process.stdout.write('unlocking\n');
await service.unlock(vaultId, passphrase);
process.stdout.write(`unlocked ${Date.now() - started}\n`);
// Killed here by the parent, or by the killer thread if the update finished first.
setInterval(() => undefined, 1000);
