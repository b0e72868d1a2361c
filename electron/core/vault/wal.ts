// At lock, every committed change must reach the vault file itself. A deleted record is
// overwritten there (secure_delete) only when its pages are checkpointed out of the WAL; until
// then the file still holds the old page, which anyone given the passphrase could read raw. Closing
// a connection checkpoints only when no other connection has the file open, and the background
// check and backups keep one open on their worker threads.
import Database from 'better-sqlite3-multiple-ciphers';
import { applyKey, type VaultDatabase } from './open';

/**
 * Checkpoints the whole WAL into the file and empties it, without waiting: false when another
 * connection still reads an older snapshot (a check or backup in the middle of a statement).
 */
export function checkpointNow(db: VaultDatabase): boolean {
  const timeout = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma('busy_timeout = 0');
  try {
    const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>;
    return result?.busy === 0;
  } catch {
    return false;
  } finally {
    db.pragma(`busy_timeout = ${timeout}`);
  }
}

/** Opens the closed vault file once more, only to checkpoint what its last session left in the WAL. */
export function checkpointFile(file: string, key: Buffer): void {
  const db = new Database(file, { fileMustExist: true });
  try {
    applyKey(db, key);
    const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>;
    if (result?.busy !== 0) throw new Error('BUSY');
  } finally {
    db.close();
  }
}
