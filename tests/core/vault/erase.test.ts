import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readKeyfile } from '../../../electron/core/vault/keyfile';
import { vaultPaths } from '../../../electron/core/vault/layout';
import { testCore, TEST_PASSPHRASE } from '../../helpers/core';
import { createVault, harness, PASSPHRASE } from './helpers';

async function wrongUnlock(h: ReturnType<typeof harness>, id: string): Promise<string> {
  h.clock.now += 60 * 60_000; // past any retry delay
  const error = await h.service.unlock(id, 'not the passphrase').catch((caught: Error) => caught);
  return (error as Error).message;
}

describe('erasing a vault after repeated wrong passphrases', () => {
  it('is off by default: ten wrong passphrases erase nothing', async () => {
    const h = harness();
    const id = await createVault(h);
    h.service.lock('user');
    for (let i = 0; i < 10; i++) expect(await wrongUnlock(h, id)).toBe('Wrong passphrase. Nothing was changed.');
    h.clock.now += 60 * 60_000;
    await h.service.unlock(id, PASSPHRASE);
    expect(h.service.status().state).toBe('unlocked');
  });

  it('erases the vault, its key and its backups at the chosen count, and says so', async () => {
    const h = harness({ eraseAfterFailures: () => 3 });
    const id = await createVault(h);
    h.service.lock('user');
    const paths = vaultPaths(h.dataDir, id);
    expect(fs.existsSync(paths.keyfile)).toBe(true);
    expect(await wrongUnlock(h, id)).toMatch(/^Wrong passphrase\./);
    expect(await wrongUnlock(h, id)).toMatch(/^Wrong passphrase\./);
    expect(await wrongUnlock(h, id)).toMatch(/vault was erased/);
    expect(fs.existsSync(paths.dir)).toBe(false);
    expect(h.service.list()).toEqual([]);
  });

  it('leaves other vaults alone', async () => {
    const h = harness({ eraseAfterFailures: () => 3 });
    const keep = await createVault(h, 'Keep');
    h.service.lock('user');
    const erase = await createVault(h, 'Erase');
    h.service.lock('user');
    for (let i = 0; i < 3; i++) await wrongUnlock(h, erase);
    expect(h.service.list().map((v) => v.id)).toEqual([keep]);
    h.clock.now += 60 * 60_000;
    await h.service.unlock(keep, PASSPHRASE);
  });

  it('is switched on through the device preferences, only while a vault is unlocked, and refuses a count below 3', async () => {
    const t = testCore();
    // Locked: nobody at the keyboard without a passphrase may arm (or disarm) it.
    expect(await t.raw('preferences.set', { eraseAfterFailedUnlocks: 3 })).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    const { vault } = await t.call('vault.create', { name: 'Notes', passphrase: TEST_PASSPHRASE });
    expect(await t.raw('preferences.set', { eraseAfterFailedUnlocks: 1 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await t.call('preferences.set', { eraseAfterFailedUnlocks: 3 })).toMatchObject({ eraseAfterFailedUnlocks: 3 });
    await t.call('vault.lock', null);
    expect(await t.raw('preferences.set', { eraseAfterFailedUnlocks: null })).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    // Other preferences, and the same count again, still save while locked.
    expect(await t.call('preferences.set', { panicHidesWindow: false, eraseAfterFailedUnlocks: 3 })).toMatchObject({ panicHidesWindow: false });
    const results = [];
    // The first three attempts come without a delay.
    for (let i = 0; i < 3; i++) results.push(await t.raw('vault.unlock', { id: vault!.id, passphrase: 'wrong passphrase here' }));
    expect(results.at(-1)).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE', message: expect.stringMatching(/erased/) } });
    expect(await t.call('vault.list', null)).toEqual([]);
    await t.core.close();
  });

  it('keeps counting when the old count file is deleted: the count lives in the keyfile', async () => {
    const h = harness({ eraseAfterFailures: () => 3 });
    const id = await createVault(h);
    h.service.lock('user');
    const paths = vaultPaths(h.dataDir, id);
    await wrongUnlock(h, id);
    await wrongUnlock(h, id);
    expect(readKeyfile(paths.keyfile)?.attempts?.failures).toBe(2);
    // What an attacker would try: delete or replace the count file the app used to keep.
    fs.rmSync(paths.attempts, { force: true });
    fs.writeFileSync(paths.attempts, JSON.stringify({ failures: 0, lastFailureAt: 0 }));
    expect(await wrongUnlock(h, id)).toMatch(/vault was erased/);
    expect(fs.existsSync(paths.dir)).toBe(false);
  });

  it('carries the count over from the file older versions kept', async () => {
    const h = harness({ eraseAfterFailures: () => 3 });
    const id = await createVault(h);
    h.service.lock('user');
    const paths = vaultPaths(h.dataDir, id);
    fs.writeFileSync(paths.attempts, JSON.stringify({ failures: 2, lastFailureAt: h.clock.now }));
    expect(await wrongUnlock(h, id)).toMatch(/vault was erased/);
  });
});
