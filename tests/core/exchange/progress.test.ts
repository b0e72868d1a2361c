// Progress and cancel for backups and restores, through the dispatcher with real encrypted vaults:
// every step is announced in order before it runs and ends with 'finished'; a cancel sent while a
// restore runs stops it at its next step, with no vault, no staging folder and no file left in the
// data folder, whichever step it lands on.
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventPayload } from '@shared/api/events';
import { vaultsRoot } from '../../../electron/core/vault/layout';
import { unlockedCore, type TestCore } from '../../helpers/core';
import { folderDigest, fullVault } from './fixtures';

const FILE_PASSPHRASE = 'backup file passphrase 2026';
const NEW_VAULT_PASSPHRASE = 'restored vault passphrase';

let t: TestCore;
afterEach(async () => t?.core.close());

function progressEvents(): Array<EventPayload<'exchange.progress'>> {
  const seen: Array<EventPayload<'exchange.progress'>> = [];
  t.core.events.on((event) => {
    if (event.name === 'exchange.progress') seen.push(event.payload as EventPayload<'exchange.progress'>);
  });
  return seen;
}

describe('progress of backups and restores', () => {
  it('announces each step of a backup and a restore in order, then that it finished', async () => {
    t = await unlockedCore();
    await fullVault(t);
    const seen = progressEvents();
    const backup = await t.call('exchange.backup.create', { passphrase: FILE_PASSPHRASE });
    await t.call('exchange.backup.restore', { data: backup.data, passphrase: FILE_PASSPHRASE, name: 'Restored', vaultPassphrase: NEW_VAULT_PASSPHRASE });
    expect(seen.map((e) => `${e.operation}:${e.step}:${e.done}/${e.total}`)).toEqual([
      'backup:read:0/3',
      'backup:encrypt:1/3',
      'backup:check:2/3',
      'backup:finished:3/3',
      'restore:decrypt:0/4',
      'restore:check:1/4',
      'restore:write:2/4',
      'restore:index:3/4',
      'restore:finished:4/4',
    ]);
    expect(await t.call('exchange.cancel', null)).toBe(false);
  });

  for (const at of ['decrypt', 'check', 'write', 'index'] as const) {
    it(`leaves nothing written when a restore is cancelled during its "${at}" step`, async () => {
      t = await unlockedCore();
      await fullVault(t);
      const backup = await t.call('exchange.backup.create', { passphrase: FILE_PASSPHRASE });
      const vaultsBefore = await t.call('vault.list', null);
      const folderBefore = await folderDigest(t);
      const entriesBefore = fs.readdirSync(vaultsRoot(t.dataDir)).sort();

      const seen = progressEvents();
      const off = t.core.events.on((event) => {
        if (event.name !== 'exchange.progress' || (event.payload as EventPayload<'exchange.progress'>).step !== at) return;
        off();
        void t.call('exchange.cancel', null);
      });
      const result = await t.raw('exchange.backup.restore', { data: backup.data, passphrase: FILE_PASSPHRASE, name: 'Never kept', vaultPassphrase: NEW_VAULT_PASSPHRASE });
      expect(result).toMatchObject({ ok: false, error: { code: 'CANCELLED', message: 'The restore was cancelled. No vault was created and nothing was written.' } });
      expect(seen.map((e) => e.step)).not.toContain('finished');

      expect(await t.call('vault.list', null)).toEqual(vaultsBefore);
      expect(fs.readdirSync(vaultsRoot(t.dataDir)).sort()).toEqual(entriesBefore);
      expect(await folderDigest(t)).toEqual(folderBefore);
      // The next restore runs normally: a cancel applies to one run only.
      const restored = await t.call('exchange.backup.restore', { data: backup.data, passphrase: FILE_PASSPHRASE, name: 'Kept', vaultPassphrase: NEW_VAULT_PASSPHRASE });
      expect(restored.vault.name).toBe('Kept');
    });
  }

  for (const at of ['decrypt', 'index', 'write'] as const) {
    it(`leaves the vault untouched when a bundle import is cancelled during its "${at}" step`, async () => {
      t = await unlockedCore();
      const fixture = await fullVault(t);
      const SHARED = 'shared bundle passphrase 2026';
      const seen = progressEvents();
      const bundle = await t.call('exchange.bundle.create', { identity: { acknowledge: true }, organisation: 'Coalition One', passphrase: SHARED, items: [{ kind: 'plan', id: fixture.plan.id }] });
      expect(seen.map((e) => `${e.operation}:${e.step}:${e.done}/${e.total}`)).toEqual(['bundle:read:0/2', 'bundle:encrypt:1/2', 'bundle:finished:2/2']);

      const partner = t;
      t = await unlockedCore();
      partner.core.close();
      const before = await folderDigest(t);
      const off = t.core.events.on((event) => {
        if (event.name !== 'exchange.progress' || (event.payload as EventPayload<'exchange.progress'>).step !== at) return;
        off();
        void t.call('exchange.cancel', null);
      });
      const result = await t.raw('exchange.bundle.import', { data: bundle.data, passphrase: SHARED, confirm: true });
      expect(result).toMatchObject({ ok: false, error: { code: 'CANCELLED', message: 'The import was cancelled. Nothing from the bundle was added to this vault.' } });
      expect(await folderDigest(t)).toEqual(before);
      expect(await t.call('plans.list', null)).toEqual([]);
    });
  }

  it('cancels a backup without returning a file', async () => {
    t = await unlockedCore();
    await fullVault(t);
    t.core.events.on((event) => {
      if (event.name === 'exchange.progress' && (event.payload as EventPayload<'exchange.progress'>).step === 'encrypt') void t.call('exchange.cancel', null);
    });
    const result = await t.raw('exchange.backup.create', { passphrase: FILE_PASSPHRASE });
    expect(result).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
  });
});
