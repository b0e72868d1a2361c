// Child process for migration-crash.test.ts: unlocks a vault an older version of the app wrote, so
// the unlock runs the pending migrations, and is SIGKILLed meanwhile: by the parent at a random
// moment of step 019 ("random"), or by itself once every step has run but before the
// transaction commits ("before-commit"). "none" lets the unlock finish; the parent kills it then.
// Usage: node --import tsx migration-child.ts <dataDir> <vaultId> <passphrase> <random|before-commit|none>
import { EventBus } from '../../../electron/core/events';
import { migrations, type Migration } from '../../../electron/core/vault/migrations';
import { VaultService } from '../../../electron/core/vault/service';
import { WEAK_KDF } from './kdf-params';

const [dataDir, vaultId, passphrase, mode] = process.argv.slice(2) as [string, string, string, string];
const SLIM_ROWS = 19;
// Step 019, the one that rewrites every diary row, says when it starts and ends, so the parent can
// time its kills inside it; "before-commit" ends the process after the last step, before the commit.
const steps: Migration[] = migrations.map((step) => {
  if (step.version !== SLIM_ROWS && step !== migrations.at(-1)) return step;
  return {
    ...step,
    up(db) {
      const started = Date.now();
      if (step.version === SLIM_ROWS) process.stdout.write('migrating\n');
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
// Killed here by the parent if the migration finished before its timer.
setInterval(() => undefined, 1000);
