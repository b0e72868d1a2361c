// Child process for passphrase-change-crash.test.ts: unlocks, writes records (printing each id
// once committed, "acknowledged"), then changes the passphrase and is SIGKILLed by its own hook
// before the chosen step, or by the parent at a random moment once the change starts writing ("random").
// Usage: node --import tsx passphrase-change-child.ts <dataDir> <vaultId> <old> <new> <step|random|none> <startId>
import { EventBus } from '../../../electron/core/events';
import { VaultService } from '../../../electron/core/vault/service';
import { WEAK_KDF } from './kdf-params';

const [dataDir, vaultId, oldPassphrase, newPassphrase, killBefore, start] = process.argv.slice(2) as [string, string, string, string, string, string];
let firstStepAt = 0;
const service = new VaultService({
  dataDir,
  events: new EventBus(),
  kdf: WEAK_KDF,
  changeHooks: {
    beforeStep: (step) => {
      if (step === killBefore) process.kill(process.pid, 'SIGKILL');
      // The first step starts the writes; the parent's random kills are timed from here.
      if (firstStepAt === 0) {
        firstStepAt = Date.now();
        process.stdout.write('writing\n');
      }
    },
  },
});
await service.unlock(vaultId, oldPassphrase);
const insert = service.database().prepare('INSERT INTO crash_records (id, body) VALUES (?, ?)');
for (let id = Number(start); id < Number(start) + 20; id++) {
  insert.run(id, `record ${id} `.repeat(20));
  process.stdout.write(`${id}\n`);
}
await service.changePassphrase(oldPassphrase, newPassphrase);
process.stdout.write(`changed ${Date.now() - firstStepAt}\n`);
// Writes under the new key, acknowledged as before, until the parent kills the process.
const after = service.database().prepare('INSERT INTO crash_records (id, body) VALUES (?, ?)');
for (let id = Number(start) + 20; ; id++) {
  after.run(id, `record ${id} `.repeat(20));
  process.stdout.write(`${id}\n`);
  await new Promise((resolve) => setImmediate(resolve));
}
