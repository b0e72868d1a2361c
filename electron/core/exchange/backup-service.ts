// Full backup files: made from the open vault, checked in memory, restored into a new vault. The
// decrypted content exists only in memory (a memory-only SQLite database for the check) and, on
// restore, inside the new vault's encrypted file; nothing plaintext is ever written to disk.
import Database from 'better-sqlite3-multiple-ciphers';
import type { BackupReport, EncryptedFile } from '@shared/api/exchange';
import type { VaultSummary } from '@shared/api/vault';
import type { LiveRecords } from '../diary/handlers';
import type { ScryptParams } from '../vault/kdf';
import { assertStrongPassphrase } from '../vault/passphrase-strength';
import type { Migration } from '../vault/migrations';
import type { VaultDatabase } from '../vault/open';
import { ArchiveWriter } from './archive';
import { readBackup, type ValidatedBackup } from './backup-format';
import { loadBackup } from './backup-load';
import { open, seal } from './container';
import { tooLarge } from './errors';
import { BACKUP_LIMITS } from './limits';
import type { ExchangeProgress } from './progress';
import { restoreIntoNewVault } from './restore-vault';
import { dumpVault } from './vault-dump';

export interface BackupDeps {
  database: () => VaultDatabase;
  dataDir: string;
  kdf: ScryptParams;
  steps: readonly Migration[];
  liveRecords: readonly LiveRecords[];
  now: () => Date;
  progress: ExchangeProgress;
}

export class BackupService {
  constructor(private readonly deps: BackupDeps) {}

  async create(passphrase: string): Promise<EncryptedFile & { report: BackupReport }> {
    // A backup file holds the whole vault and travels on USB sticks: it needs the vault's bar.
    await assertStrongPassphrase(passphrase, 'passphrase');
    // The file exists only in memory until the user saves it, so cancelling at any step is safe.
    return this.deps.progress.run('backup', ['read', 'encrypt', 'check'], async (step) => {
      await step('read');
      const writer = new ArchiveWriter();
      const createdAt = this.deps.now().toISOString();
      dumpVault(this.deps.database(), writer, createdAt);
      const zip = writer.finish();
      await step('encrypt');
      const file = await seal('backup', zip, passphrase, this.deps.kdf);
      zip.fill(0);
      if (file.length > BACKUP_LIMITS.fileBytes) throw tooLarge('backup', 'exchange.vaultTooLarge', 'the vault is larger than one backup file can hold');
      // Check what was written, as a restore would: a backup that cannot be restored is not a backup.
      await step('check');
      const report = this.check(readBackup(await open('backup', file, passphrase, BACKUP_LIMITS.fileBytes)));
      // Like exports, the name says only what kind of file it is and when, not which tool made it.
      return { fileName: `backup-${createdAt.slice(0, 10)}.awbackup`, mimeType: 'application/octet-stream', data: file.toString('base64'), report };
    });
  }

  async verify(data: string, passphrase: string): Promise<BackupReport> {
    return this.check(await this.read(data, passphrase));
  }

  /** Verifies in memory first, so a bad file is refused before a folder is made. */
  async restore(data: string, passphrase: string, name: string, vaultPassphrase: string): Promise<{ vault: VaultSummary; report: BackupReport }> {
    // The new vault's passphrase meets the same bar as any vault's.
    await assertStrongPassphrase(vaultPassphrase, 'vaultPassphrase', [name]);
    // The new vault is built in a staging folder and moved into place only after the last step,
    // so a cancel at any step leaves no vault and no folder behind.
    return this.deps.progress.run('restore', ['decrypt', 'check', 'write', 'index'], async (step) => {
      await step('decrypt');
      const backup = await this.read(data, passphrase);
      await step('check');
      this.check(backup);
      const { dataDir, kdf, steps, liveRecords } = this.deps;
      return restoreIntoNewVault({ dataDir, kdf, steps, liveRecords, name, passphrase: vaultPassphrase, createdAt: this.deps.now().toISOString() }, backup, step);
    });
  }

  private async read(data: string, passphrase: string): Promise<ValidatedBackup> {
    const plaintext = await open('backup', Buffer.from(data, 'base64'), passphrase, BACKUP_LIMITS.fileBytes);
    try {
      return readBackup(plaintext);
    } finally {
      plaintext.fill(0);
    }
  }

  /** Loads the backup into a database that lives only in memory, and reports what it holds. */
  private check(backup: ValidatedBackup): BackupReport {
    const db = new Database(':memory:');
    try {
      db.pragma('temp_store = MEMORY');
      db.pragma('foreign_keys = ON');
      return loadBackup(db, backup, this.deps.steps, this.deps.liveRecords);
    } finally {
      db.close();
    }
  }
}
