// Backup files and partner bundles, wired once for createCore.
import type { LiveRecords } from '../diary/handlers';
import type { IdentityGate } from '../export-check/gate';
import type { RecordIndex } from '../records/search-index';
import type { ScryptParams } from '../vault/kdf';
import { migrations } from '../vault/migrations';
import type { VaultDatabase } from '../vault/open';
import { BackupService } from './backup-service';
import { BundleService } from './bundle-service';
import type { EventBus } from '../events';
import { exchangeHandlers } from './handlers';
import { ExchangeProgress } from './progress';

export interface ExchangeDeps {
  database: () => VaultDatabase;
  dataDir: string;
  /** The same scrypt cost as new vaults: a file's passphrase deserves the same protection. */
  kdf: ScryptParams;
  index: RecordIndex;
  liveRecords: readonly LiveRecords[];
  /** The identity check every bundle passes before it is sealed. */
  gate: IdentityGate;
  /** Where backup and restore progress is told to every window. */
  events: EventBus;
  now?: () => Date;
}

export function exchangeServices(deps: ExchangeDeps) {
  const now = deps.now ?? (() => new Date());
  const progress = new ExchangeProgress((payload) => deps.events.emit('exchange.progress', payload));
  const backups = new BackupService({ database: deps.database, dataDir: deps.dataDir, kdf: deps.kdf, steps: migrations, liveRecords: deps.liveRecords, now, progress });
  const bundles = new BundleService({ database: deps.database, index: deps.index, kdf: deps.kdf, gate: deps.gate, now, progress });
  return { handlers: exchangeHandlers(backups, bundles, progress), bundles };
}
