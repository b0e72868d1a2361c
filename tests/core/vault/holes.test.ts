import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deriveSealingKey, open, sealWithKey } from '../../../electron/core/exchange/container';
import { readChecklist } from '../../../electron/core/home/checklist';
import { DEFAULT_SCRYPT } from '../../../electron/core/vault/kdf';
import { readKeyfile } from '../../../electron/core/vault/keyfile';
import { vaultPaths, vaultsRoot } from '../../../electron/core/vault/layout';
import { DEFAULT_SETTINGS } from '../../../electron/core/vault/settings';
import { TEST_KDF, testCore } from '../../helpers/core';
import { addNote, createVault, filesUnder, harness, PASSPHRASE } from './helpers';

describe('small holes in the vault', () => {
  it('refuses a keyfile whose GCM tag was cut short, although GCM itself would accept it', async () => {
    const h = harness();
    const id = await createVault(h);
    h.service.lock('user');
    const file = vaultPaths(h.dataDir, id).keyfile;
    const keyfile = JSON.parse(fs.readFileSync(file, 'utf8'));
    // A 12-byte prefix of a real tag still authenticates in Node's GCM: the attack a short tag allows.
    keyfile.tag = Buffer.from(keyfile.tag, 'base64').subarray(0, 12).toString('base64');
    fs.writeFileSync(file, JSON.stringify(keyfile));
    expect(readKeyfile(file)).toBeNull();
    await expect(h.service.unlock(id, PASSPHRASE)).rejects.toMatchObject({ code: 'VAULT_DAMAGED' });
  });

  it('falls back to the defaults for settings out of range, as a restored backup may carry them', async () => {
    const h = harness();
    const id = await createVault(h);
    const put = (key: string, value: string) =>
      h.service.database().prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
    put('vault.idleMinutes', '0');
    put('vault.backupCount', '1000000000');
    put('vault.backupIntervalHours', '"not a number"');
    put('home.getStarted', '{not json');
    h.service.lock('user');
    await h.service.settled();
    await h.service.unlock(id, PASSPHRASE);
    expect(h.service.getSettings()).toEqual(DEFAULT_SETTINGS);
    expect(readChecklist(h.service.database())).toEqual([]);
    for (const hostile of ['-5', '1.5', '241', '1e9', 'null']) {
      put('vault.idleMinutes', hostile);
      h.service.lock('user');
      await h.service.settled();
      await h.service.unlock(id, PASSPHRASE);
      expect(h.service.getSettings().idleMinutes, hostile).toBe(DEFAULT_SETTINGS.idleMinutes);
    }
  });

  it.skipIf(process.platform === 'win32')('gives every file in a vault folder mode 0600 and every folder 0700', async () => {
    const previous = process.umask(0o022);
    try {
      const h = harness();
      const id = await createVault(h);
      addNote(h, 'a note');
      await h.service.createBackup();
      h.service.lock('user');
      await h.service.settled();
      await h.service.unlock(id, PASSPHRASE);
      addNote(h, 'another, in the WAL');
      const dir = vaultPaths(h.dataDir, id).dir;
      const files = filesUnder(dir);
      expect(files).toEqual(expect.arrayContaining([`${vaultPaths(h.dataDir, id).db}-wal`]));
      for (const file of files) expect((fs.statSync(file).mode & 0o777).toString(8), file).toBe('600');
      const folders = [dir, ...new Set(files.map((file) => path.dirname(file)))];
      for (const folder of folders) expect((fs.statSync(folder).mode & 0o777).toString(8), folder).toBe('700');
    } finally {
      process.umask(previous);
    }
  });

  it('erases the hidden folders a crash left while creating or restoring a vault, at the next start', async () => {
    const h = harness();
    const id = await createVault(h);
    h.service.lock('user');
    const root = vaultsRoot(h.dataDir);
    const leftovers = [`.creating-${crypto.randomUUID()}`, `.restoring-${crypto.randomUUID()}`];
    for (const name of leftovers) {
      fs.mkdirSync(path.join(root, name, 'backups'), { recursive: true });
      fs.writeFileSync(path.join(root, name, 'keyfile.json'), '{"wrapped":"key"}');
      fs.writeFileSync(path.join(root, name, 'vault.db'), crypto.randomBytes(8192));
    }
    const keyfileFd = fs.openSync(path.join(root, leftovers[0]!, 'keyfile.json'), 'r');
    // Not a staging folder: left alone.
    fs.mkdirSync(path.join(root, '.something-else'));

    const restarted = harness({ dataDir: h.dataDir });
    expect(fs.readdirSync(root).sort()).toEqual(['.something-else', id].sort());
    // Overwritten before it was removed, like an erased vault.
    const leftover = Buffer.alloc(17);
    fs.readSync(keyfileFd, leftover, 0, 17, 0);
    fs.closeSync(keyfileFd);
    expect(leftover.toString('utf8')).not.toBe('{"wrapped":"key"}');
    await restarted.service.unlock(id, PASSPHRASE);
  });
});

describe('encrypted files from outside', () => {
  const craft = (params: { N: number; r: number; p: number }) =>
    sealWithKey('bundle', Buffer.from('not even a zip'), { key: crypto.randomBytes(32), salt: crypto.randomBytes(16), params });

  it.each([
    ['twice the memory', { N: DEFAULT_SCRYPT.N * 2, r: 8, p: 1 }],
    ['a larger block size', { N: DEFAULT_SCRYPT.N, r: 16, p: 1 }],
    ['more parallel passes', { N: DEFAULT_SCRYPT.N, r: 8, p: 2 }],
    ['a gigabyte', { N: 2 ** 20, r: 8, p: 1 }],
  ])('refuses a header asking for a KDF cost above what the app writes (%s) before deriving any key', async (_label, params) => {
    const started = performance.now();
    await expect(open('bundle', craft(params), 'any passphrase at all', Infinity)).rejects.toMatchObject({
      code: 'BAD_FILE',
      message: expect.stringMatching(/key settings outside the safe range/),
    });
    // scrypt at these costs takes seconds and hundreds of megabytes; refusing takes next to no time.
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('refuses the same crafted header through the API', async () => {
    const t = testCore();
    const data = craft({ N: 2 ** 20, r: 8, p: 1 }).toString('base64');
    expect(await t.raw('exchange.bundle.preview', { data, passphrase: 'any passphrase at all' })).toMatchObject({ ok: false, error: { code: 'BAD_FILE' } });
    await t.core.close();
  });

  it('opens one file at a time: a second preview while one is decrypting is refused, not piled up', async () => {
    const sealing = await deriveSealingKey('coalition shared passphrase', TEST_KDF);
    const file = sealWithKey('bundle', Buffer.from('plaintext'), sealing);
    const results = await Promise.allSettled([
      open('bundle', file, 'coalition shared passphrase', Infinity),
      open('bundle', file, 'coalition shared passphrase', Infinity),
    ]);
    expect(results[0]).toMatchObject({ status: 'fulfilled' });
    expect(results[1]).toMatchObject({ status: 'rejected', reason: { code: 'UNAVAILABLE' } });
    // Once the first is done, the next is accepted.
    expect((await open('bundle', file, 'coalition shared passphrase', Infinity)).toString()).toBe('plaintext');
  });
});
