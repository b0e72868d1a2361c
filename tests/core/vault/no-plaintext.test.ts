import crypto from 'node:crypto';
import fs from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { vaultPaths } from '../../../electron/core/vault/layout';
import { addNote, createVault, filesUnder, harness, openWithKey, PASSPHRASE } from './helpers';

const MARKER = 'Confidential source Nguyễn Thị Hoa met ACME trust and safety';

/** The marker as it could appear on disk: UTF-8 (SQLite's default) and both UTF-16 byte orders. */
function encodings(text: string): Buffer[] {
  const le = Buffer.from(text, 'utf16le');
  return [Buffer.from(text, 'utf8'), le, Buffer.from(le).swap16()];
}

function filesContaining(dir: string, text: string): string[] {
  return filesUnder(dir).filter((file) => {
    const bytes = fs.readFileSync(file);
    return encodings(text).some((needle) => bytes.includes(needle));
  });
}

describe('nothing readable on disk', () => {
  it('leaves no plaintext record content or passphrase in any file, unlocked or locked', async () => {
    const h = harness();
    const id = await createVault(h);
    for (let i = 0; i < 50; i++) addNote(h, `${MARKER} #${i}`);
    await h.service.createBackup();
    h.service.setSettings({ idleMinutes: 7 });
    // While unlocked the WAL and shared-memory files exist and hold the latest writes.
    expect(fs.existsSync(`${vaultPaths(h.dataDir, id).db}-wal`)).toBe(true);
    expect(filesContaining(h.dataDir, MARKER)).toEqual([]);

    h.service.lock('user');
    // The backup at lock, written by a worker thread, is scanned too.
    await h.service.settled();
    const files = filesUnder(h.dataDir);
    expect(files.some((f) => /-lock\.db$/.test(f))).toBe(true);
    expect(files.some((f) => f.endsWith('keyfile.json'))).toBe(true);
    expect(files.some((f) => f.includes('/backups/'))).toBe(true);
    expect(filesContaining(h.dataDir, MARKER)).toEqual([]);
    expect(filesContaining(h.dataDir, PASSPHRASE)).toEqual([]);
    // The vault name is the only readable label, by design.
    expect(filesContaining(h.dataDir, 'Notes').map((f) => f.split('/').at(-1))).toEqual(['vault.json']);
  });

  it('does not open with a wrong key or without a key', async () => {
    const h = harness();
    const id = await createVault(h);
    addNote(h, MARKER);
    h.service.lock('user');
    const file = vaultPaths(h.dataDir, id).db;

    const wrong = openWithKey(file, crypto.randomBytes(32));
    expect(() => wrong.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow(/not a database/);
    wrong.close();

    const plain = new Database(file, { fileMustExist: true });
    expect(() => plain.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow(/not a database/);
    plain.close();
  });
});
