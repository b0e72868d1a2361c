// Child process for crash.test.ts: unlocks a vault and writes records until it is killed,
// printing each id only after its transaction has committed ("acknowledged").
// Usage: node --import tsx tests/core/vault/crash-writer.ts <dataDir> <vaultId> <passphrase> <startId>
import { EventBus } from '../../../electron/core/events';
import { VaultService } from '../../../electron/core/vault/service';
import { WEAK_KDF } from './kdf-params';

const [dataDir, vaultId, passphrase, start] = process.argv.slice(2) as [string, string, string, string];
const service = new VaultService({ dataDir, events: new EventBus(), kdf: WEAK_KDF });
await service.unlock(vaultId, passphrase);
const db = service.database();
const insert = db.prepare('INSERT INTO crash_records (id, body) VALUES (?, ?)');
const writeBatch = db.transaction((id: number) => {
  // Several rows per transaction, so a kill can land mid-transaction.
  for (let part = 0; part < 3; part++) insert.run(id * 10 + part, `record ${id} part ${part} `.repeat(40));
});
process.stdout.write('ready\n');
for (let id = Number(start); ; id++) {
  writeBatch(id);
  process.stdout.write(`${id}\n`);
  // Yield so stdout flushes and the kill can land at any point between and inside commits.
  if (id % 4 === 0) await new Promise((resolve) => setImmediate(resolve));
}
