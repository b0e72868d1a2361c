import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { vaultPaths } from '../../../electron/core/vault/layout';
import { CHANGES_FOR_BACKUP, MINUTES_FOR_BACKUP, periodicBackupDue } from '../../../electron/core/vault/backup-schedule';
import { TEST_PASSPHRASE, unlockedCore, type TestCore } from '../../helpers/core';
import { addNote, createVault, harness, openWithKey, PASSPHRASE, vaultKey } from './helpers';

const MINUTE = 60_000;
let t: TestCore | undefined;
afterEach(async () => {
  await t?.core.close();
  t = undefined;
});

describe('when an open vault backs up on its own', () => {
  it('waits for changes, then for enough of them or enough time, never twice within two minutes', () => {
    expect(periodicBackupDue({ changes: 0, sinceLastMs: 10 * 60 * MINUTE })).toBe(false);
    expect(periodicBackupDue({ changes: 3, sinceLastMs: (MINUTES_FOR_BACKUP - 1) * MINUTE })).toBe(false);
    expect(periodicBackupDue({ changes: 3, sinceLastMs: MINUTES_FOR_BACKUP * MINUTE })).toBe(true);
    expect(periodicBackupDue({ changes: CHANGES_FOR_BACKUP, sinceLastMs: 3 * MINUTE })).toBe(true);
    expect(periodicBackupDue({ changes: CHANGES_FOR_BACKUP * 10, sinceLastMs: MINUTE })).toBe(false);
  });

  it('backs up while open after minutes with changes', async () => {
    const h = harness({ backupCheckMs: 20 });
    await createVault(h);
    await h.service.settled();
    addNote(h, 'typed this morning');
    h.clock.now += MINUTES_FOR_BACKUP * MINUTE;
    await new Promise((resolve) => setTimeout(resolve, 200));
    await h.service.settled();
    expect(h.service.listBackups().map((b) => b.kind)).toContain('periodic');
    h.service.lock('panic');
  });
});

describe('backups at lock', () => {
  it('backs up at lock when something changed, not when nothing did, and not after panic', async () => {
    const h = harness();
    const id = await createVault(h);
    await h.service.settled();
    const kinds = () => h.service.listBackups(id).map((b) => b.kind);
    expect(kinds()).toEqual(['auto']);

    h.service.lock('user');
    await h.service.settled();
    expect(kinds()).toEqual(['auto']);

    await h.service.unlock(id, PASSPHRASE);
    addNote(h, 'a new entry');
    h.service.lock('idle');
    await h.service.settled();
    expect(kinds()).toEqual(['lock', 'auto']);

    h.clock.now += 1000;
    await h.service.unlock(id, PASSPHRASE);
    addNote(h, 'written just before panic');
    h.service.lock('panic');
    await h.service.settled();
    expect(kinds()).toEqual(['lock', 'auto']);
  });

  it('rotates lock copies among themselves, so they never push out the daily or manual copies', async () => {
    const h = harness();
    const id = await createVault(h);
    await h.service.settled();
    h.service.setSettings({ backupCount: 2 });
    await h.service.createBackup();
    for (let i = 0; i < 4; i++) {
      addNote(h, `entry ${i}`);
      h.service.lock('user');
      await h.service.settled();
      h.clock.now += 1000;
      await h.service.unlock(id, PASSPHRASE);
    }
    await h.service.settled();
    const kinds = h.service.listBackups(id).map((b) => b.kind);
    expect(kinds.filter((k) => k === 'lock')).toHaveLength(2);
    expect(kinds).toContain('auto');
    expect(kinds).toContain('manual');
    h.service.lock('panic');
  });

  it('backs up at quit, and the app waits for the copy before it exits', async () => {
    t = await unlockedCore();
    const { vault } = await t.call('vault.status', null);
    await t.call('companies.save', { name: 'Example Platform', sector: 'social-media', hqCountry: 'US', policies: '', contacts: [] });
    const { core, dataDir } = t;
    t = undefined;
    await core.close();
    // Complete and renamed into place by the time close() resolves: nothing unfinished is left.
    const names = fs.readdirSync(vaultPaths(dataDir, vault!.id).backups);
    expect(names.filter((name) => name.endsWith('-quit.db'))).toHaveLength(1);
    expect(names.some((name) => name.endsWith('.tmp'))).toBe(false);
    const key = await vaultKey(dataDir, vault!.id, TEST_PASSPHRASE);
    const copy = openWithKey(`${vaultPaths(dataDir, vault!.id).backups}/${names.find((name) => name.endsWith('-quit.db'))!}`, key);
    expect(copy.prepare('SELECT name FROM companies').pluck().all()).toEqual(['Example Platform']);
    copy.close();
  });
});

describe('a vault the background check found damaged', () => {
  it('makes no backup of it at lock, so no copy of the damage pushes a good one out', async () => {
    const h = harness();
    const id = await createVault(h);
    await h.service.settled();
    const db = h.service.database();
    db.exec('CREATE TABLE filler (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
    const insert = db.prepare('INSERT INTO filler (body) VALUES (?)');
    db.transaction(() => {
      for (let i = 0; i < 400; i++) insert.run(`entry ${i} `.repeat(60));
    })();
    h.service.lock('panic');
    await h.service.settled();
    const file = vaultPaths(h.dataDir, id).db;
    const raw = openWithKey(file, await vaultKey(h.dataDir, id));
    raw.pragma('wal_checkpoint(TRUNCATE)');
    const leaves = raw.prepare("SELECT pageno FROM dbstat WHERE name = 'filler' AND pagetype = 'leaf' ORDER BY pageno").pluck().all() as number[];
    const pageSize = raw.pragma('page_size', { simple: true }) as number;
    raw.close();
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(64, 0xa5), 0, 64, (leaves[Math.floor(leaves.length / 2)]! - 1) * pageSize + 100);
    fs.closeSync(fd);

    await h.service.unlock(id, PASSPHRASE);
    await h.service.settled();
    expect(h.service.status().check?.state).toBe('failed');
    addNote(h, 'written after the damage was found');
    h.service.lock('user');
    await h.service.settled();
    expect(h.service.listBackups(id).map((b) => b.kind)).toEqual(['auto']);
  });
});
