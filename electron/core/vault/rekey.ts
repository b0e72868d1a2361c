import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { DomainError } from '../rpc/domain-error';
import { overwriteInPlace } from './erase';
import type { VaultPaths } from './layout';
import { applyKey, rawKeyLiteral, type VaultDatabase } from './open';

/**
 * This build of SQLite3MultipleCiphers refuses to rekey in WAL mode, so before a rekey the WAL is
 * checkpointed into the file and the connection switched to a rollback journal. Fails (and stays in
 * WAL) when another connection, such as a background backup, has the file open.
 */
export function leaveWal(db: VaultDatabase): void {
  const [checkpoint] = db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>;
  // PERSIST keeps the journal file after commit, so its old pages can be overwritten, not just unlinked.
  if ((checkpoint && checkpoint.busy !== 0) || db.pragma('journal_mode = PERSIST', { simple: true }) !== 'persist') {
    db.pragma('journal_mode = WAL');
    throw new DomainError('UNAVAILABLE', 'vault.busy', 'The vault is busy (a backup or check may be running). Nothing was changed. Try again in a minute.');
  }
}

/**
 * Re-encrypts the file under a new key in place: rekey rewrites every page in one transaction. The
 * rollback journal holds the original pages under the original key, so a crash during the rekey
 * rolls the file back, whole, to the old key; nothing half-converted is ever read.
 */
export function rekeyConnection(db: VaultDatabase, next: Buffer): void {
  if (db.pragma('journal_mode', { simple: true }) === 'wal') leaveWal(db);
  const literal = rawKeyLiteral(next);
  try {
    db.rekey(literal);
  } finally {
    literal.fill(0);
  }
  // Proves the connection now reads with the new key.
  db.prepare('SELECT count(*) FROM sqlite_master').get();
  // The committed journal still holds every page under the old key: overwrite it, then let go of it.
  shredJournal(db.name);
  db.pragma('journal_mode = DELETE');
}

/**
 * Overwrites a rollback journal left beside `file` and removes it. Only for a journal SQLite has
 * already dealt with (the file was opened since, which rolls a hot journal back): it then holds
 * nothing needed, only old pages under a key that is being retired.
 */
export function shredJournal(file: string): void {
  const journal = `${file}-journal`;
  if (!fs.existsSync(journal)) return;
  try {
    overwriteInPlace(journal);
    fs.rmSync(journal, { force: true });
  } catch {
    // Windows may refuse while SQLite still holds the file; leaving journal mode PERSIST removes it.
  }
}

/**
 * Whether `key` reads the file. Callers probe with the key the file was last known to have first:
 * opening with a wrong key is harmless only when no WAL holds pages of the right one, and the
 * change procedure guarantees there is no WAL once the file has the new key.
 */
export function opensWith(file: string, key: Buffer): boolean {
  if (!fs.existsSync(file)) return false;
  let db: VaultDatabase | undefined;
  try {
    db = new Database(file, { fileMustExist: true });
    applyKey(db, key);
    db.pragma('temp_store = MEMORY');
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return true;
  } catch {
    return false;
  } finally {
    db?.close();
  }
}

export type RekeyOutcome = 'rekeyed' | 'already' | 'unreadable';

/** Brings a closed database file to `next`: rekeys it if `previous` opens it, leaves it if `next` does. */
export function rekeyFile(file: string, previous: Buffer, next: Buffer): RekeyOutcome {
  if (opensWith(file, previous)) {
    const db = new Database(file, { fileMustExist: true });
    try {
      applyKey(db, previous);
      db.pragma('temp_store = MEMORY');
      rekeyConnection(db, next);
    } finally {
      db.close();
    }
    return 'rekeyed';
  }
  if (!opensWith(file, next)) return 'unreadable';
  // Rekeyed before a crash that came before its journal was overwritten.
  shredJournal(file);
  return 'already';
}

/**
 * The encrypted copies of a vault under its key, other than vault.db: automatic and manual backups
 * and files a restore set aside. Unfinished temp files are not included (they are removed at unlock).
 */
export function vaultCopies(paths: VaultPaths): string[] {
  const copies: string[] = [];
  for (const dir of [paths.backups, paths.replaced]) {
    let names: string[];
    try {
      names = fs.readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names.sort()) if (name.endsWith('.db')) copies.push(path.join(dir, name));
  }
  return copies;
}

/** Rekeys every copy; returns the ones neither key could read (damaged), which are left untouched. */
export function rekeyCopies(paths: VaultPaths, previous: Buffer, next: Buffer): string[] {
  const unreadable: string[] = [];
  for (const file of vaultCopies(paths)) if (rekeyFile(file, previous, next) === 'unreadable') unreadable.push(file);
  return unreadable;
}
