import crypto from 'node:crypto';
import { DomainError } from '../rpc/domain-error';
import type { AtomicStep } from './durable-fs';
import { KEY_BYTES, type ScryptParams } from './kdf';
import { openPreviousKey, sealPreviousKey, wrapKey, writeKeyfile, type Keyfile, type PendingChange } from './keyfile';
import type { VaultPaths } from './layout';
import type { VaultDatabase } from './open';
import { leaveWal, opensWith, rekeyConnection, rekeyCopies, rekeyFile, shredJournal } from './rekey';

/**
 * The steps of a passphrase change, in order. A crash before "rekey-database" leaves the old
 * passphrase working; from then on the new one does (and finishes the change at unlock). Tests
 * kill the process before each step.
 */
export const CHANGE_STEPS = [
  ...atomic('stage-keyfile'),
  'rekey-database',
  'rekey-copies',
  ...atomic('finish-keyfile'),
  'resume-wal',
] as const;
export type ChangeStep = (typeof CHANGE_STEPS)[number];
export type ChangeHooks = { beforeStep?: (step: ChangeStep) => void };

function atomic<P extends string>(prefix: P): Array<`${P}:${AtomicStep}`> {
  return (['write-temp', 'fsync-temp', 'rename', 'fsync-dir'] as const).map((step) => `${prefix}:${step}` as const);
}

export const CHANGED_ELSEWHERE =
  'This vault’s passphrase was changed just before the app last closed. Unlock it with the new passphrase.';

export interface PreparedChange {
  /** The new vault key; owned by the caller. */
  key: Buffer;
  pending: PendingChange;
}

/**
 * Everything slow happens here, before any file changes: a fresh random vault key, wrapped under
 * the new passphrase, with the current key sealed under the new one so that whoever holds the new
 * passphrase can finish the change after a crash.
 */
export async function prepareChange(current: Buffer, passphrase: Buffer, params: ScryptParams, vaultId: string): Promise<PreparedChange> {
  const key = crypto.randomBytes(KEY_BYTES);
  try {
    const wrapped = await wrapKey(key, passphrase, params, vaultId);
    return { key, pending: { ...wrapped, previousKey: sealPreviousKey(current, key, vaultId) } };
  } catch (error) {
    key.fill(0);
    throw error;
  }
}

/**
 * Replaces the vault key of the open vault. Synchronous from the first write to the last, so no
 * record can be saved half-way under either key:
 *   0. the WAL is folded into the file and set aside for the rekey (nothing changed if this fails);
 *   1. keyfile.json gains the pending new key (old passphrase still opens the old key);
 *   2. vault.db is rekeyed in place (the commit point: from here only the new key reads it);
 *   3. backups and set-aside copies are rekeyed the same way;
 *   4. keyfile.json keeps only the new key under the new passphrase;
 *   5. the database returns to WAL.
 * An old keyfile with the old passphrase gives the old key, which no longer reads anything.
 */
export function applyChange(change: {
  paths: VaultPaths;
  db: VaultDatabase;
  keyfile: Keyfile;
  previous: Buffer;
  prepared: PreparedChange;
  hooks?: ChangeHooks | undefined;
}): void {
  const { paths, db, keyfile, previous, prepared, hooks } = change;
  const keyfileHooks = (prefix: 'stage-keyfile' | 'finish-keyfile') => ({
    beforeStep: (step: AtomicStep) => hooks?.beforeStep?.(`${prefix}:${step}`),
  });
  // First, and before anything is written: fails without a change if another connection is open.
  leaveWal(db);
  writeKeyfile(paths.keyfile, { ...keyfile, pending: prepared.pending }, keyfileHooks('stage-keyfile'));
  hooks?.beforeStep?.('rekey-database');
  rekeyConnection(db, prepared.key);
  hooks?.beforeStep?.('rekey-copies');
  rekeyCopies(paths, previous, prepared.key);
  writeKeyfile(paths.keyfile, finishedKeyfile(prepared.pending), keyfileHooks('finish-keyfile'));
  hooks?.beforeStep?.('resume-wal');
  if (db.pragma('journal_mode = WAL', { simple: true }) !== 'wal') throw new Error('The vault did not return to WAL mode.');
}

/**
 * Unlocking a vault whose keyfile still holds a pending change (a crash interrupted it).
 * - With the old passphrase: if the database still reads with the old key, the change never
 *   reached its commit point and is dropped; otherwise the user is told to use the new passphrase.
 * - With the new passphrase: the change is finished (database and copies rekeyed if needed,
 *   keyfile reduced to the new key).
 * Takes ownership of `key` and returns the key that now opens the database.
 */
export function resumeChange(paths: VaultPaths, keyfile: Keyfile & { pending: PendingChange }, unlocked: { via: 'current' | 'pending'; key: Buffer }, vaultId: string): Buffer {
  if (unlocked.via === 'current') {
    // The old key is tried first: while the file is under it, a WAL may hold its pages.
    if (opensWith(paths.db, unlocked.key)) {
      // Opening rolled back any hot journal; one left now is a committed one from a rekey.
      shredJournal(paths.db);
      const { pending: _dropped, ...rest } = keyfile;
      writeKeyfile(paths.keyfile, rest);
      return unlocked.key;
    }
    unlocked.key.fill(0);
    throw new DomainError('WRONG_PASSPHRASE', 'vault.passphraseChangedElsewhere', CHANGED_ELSEWHERE);
  }
  const next = unlocked.key;
  const previous = openPreviousKey(keyfile.pending.previousKey, next, vaultId);
  if (!previous) {
    next.fill(0);
    throw new DomainError('VAULT_DAMAGED', 'vault.keyfileDamaged', 'The key file of this vault (keyfile.json) is damaged, so no passphrase can open it. If you have a copy of the vault folder, put its keyfile.json back.');
  }
  try {
    const database = rekeyFile(paths.db, previous, next);
    rekeyCopies(paths, previous, next);
    // A damaged database keeps the pending change, so the old key stays recoverable for repair.
    if (database !== 'unreadable') writeKeyfile(paths.keyfile, finishedKeyfile(keyfile.pending));
    return next;
  } finally {
    previous.fill(0);
  }
}

function finishedKeyfile(pending: PendingChange): Keyfile {
  const { previousKey: _sealed, ...wrapped } = pending;
  return { version: 1, ...wrapped };
}
