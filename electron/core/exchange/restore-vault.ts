// Restoring a backup file makes a NEW vault next to the others; the open vault is never touched.
// Built in a dot-folder (the unlock screen skips those) and renamed into place only once every row
// is in, so a crash or a bad file never leaves a half-restored vault on the list.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { BackupReport } from '@shared/api/exchange';
import type { VaultSummary } from '@shared/api/vault';
import type { LiveRecords } from '../diary/handlers';
import { recordIndex } from '../search/record-texts';
import { fsyncDir } from '../vault/durable-fs';
import { KEY_BYTES, passphraseBytes, type ScryptParams } from '../vault/kdf';
import { wrapVaultKey, writeKeyfile } from '../vault/keyfile';
import { pathsIn, vaultPaths, vaultsRoot } from '../vault/layout';
import { writeVaultMeta } from '../vault/meta';
import { latestVersion, type Migration } from '../vault/migrations';
import { openVaultDatabase } from '../vault/open';
import type { ValidatedBackup } from './backup-format';
import { loadBackup } from './backup-load';
import type { ReportStep } from './progress';

export interface NewVaultRequest {
  dataDir: string;
  kdf: ScryptParams;
  steps: readonly Migration[];
  liveRecords: readonly LiveRecords[];
  name: string;
  passphrase: string;
  createdAt: string;
}

/** Same steps as VaultService.create (new key, keyfile, metadata, staged folder), filled from the backup. */
export async function restoreIntoNewVault(
  request: NewVaultRequest,
  backup: ValidatedBackup,
  step: ReportStep = async () => undefined,
): Promise<{ vault: VaultSummary; report: BackupReport }> {
  const id = crypto.randomUUID();
  const vault: VaultSummary = { id, name: request.name, createdAt: request.createdAt };
  const root = vaultsRoot(request.dataDir);
  fs.mkdirSync(root, { recursive: true, mode: 0o700 });
  const staging = pathsIn(path.join(root, `.restoring-${id}`));
  fs.mkdirSync(staging.dir, { mode: 0o700 });
  const key = crypto.randomBytes(KEY_BYTES);
  const secret = passphraseBytes(request.passphrase);
  try {
    await step('write');
    writeKeyfile(staging.keyfile, await wrapVaultKey(key, secret, request.kdf, id));
    writeVaultMeta(staging.meta, vault);
    const db = openVaultDatabase(staging.db, key, { create: true, maxVersion: latestVersion(request.steps) });
    let report: BackupReport;
    try {
      report = loadBackup(db, backup, request.steps, request.liveRecords);
      // The last step before the vault is moved into place: a cancel here still leaves nothing.
      await step('index');
      // Backups since the search index became contentless carry no index: build it from the records.
      const hasIndex = db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'record_search'").get() !== undefined;
      if (hasIndex && !backup.tables.some((t) => t.name === 'record_search')) await recordIndex.rebuild(db);
    } finally {
      db.close();
    }
    await step('finished');
    fs.renameSync(staging.dir, vaultPaths(request.dataDir, id).dir);
    fsyncDir(root);
    return { vault, report };
  } catch (error) {
    fs.rmSync(staging.dir, { recursive: true, force: true });
    throw error;
  } finally {
    key.fill(0);
    secret.fill(0);
  }
}
