import fs from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { DomainError } from '../rpc/domain-error';
import { KEY_BYTES } from './kdf';
import { TOO_NEW_MESSAGE } from './migrations/runner';

export type VaultDatabase = Database.Database;

/**
 * ChaCha20-Poly1305 (SQLite3MultipleCiphers' own default, pinned so a library default change can
 * never alter the format). Chosen over SQLCipher v4 because every page is authenticated (a flipped
 * byte is detected, not read as data), it is fast without AES hardware on older laptops, and
 * SQLCipher-tool compatibility buys nothing here: the key is random and only the app can unwrap it.
 */
export const CIPHER = 'chacha20';

/**
 * The page size of a new vault. A diary entry's document is 1–4 KB of canonical JSON: on 4 KB pages
 * most pages held one entry and a kilobyte of nothing; on 16 KB pages several entries share a page
 * and the file stays within twice the records it holds. Set before the first write (it cannot
 * change afterwards: this cipher keeps the page size an encrypted file was made with, through
 * VACUUM, VACUUM INTO and rekey). Vaults made with 4 KB pages keep them and still open as before.
 */
export const NEW_VAULT_PAGE_SIZE = 16_384;

export const DAMAGED_MESSAGE =
  'This vault file is damaged or incomplete, so it cannot be opened. It has been left untouched. What can still be read will be copied first, so you can compare it with your backups before choosing one.';

/** Applies cipher and raw key to a fresh connection, before anything reads the file. */
export function applyKey(db: VaultDatabase, key: Buffer): void {
  if (key.length !== KEY_BYTES) throw new Error('Vault key has the wrong length.');
  db.pragma(`cipher = '${CIPHER}'`);
  // legacy=0: the current ChaCha20 page format, not the old sqleet-compatible one.
  db.pragma('legacy = 0');
  // SQLCipher raw-key syntax x'<64 hex>' bypasses SQLite3MC's own PBKDF2: our key is already
  // random. Built in a Buffer (never a JS string) so the hex copy can be wiped after use.
  const literal = rawKeyLiteral(key);
  try {
    db.key(literal);
  } finally {
    literal.fill(0);
  }
}

/** The key in SQLCipher's raw-key syntax, in a Buffer the caller wipes (also used to rekey). */
export function rawKeyLiteral(key: Buffer): Buffer {
  const hex = '0123456789abcdef';
  const out = Buffer.alloc(3 + KEY_BYTES * 2);
  out[0] = 0x78; // x
  out[1] = 0x27; // '
  for (let i = 0; i < KEY_BYTES; i++) {
    const byte = key[i]!;
    out[2 + i * 2] = hex.charCodeAt(byte >> 4);
    out[3 + i * 2] = hex.charCodeAt(byte & 15);
  }
  out[out.length - 1] = 0x27;
  return out;
}

/**
 * Opens an encrypted vault file: key → read the schema → size check → version check → durability
 * pragmas, each asserted. With `create: false` a missing or empty file is damage, never a reason
 * to start a new vault. The key must already be known good (the keyfile authenticated it), so a
 * read failure here means the file is damaged, not that the passphrase is wrong.
 *
 * Opening reads only the pages it needs, so it takes the same few milliseconds at any size. It
 * does not prove every page whole: the cipher authenticates each page whenever it is read (a
 * damaged page is an error, never altered data), and the full check runs in the background after
 * unlock (integrity check in service.ts), leading to salvage if it fails.
 */
export function openVaultDatabase(file: string, key: Buffer, options: { create: boolean; maxVersion: number }): VaultDatabase {
  if (!options.create && !isNonEmptyFile(file)) throw new DomainError('VAULT_DAMAGED', 'vault.damaged', DAMAGED_MESSAGE);
  let db: VaultDatabase;
  try {
    db = new Database(file, { fileMustExist: !options.create });
  } catch (error) {
    throw asVaultDamage(error);
  }
  try {
    applyKey(db, key);
    // Temp tables and sort spills stay in memory: SQLite3MC does not encrypt temp files.
    db.pragma('temp_store = MEMORY');
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    if (!options.create) assertNotTruncated(db, file);
    else if ((db.pragma('page_count', { simple: true }) as number) === 0) db.pragma(`page_size = ${NEW_VAULT_PAGE_SIZE}`);
    // Checked before the first write (switching to WAL writes the header): a vault from a newer
    // version of the app is refused untouched.
    if ((db.pragma('user_version', { simple: true }) as number) > options.maxVersion) {
      throw new DomainError('VAULT_TOO_NEW', 'vault.tooNew', TOO_NEW_MESSAGE);
    }
    configureDurability(db);
    return db;
  } catch (error) {
    db.close();
    throw asVaultDamage(error);
  }
}

/**
 * A file cut short (a copy interrupted, a full disk) is caught at once without reading it: the
 * header, which the cipher has just authenticated, says how many pages there should be. Pages
 * not yet checkpointed may live only in the WAL, so those are allowed for.
 */
function assertNotTruncated(db: VaultDatabase, file: string): void {
  const pages = db.pragma('page_count', { simple: true }) as number;
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  // A WAL frame is a 24-byte header plus one page, after a 32-byte file header.
  const walFrames = Math.max(0, Math.floor((fileSize(`${file}-wal`) - 32) / (pageSize + 24)));
  if (Math.floor(fileSize(file) / pageSize) + walFrames < pages) throw new DomainError('VAULT_DAMAGED', 'vault.damaged', DAMAGED_MESSAGE);
}

function fileSize(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

/**
 * WAL + synchronous=FULL: an acknowledged commit survives power loss (this build's default for WAL
 * is NORMAL, which may lose the last commits). secure_delete overwrites deleted content.
 */
function configureDurability(db: VaultDatabase): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('secure_delete = ON');
  const actual = {
    journal: db.pragma('journal_mode', { simple: true }),
    synchronous: db.pragma('synchronous', { simple: true }),
    foreignKeys: db.pragma('foreign_keys', { simple: true }),
    secureDelete: db.pragma('secure_delete', { simple: true }),
    tempStore: db.pragma('temp_store', { simple: true }),
  };
  if (actual.journal !== 'wal' || actual.synchronous !== 2 || actual.foreignKeys !== 1 || actual.secureDelete !== 1 || actual.tempStore !== 2) {
    throw new Error('The vault database did not accept its safety settings.');
  }
}

function isNonEmptyFile(file: string): boolean {
  return fileSize(file) > 0;
}

/** SQLite's words for a damaged or unreadable file, as the sentence the user sees; others unchanged. */
export function asVaultDamage(error: unknown): unknown {
  if (error instanceof DomainError) return error;
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string') return error;
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_IOERR_SHORT_READ') {
    return new DomainError('VAULT_DAMAGED', 'vault.damaged', DAMAGED_MESSAGE);
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new DomainError('UNAVAILABLE', 'vault.openElsewhere', 'This vault is open in another copy of the app. Close it there and try again.');
  }
  return error;
}
