import fs from 'node:fs';
import path from 'node:path';
import { eraseVault } from './erase';
import { pathsIn, vaultFolderNames, vaultsRoot } from './layout';

/** Folders a vault is built in before it appears: by "create vault" and by restoring a backup file. */
const STAGING = /^\.(creating|restoring)-[0-9a-f-]{36}$/;

/**
 * Gives every folder under a vault folder mode 0700 and every file 0600, so no other account on
 * the machine can read them, and a file copied elsewhere keeps its mode. SQLite creates the WAL and
 * shared-memory files with the database's mode, so they follow. On Windows the user profile's
 * ACLs apply instead; chmod there only sets the read-only flag, so it is skipped.
 */
export function restrictPermissions(dir: string): void {
  if (process.platform === 'win32') return;
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
    fs.chmodSync(dir, 0o700);
  } catch {
    return;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) restrictPermissions(full);
    else if (entry.isFile()) fs.chmodSync(full, 0o600);
  }
}

/**
 * Staging folders a crash left behind (a vault half created or half restored). They hold a
 * keyfile and encrypted pages, so they are erased like a vault (overwritten in place, then
 * removed), at start-up, before anything could be building in them.
 */
export function removeAbandonedStaging(dataDir: string): string[] {
  const names = vaultFolderNames(dataDir);
  const removed: string[] = [];
  for (const name of names) {
    if (!STAGING.test(name)) continue;
    eraseVault(pathsIn(path.join(vaultsRoot(dataDir), name)));
    removed.push(name);
  }
  return removed;
}
