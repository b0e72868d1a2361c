// Backup files and partner bundles leave the vault: whoever copies one can guess its passphrase
// offline for as long as they like, so core refuses to seal one behind a guessable passphrase.
import { afterEach, describe, expect, it } from 'vitest';
import { unlockedCore, type TestCore } from '../../helpers/core';
import { fullVault } from './fixtures';

let t: TestCore;
afterEach(async () => t?.core.close());

describe('passphrases of files that leave the vault', () => {
  it('refuses a guessable passphrase for a backup file and a partner bundle, and accepts several random words', async () => {
    t = await unlockedCore();
    const fixture = await fullVault(t);
    const items = [{ kind: 'plan' as const, id: fixture.plan.id }];

    for (const weak of ['password1234', 'Summer2026!']) {
      const backup = await t.raw('exchange.backup.create', { passphrase: weak });
      expect(backup).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: ['passphrase'] } });
      const bundle = await t.raw('exchange.bundle.create', { organisation: 'Coalition One', passphrase: weak, items });
      expect(bundle).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: ['passphrase'] } });
      expect(JSON.stringify(bundle)).not.toContain(weak);
    }
    // The sending organisation's name is the first thing an attacker holding the file would try.
    const named = await t.raw('exchange.bundle.create', { organisation: 'Coalition One', passphrase: 'Coalition One 2026', items });
    expect(named).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: ['passphrase'] } });

    const strong = 'monsoon ferry lantern orchid';
    expect((await t.call('exchange.backup.create', { passphrase: strong })).fileName).toMatch(/\.awbackup$/);
    expect((await t.call('exchange.bundle.create', { organisation: 'Coalition One', passphrase: strong, items })).data.length).toBeGreaterThan(0);
  });
});
