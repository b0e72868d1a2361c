import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runVaultTask } from '../../../electron/core/vault/background';
import { vaultPaths } from '../../../electron/core/vault/layout';
import { addNote, createVault, filesUnder, harness, notes, openWithKey, PASSPHRASE, vaultKey } from './helpers';

const HOUR = 3_600_000;
const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('backups', () => {
  it('backs up on unlock when the newest daily backup is older than the interval, and keeps only the chosen count', async () => {
    const h = harness();
    const id = await createVault(h);
    await h.service.settled();
    h.service.setSettings({ backupCount: 2, backupIntervalHours: 6 });
    expect(h.service.listBackups().map((b) => b.kind)).toEqual(['auto']);
    h.service.lock('user');
    await h.service.settled();
    const daily = () => h.service.listBackups(id).filter((b) => b.kind === 'auto');

    h.clock.now += 5 * HOUR;
    await h.service.unlock(id, PASSPHRASE);
    await h.service.settled();
    expect(daily()).toHaveLength(1);
    h.service.lock('user');

    for (let i = 0; i < 3; i++) {
      h.clock.now += 6 * HOUR;
      await h.service.unlock(id, PASSPHRASE);
      await h.service.settled();
      h.service.lock('user');
    }
    expect(daily()).toHaveLength(2);
    expect(daily()[0]!.createdAt).toBe(new Date(h.clock.now).toISOString());
  });

  it('writes backups that are encrypted with the vault key and hold the data', async () => {
    const h = harness();
    const id = await createVault(h);
    addNote(h, 'Backup marker 7f3a');
    const backup = await h.service.createBackup();
    expect(backup.kind).toBe('manual');
    const file = path.join(vaultPaths(h.dataDir, id).backups, `${backup.id}.db`);
    expect(fs.readFileSync(file).includes(Buffer.from('Backup marker 7f3a'))).toBe(false);
    expect(fs.readFileSync(file).subarray(0, 16).toString('latin1')).not.toContain('SQLite format');

    const db = openWithKey(file, await vaultKey(h.dataDir, id));
    expect(db.prepare('SELECT body FROM test_notes').pluck().all()).toEqual(['Backup marker 7f3a']);
    db.close();
    const wrong = openWithKey(file, crypto.randomBytes(32));
    expect(() => wrong.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow();
    wrong.close();
  });

  it('ignores and clears a backup a crash left unfinished', async () => {
    const h = harness();
    const id = await createVault(h);
    await h.service.settled();
    h.service.lock('user');
    await h.service.settled();
    const unfinished = path.join(vaultPaths(h.dataDir, id).backups, '20250101T000000000Z-auto.db.tmp');
    fs.writeFileSync(unfinished, 'partial');
    expect(h.service.listBackups(id).every((b) => b.id !== '20250101T000000000Z-auto')).toBe(true);
    await h.service.unlock(id, PASSPHRASE);
    expect(fs.existsSync(unfinished)).toBe(false);
  });

  it('restores only with confirmation and keeps the replaced file aside', async () => {
    const h = harness();
    const id = await createVault(h);
    addNote(h, 'before backup');
    const backup = await h.service.createBackup();
    addNote(h, 'after backup');

    await expect(h.service.restoreBackup({ backupId: backup.id, confirm: false })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(notes(h)).toEqual(['before backup', 'after backup']);

    const status = await h.service.restoreBackup({ backupId: backup.id, confirm: true });
    expect(status.state).toBe('unlocked');
    expect(notes(h)).toEqual(['before backup']);

    const replaced = filesUnder(vaultPaths(h.dataDir, id).replaced).filter((f) => f.endsWith('.db'));
    expect(replaced).toHaveLength(1);
    h.service.lock('user');
    // The replaced database plus its WAL still hold the newer note.
    const aside = openWithKey(replaced[0]!, await vaultKey(h.dataDir, id));
    expect(aside.prepare('SELECT body FROM test_notes ORDER BY id').pluck().all()).toEqual(['before backup', 'after backup']);
    aside.close();
  });

  it('refuses an unknown backup id', async () => {
    const h = harness();
    await createVault(h);
    await expect(h.service.restoreBackup({ backupId: '20990101T000000000Z-manual', confirm: true })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('a damaged vault', () => {
  async function lockedVaultWithBackup() {
    const h = harness();
    const id = await createVault(h);
    for (let i = 0; i < 200; i++) addNote(h, `entry ${i} `.repeat(20));
    const backup = await h.service.createBackup();
    addNote(h, 'after the backup');
    h.service.lock('panic');
    await h.service.settled();
    // A background reader may have kept the last writes in the WAL; fold them into the file, as
    // the next close would, so the damage below lands on the pages the vault really uses.
    const fold = openWithKey(vaultPaths(h.dataDir, id).db, await vaultKey(h.dataDir, id));
    fold.pragma('wal_checkpoint(TRUNCATE)');
    fold.close();
    return { h, id, backup, file: vaultPaths(h.dataDir, id).db };
  }

  const damages: Array<[string, (file: string) => void]> = [
    ['truncated to half', (file) => fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2))],
    ['truncated to a few bytes', (file) => fs.truncateSync(file, 100)],
    ['emptied', (file) => fs.truncateSync(file, 0)],
    [
      'with flipped bytes',
      (file) => {
        const bytes = fs.readFileSync(file);
        for (const at of [5000, 20_000, bytes.length - 3000]) bytes[at] = bytes[at]! ^ 0xff;
        fs.writeFileSync(file, bytes);
      },
    ],
    ['with a flipped byte in the first page', (file) => {
      const bytes = fs.readFileSync(file);
      bytes[200] = bytes[200]! ^ 0x01;
      fs.writeFileSync(file, bytes);
    }],
  ];

  it.each(damages)('a vault file %s is reported (at unlock or by the background check), kept untouched, and restorable from a backup', async (_label, damage) => {
    const { h, id, backup, file } = await lockedVaultWithBackup();
    damage(file);
    const damagedHash = sha256(file);

    // Unlock reads only the pages it needs: damage elsewhere is found by the background check.
    const unlocked = await h.service.unlock(id, PASSPHRASE).catch((error: unknown) => error);
    if (unlocked instanceof Error) {
      expect(unlocked).toMatchObject({ code: 'VAULT_DAMAGED', message: expect.stringContaining('compare it with your backups') });
    } else {
      await h.service.settled();
      expect(h.service.status().check).toMatchObject({ state: 'failed', message: expect.stringContaining('Salvage'), key: 'errors:vault.checkFailed' });
      h.service.lock('panic');
    }
    expect(sha256(file)).toBe(damagedHash);
    expect(h.service.status().state).toBe('locked');

    // The unlock screen can offer the backups of the locked vault.
    expect(h.service.listBackups(id).map((b) => b.id)).toContain(backup.id);
    await expect(h.service.restoreBackup({ backupId: backup.id, confirm: true, vaultId: id, passphrase: 'wrong passphrase' })).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
    expect(sha256(file)).toBe(damagedHash);

    await h.service.restoreBackup({ backupId: backup.id, confirm: true, vaultId: id, passphrase: PASSPHRASE });
    expect(notes(h)).toHaveLength(200);
    const aside = filesUnder(vaultPaths(h.dataDir, id).replaced).filter((f) => f.endsWith('.db'));
    expect(aside.map(sha256)).toEqual([damagedHash]);
  });

  it('is reported when the database file is missing, and no new empty vault is created', async () => {
    const { h, id, file } = await lockedVaultWithBackup();
    fs.rmSync(file);
    await expect(h.service.unlock(id, PASSPHRASE)).rejects.toMatchObject({ code: 'VAULT_DAMAGED' });
    expect(fs.existsSync(file)).toBe(false);
  });
});

describe('when the automatic backup cannot be written', () => {
  it('still unlocks, and tells the user instead of failing silently', async () => {
    const h = harness();
    const id = await createVault(h);
    h.service.lock('user');
    const { backups } = vaultPaths(h.dataDir, id);
    fs.rmSync(backups, { recursive: true, force: true });
    fs.writeFileSync(backups, 'not a folder'); // stands in for a full or broken disk
    h.clock.now += 48 * 3_600_000;
    const warned = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const status = await h.service.unlock(id, PASSPHRASE);
    expect(status.state).toBe('unlocked');
    // The copy runs in the background; its failure reaches the status (and the renderer) after.
    await h.service.settled();
    // The log names the error's code, never the path (the account's name, the vault's id).
    expect(warned.mock.calls.map((call) => String(call[0]))).toEqual(['[vault] auto backup failed (EEXIST)']);
    warned.mockRestore();
    expect(h.service.status().warning).toMatch(/automatic backup could not be written/);
    expect(h.service.status().warningKey).toBe('errors:vault.backupFailed');
    expect(h.events.some((event) => event.name === 'vault.status')).toBe(true);
  });
  it("fails a worker's copy with SQLite's code as the error's code and message, so the log names the code and no path", async () => {
    const h = harness();
    const id = await createVault(h);
    await h.service.settled();
    const key = await vaultKey(h.dataDir, id);
    // A file that is not there: the worker cannot open it, and says only why.
    const missing = path.join(h.dataDir, 'no-such-vault.db');
    const task = runVaultTask(missing, key, { kind: 'backup', target: path.join(h.dataDir, 'copy.db') });
    const failure = await task.done.then(() => null, (error: NodeJS.ErrnoException) => error);
    expect(failure).toMatchObject({ code: 'SQLITE_CANTOPEN', message: 'SQLITE_CANTOPEN' });
    expect(failure!.message).not.toContain(h.dataDir);
    h.service.lock('user');
  });
});
