import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contract } from '@shared/api/contract';
import { createDispatcher, type Handlers } from '../../../electron/core/rpc/dispatch';
import { retryDelaySeconds } from '../../../electron/core/vault/attempts';
import { vaultHandlers } from '../../../electron/core/vault/handlers';
import { DEFAULT_SCRYPT } from '../../../electron/core/vault/kdf';
import { vaultPaths } from '../../../electron/core/vault/layout';
import { addNote, createVault, harness, notes, PASSPHRASE } from './helpers';

describe('creating and unlocking a vault', () => {
  it('creates a vault that opens with its passphrase and lists it by name without unlocking', async () => {
    const h = harness();
    const id = await createVault(h, 'Blue notebook');
    expect(h.service.status()).toMatchObject({ state: 'unlocked', vault: { id, name: 'Blue notebook' }, idleMinutes: 10 });
    addNote(h, 'met the policy team');
    h.service.lock('user');
    expect(h.events).toEqual([{ name: 'vault.unlocked', payload: {} }, { name: 'vault.locked', payload: { reason: 'user' } }]);

    const fresh = harness({ dataDir: h.dataDir });
    expect(fresh.service.list()).toEqual([{ id, name: 'Blue notebook', createdAt: expect.any(String) }]);
    await fresh.service.unlock(id, PASSPHRASE);
    expect(notes(fresh)).toEqual(['met the policy team']);
  });

  it('keeps several vaults apart', async () => {
    const h = harness();
    const first = await createVault(h, 'One');
    h.service.lock('user');
    h.clock.now += 1000;
    const second = await createVault(h, 'Two');
    h.service.lock('user');
    expect(h.service.list().map((v) => v.id)).toEqual([first, second]);
    expect(fs.readdirSync(`${h.dataDir}/vaults`).sort()).toEqual([first, second].sort());
  });

  it('refuses a wrong passphrase with a plain sentence and changes nothing', async () => {
    const h = harness();
    const id = await createVault(h);
    h.service.lock('user');
    // The keyfile gains the failure count; the wrapped key in it is unchanged.
    const wrappedKey = () => {
      const { attempts: _count, ...key } = JSON.parse(fs.readFileSync(vaultPaths(h.dataDir, id).keyfile, 'utf8'));
      return key;
    };
    const keyBefore = wrappedKey();
    await expect(h.service.unlock(id, 'not the passphrase')).rejects.toMatchObject({
      code: 'WRONG_PASSPHRASE',
      message: 'Wrong passphrase. Nothing was changed.',
    });
    expect(h.service.status().state).toBe('locked');
    expect(wrappedKey()).toEqual(keyBefore);
  });

  it('makes the user wait longer after repeated failures, even after a restart', async () => {
    const h = harness();
    const id = await createVault(h);
    h.service.lock('user');
    for (let i = 0; i < 3; i++) await expect(h.service.unlock(id, 'wrong passphrase')).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });

    // A restarted app reads the same failure count.
    const restarted = harness({ dataDir: h.dataDir });
    restarted.clock.now = h.clock.now;
    await expect(restarted.service.unlock(id, PASSPHRASE)).rejects.toMatchObject({ code: 'RATE_LIMITED', extra: { retryAfter: 5 } });
    restarted.clock.now += 5_000;
    await expect(restarted.service.unlock(id, 'wrong again')).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE', extra: { retryAfter: 10 } });
    restarted.clock.now += 10_000;
    await restarted.service.unlock(id, PASSPHRASE);
    restarted.service.lock('user');
    // Success clears the count.
    await expect(restarted.service.unlock(id, 'wrong passphrase')).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE', extra: {} });
  });

  it('grows the delay from 5 seconds to at most 15 minutes', () => {
    expect([0, 1, 2, 3, 4, 5, 12, 40].map(retryDelaySeconds)).toEqual([0, 0, 0, 5, 10, 20, 900, 900]);
  });

  it('opens with the real scrypt parameters', async () => {
    const h = harness({ kdf: DEFAULT_SCRYPT });
    const id = await createVault(h);
    h.service.lock('user');
    const keyfile = JSON.parse(fs.readFileSync(vaultPaths(h.dataDir, id).keyfile, 'utf8'));
    expect(keyfile.kdf).toEqual({ name: 'scrypt', N: 131072, r: 8, p: 1 });
    await h.service.unlock(id, PASSPHRASE);
    expect(h.service.status().state).toBe('unlocked');
  });

  it('pins the cipher and the durability settings', async () => {
    const h = harness();
    await createVault(h);
    const db = h.service.database();
    expect(db.pragma('cipher', { simple: true })).toBe('chacha20');
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('secure_delete', { simple: true })).toBe(1);
    expect(db.pragma('temp_store', { simple: true })).toBe(2);
  });

  it('accepts the same passphrase typed in composed or decomposed Unicode', async () => {
    const h = harness();
    const composed = 'Tiếng Việt có dấu rất dài';
    const id = (await h.service.create('Vi', composed)).vault!.id;
    h.service.lock('user');
    await h.service.unlock(id, composed.normalize('NFD'));
    expect(h.service.status().state).toBe('unlocked');
  });
});

