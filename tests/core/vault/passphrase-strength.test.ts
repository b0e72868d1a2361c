import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { vaultsRoot } from '../../../electron/core/vault/layout';
import { passphraseScore, WEAK_PASSPHRASE } from '../../../electron/core/vault/passphrase-strength';
import { unlockedCore } from '../../helpers/core';

describe('weak passphrases', () => {
  it.each(['password1234', 'Password123!', 'qwertyuiop12', 'aaaaaaaaaaaa', 'sunflower tiger', 'iloveyou2026'])('rates %s below strong', async (weak) => {
    expect(await passphraseScore(weak)).toBeLessThan(4);
  });

  it.each(['correct horse battery staple', 'lantern orchid monsoon ferry 42', 'mekong river delta night'])('rates four random words (%s) strong', async (strong) => {
    expect(await passphraseScore(strong)).toBe(4);
  });

  it('counts the vault name as a guessable word', async () => {
    expect(await passphraseScore('harbour office notes 2026')).toBe(4);
    expect(await passphraseScore('harbour office notes 2026', ['harbour office notes'])).toBeLessThan(4);
  });

  it('refuses to restore a backup file into a new vault behind a weak passphrase, and makes no folder', async () => {
    const t = await unlockedCore();
    const { data } = await t.call('exchange.backup.create', { passphrase: 'backup file passphrase 2026' });
    const before = fs.readdirSync(vaultsRoot(t.dataDir)).sort();
    expect(await t.raw('exchange.backup.restore', { data, passphrase: 'backup file passphrase 2026', name: 'Restored', vaultPassphrase: 'password1234' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: WEAK_PASSPHRASE, fields: ['vaultPassphrase'] },
    });
    expect(fs.readdirSync(vaultsRoot(t.dataDir)).sort()).toEqual(before);
    await t.core.close();
  });
});
