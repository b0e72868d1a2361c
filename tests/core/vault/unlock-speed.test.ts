import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { vaultPaths } from '../../../electron/core/vault/layout';
import { latestVersion, migrations } from '../../../electron/core/vault/migrations';
import { NEW_VAULT_PAGE_SIZE, openVaultDatabase } from '../../../electron/core/vault/open';
import { createVault, harness, openWithKey, PASSPHRASE, vaultKey } from './helpers';

/** Bytes this process has read through read()/pread() so far, cached or not (Linux). */
const bytesRead = (): number => Number(/rchar: (\d+)/.exec(fs.readFileSync('/proc/self/io', 'utf8'))![1]);

async function largeLockedVault() {
  const h = harness();
  const id = await createVault(h);
  const db = h.service.database();
  db.exec('CREATE TABLE filler (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO filler (body) VALUES (?)');
  const body = 'Ghi chú cuộc họp với nền tảng về việc gỡ bỏ nội dung. '.repeat(40);
  db.transaction(() => {
    for (let i = 0; i < 8000; i++) insert.run(`${i} ${body}`);
  })();
  h.service.lock('user');
  await h.service.settled();
  const file = vaultPaths(h.dataDir, id).db;
  const key = await vaultKey(h.dataDir, id);
  const fold = openWithKey(file, key);
  fold.pragma('wal_checkpoint(TRUNCATE)');
  fold.close();
  return { h, id, file, key };
}

describe('unlock', () => {
  it('reads a few pages of the vault file, not the whole file', async () => {
    const { file, key } = await largeLockedVault();
    const size = fs.statSync(file).size;
    expect(size).toBeGreaterThan(15_000_000);
    const before = bytesRead();
    const db = openVaultDatabase(file, key, { create: false, maxVersion: latestVersion(migrations) });
    const read = bytesRead() - before;
    db.close();
    // The header, the schema's pages and the WAL index: a few 16 KB pages of a 15 MB file.
    expect(read).toBeLessThan(8 * NEW_VAULT_PAGE_SIZE);
  });

  it('answers before the background check has read the file, which then reports it whole', async () => {
    const { h, id } = await largeLockedVault();
    const status = await h.service.unlock(id, PASSPHRASE);
    expect(status.check).toMatchObject({ state: 'running' });
    await h.service.settled();
    expect(h.service.status().check).toMatchObject({ state: 'ok' });
    h.service.lock('panic');
  });

  it('locks at once while a large backup is written, and the backup completes afterwards', async () => {
    const { h, id } = await largeLockedVault();
    await h.service.unlock(id, PASSPHRASE);
    await h.service.settled();
    h.service.database().prepare('INSERT INTO filler (body) VALUES (?)').run('one more');
    const started = performance.now();
    h.service.lock('user');
    const lockMs = performance.now() - started;
    const backupStarted = performance.now();
    await h.service.settled();
    const backupMs = performance.now() - backupStarted;
    expect(lockMs).toBeLessThan(50);
    expect(backupMs).toBeGreaterThan(lockMs);
    expect(h.service.listBackups(id).map((b) => b.kind)).toContain('lock');
  });
});