describe('locking', () => {
  it('gives other domains no database while locked', async () => {
    const h = harness();
    await createVault(h);
    h.service.lock('panic');
    expect(() => h.service.database()).toThrow(expect.objectContaining({ code: 'LOCKED' }));
    expect(h.events.at(-1)).toEqual({ name: 'vault.locked', payload: { reason: 'panic' } });
  });

  it('locks itself after the idle time the user chose, and activity postpones it', async () => {
    const h = harness();
    await createVault(h);
    h.service.setSettings({ idleMinutes: 5 });
    h.clock.now += 4 * 60_000;
    h.service.touch();
    h.clock.now += 4 * 60_000;
    h.service.checkIdle();
    expect(h.service.status().state).toBe('unlocked');
    h.clock.now += 60_000;
    h.service.checkIdle();
    expect(h.service.status().state).toBe('locked');
    expect(h.events).toEqual([{ name: 'vault.unlocked', payload: {} }, { name: 'vault.locked', payload: { reason: 'idle' } }]);
  });

  it('lets the work before close wait except at panic and when the computer suspends', async () => {
    const seen: Array<[string, boolean]> = [];
    let locking = '';
    const h = harness({ checkAfterUnlock: false, beforeClose: (db, close) => seen.push([locking, close.mayWait && db.open]) });
    const id = await createVault(h);
    for (const reason of ['user', 'idle', 'shutdown', 'suspend', 'panic'] as const) {
      locking = reason;
      h.service.lock(reason);
      await h.service.unlock(id, PASSPHRASE);
    }
    expect(seen).toEqual([['user', true], ['idle', true], ['shutdown', true], ['suspend', false], ['panic', false]]);
    h.service.lock('user');
  });

  it('abandons an unlock that was still deriving its key when a lock came', async () => {
    const h = harness();
    const id = await createVault(h);
    h.service.lock('user');
    const pending = h.service.unlock(id, PASSPHRASE);
    h.service.lock('suspend');
    await expect(pending).rejects.toMatchObject({ code: 'LOCKED' });
    expect(h.service.status().state).toBe('locked');
  });

  it('keeps settings inside the vault across lock and unlock', async () => {
    const h = harness();
    const id = await createVault(h);
    expect(h.service.setSettings({ backupCount: 3, backupIntervalHours: 12 })).toEqual({ idleMinutes: 10, backupCount: 3, backupIntervalHours: 12 });
    h.service.lock('user');
    await h.service.unlock(id, PASSPHRASE);
    expect(h.service.getSettings()).toEqual({ idleMinutes: 10, backupCount: 3, backupIntervalHours: 12 });
  });
});

describe('the vault API', () => {
  const dispatcherFor = (h: ReturnType<typeof harness>) => createDispatcher(vaultHandlers(h.service) as unknown as Handlers);

  it('answers a wrong passphrase with an error envelope, and rejects malformed ids', async () => {
    const h = harness();
    const id = await createVault(h);
    h.service.lock('user');
    const dispatch = dispatcherFor(h);
    expect(await dispatch('vault.unlock', { id, passphrase: 'nope' })).toEqual({
      ok: false,
      error: { code: 'WRONG_PASSPHRASE', key: 'vault.wrongPassphrase', message: 'Wrong passphrase. Nothing was changed.' },
    });
    expect(await dispatch('vault.unlock', { id: '../../etc', passphrase: 'x' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await dispatch('vault.create', { name: 'Short', passphrase: 'too short' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: ['passphrase'] },
    });
    expect(await dispatch('vault.status', null)).toEqual({ ok: true, value: { state: 'locked', vault: null, idleMinutes: null, warning: null, warningKey: null, check: null } });
  });

  it('declares every vault method in the contract', () => {
    const h = harness();
    for (const method of Object.keys(vaultHandlers(h.service))) expect(Object.hasOwn(contract, method)).toBe(true);
  });
});
