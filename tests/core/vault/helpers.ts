import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import type { PushEvent } from '@shared/api/events';
import { EventBus } from '../../../electron/core/events';
import { passphraseBytes } from '../../../electron/core/vault/kdf';
import { readKeyfile, unwrapVaultKey } from '../../../electron/core/vault/keyfile';
import { vaultPaths } from '../../../electron/core/vault/layout';
import { applyKey } from '../../../electron/core/vault/open';
import { VaultService, type VaultServiceOptions } from '../../../electron/core/vault/service';
import { tempDir } from '../../helpers/temp';
import { WEAK_KDF } from './kdf-params';

export { WEAK_KDF };
export const PASSPHRASE = 'correct horse battery staple';

export interface Harness {
  dataDir: string;
  service: VaultService;
  events: PushEvent[];
  clock: { now: number };
}

/** A vault service over a fresh temp data folder, with a controllable clock and recorded events. */
export function harness(options: Partial<VaultServiceOptions> & { dataDir?: string } = {}): Harness {
  const dataDir = options.dataDir ?? tempDir('vault-test-');
  const bus = new EventBus();
  const events: PushEvent[] = [];
  bus.on((event) => events.push(event));
  const clock = { now: Date.parse('2025-01-01T09:00:00Z') };
  const service = new VaultService({ kdf: WEAK_KDF, now: () => clock.now, ...options, dataDir, events: bus });
  return { dataDir, service, events, clock };
}

export async function createVault(h: Harness, name = 'Notes'): Promise<string> {
  const status = await h.service.create(name, PASSPHRASE);
  return status.vault!.id;
}

/** The raw vault key, unwrapped the way the app does, for opening files directly in tests. */
export async function vaultKey(dataDir: string, vaultId: string, passphrase = PASSPHRASE): Promise<Buffer> {
  const keyfile = readKeyfile(vaultPaths(dataDir, vaultId).keyfile);
  const key = keyfile && (await unwrapVaultKey(keyfile, passphraseBytes(passphrase), vaultId));
  if (!key) throw new Error('could not unwrap the test vault key');
  return key;
}

/** Opens an encrypted file with a key, outside the service. */
export function openWithKey(file: string, key: Buffer): Database.Database {
  const db = new Database(file, { fileMustExist: true });
  applyKey(db, key);
  return db;
}

/** An encrypted vault file decrypted into a plain copy (every page, free ones too), as bytes. */
export function decryptedCopy(file: string, key: Buffer): Buffer {
  const copy = path.join(tempDir(), 'copy.db');
  fs.copyFileSync(file, copy);
  const db = openWithKey(copy, key);
  db.pragma('journal_mode = DELETE');
  db.pragma("rekey = ''");
  db.close();
  return fs.readFileSync(copy);
}

export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(full));
    else out.push(full);
  }
  return out;
}

export const addNote = (h: Harness, text: string): void => {
  const db = h.service.database();
  db.exec('CREATE TABLE IF NOT EXISTS test_notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  db.prepare('INSERT INTO test_notes (body) VALUES (?)').run(text);
};

export const notes = (h: Harness): string[] =>
  (h.service.database().prepare('SELECT body FROM test_notes ORDER BY id').pluck().all() as string[]);
