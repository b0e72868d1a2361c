import fs from 'node:fs';
import path from 'node:path';

/**
 * Where a vault's files live. One folder per vault under <dataDir>/vaults/<id>/:
 *   vault.db (+ -wal, -shm)   the encrypted database
 *   keyfile.json              the wrapped vault key (no secret without the passphrase)
 *   vault.json                id, name, creation time: readable without the passphrase
 *   unlock-attempts.json      older versions' failed unlock count (now inside keyfile.json), carried over once
 *   backups/                  encrypted backups (same key)
 *   replaced/                 vault files set aside by a restore, never deleted by the app
 */
export interface VaultPaths {
  dir: string;
  db: string;
  keyfile: string;
  meta: string;
  attempts: string;
  backups: string;
  replaced: string;
}

export const vaultsRoot = (dataDir: string): string => path.join(dataDir, 'vaults');

/** The names of the folders in the vaults folder; none before the first vault is made. */
export function vaultFolderNames(dataDir: string): string[] {
  try {
    return fs.readdirSync(vaultsRoot(dataDir));
  } catch {
    return [];
  }
}

export function vaultPaths(dataDir: string, vaultId: string): VaultPaths {
  return pathsIn(path.join(vaultsRoot(dataDir), vaultId));
}

export function pathsIn(dir: string): VaultPaths {
  return {
    dir,
    db: path.join(dir, 'vault.db'),
    keyfile: path.join(dir, 'keyfile.json'),
    meta: path.join(dir, 'vault.json'),
    attempts: path.join(dir, 'unlock-attempts.json'),
    backups: path.join(dir, 'backups'),
    replaced: path.join(dir, 'replaced'),
  };
}
