import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { passphraseBytes } from '../../../electron/core/vault/kdf';
import { readKeyfile, unwrapVaultKey } from '../../../electron/core/vault/keyfile';
import { vaultPaths } from '../../../electron/core/vault/layout';
import { CHANGE_STEPS, CHANGED_ELSEWHERE } from '../../../electron/core/vault/passphrase-change';
import { WEAK_PASSPHRASE } from '../../../electron/core/vault/passphrase-strength';
import { addNote, createVault, filesUnder, harness, notes, openWithKey, PASSPHRASE, vaultKey } from './helpers';

const NEXT = 'a different long passphrase';
const MARKER = 'written after the change 7f3a9c';

const opens = (file: string, key: Buffer): boolean => {
  const db = openWithKey(file, key);
  try {
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return true;
  } catch {
    return false;
  } finally {
    db.close();
  }
};

describe('changing the passphrase', () => {
  it('replaces the vault key: an old keyfile with the old passphrase cannot open what is written afterwards', async () => {
    const h = harness();
    const id = await createVault(h);
    addNote(h, 'kept through the change');
    await h.service.createBackup();
    const paths = vaultPaths(h.dataDir, id);
    // What someone who copied the folder before the change would hold.
    const oldKeyfile = readKeyfile(paths.keyfile)!;
    const oldKey = (await unwrapVaultKey(oldKeyfile, passphraseBytes(PASSPHRASE), id))!;
    const oldKeyfileFd = fs.openSync(paths.keyfile, 'r');
    const oldKeyfileBytes = fs.readFileSync(paths.keyfile);

    await h.service.changePassphrase(PASSPHRASE, NEXT);
    addNote(h, MARKER);
    h.service.lock('user');

    // The old key reads neither the vault nor any backup; the new key reads them all.
    const newKey = await vaultKey(h.dataDir, id, NEXT);
    expect(newKey.equals(oldKey)).toBe(false);
    expect(opens(paths.db, oldKey)).toBe(false);
    const backups = fs.readdirSync(paths.backups).map((name) => path.join(paths.backups, name));
    expect(backups.length).toBeGreaterThanOrEqual(2);
    for (const backup of backups) {
      expect(opens(backup, oldKey), backup).toBe(false);
      expect(opens(backup, newKey), backup).toBe(true);
    }
    for (const file of filesUnder(paths.dir)) expect(fs.readFileSync(file).includes(MARKER), file).toBe(false);
    // The rekey's journal (every page under the old key) is gone, and the replaced keyfile was
    // overwritten where it lay, not just unlinked.
    expect(filesUnder(paths.dir).filter((file) => file.endsWith('-journal'))).toEqual([]);
    const leftover = Buffer.alloc(oldKeyfileBytes.length);
    fs.readSync(oldKeyfileFd, leftover, 0, leftover.length, 0);
    fs.closeSync(oldKeyfileFd);
    expect(leftover.includes(Buffer.from(oldKeyfile.wrappedKey))).toBe(false);
    expect(leftover.equals(oldKeyfileBytes)).toBe(false);
    expect(readKeyfile(paths.keyfile)?.pending).toBeUndefined();

    await expect(h.service.unlock(id, PASSPHRASE)).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
    await h.service.unlock(id, NEXT);
    expect(notes(h)).toEqual(['kept through the change', MARKER]);
    // Backups made before the change still restore, now under the new key.
    const oldest = h.service.listBackups().at(-1)!;
    await h.service.restoreBackup({ backupId: oldest.id, confirm: true });
    expect(h.service.status().state).toBe('unlocked');
  });

  it('never erases the open vault when the current passphrase is mistyped, even with erasing on', async () => {
    const h = harness({ eraseAfterFailures: () => 3 });
    const id = await createVault(h);
    addNote(h, 'still here');
    const paths = vaultPaths(h.dataDir, id);
    for (let i = 0; i < 6; i++) {
      h.clock.now += 60 * 60_000;
      await expect(h.service.changePassphrase('wrong current one', NEXT)).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
    }
    // Still slowed down, so an unlocked laptop is no fast guessing machine.
    await expect(h.service.changePassphrase('wrong current one', NEXT)).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    expect(h.service.status().state).toBe('unlocked');
    expect(fs.existsSync(paths.keyfile)).toBe(true);
    expect(readKeyfile(paths.keyfile)?.attempts).toBeUndefined();
    h.service.lock('user');
    await h.service.unlock(id, PASSPHRASE);
    expect(notes(h)).toEqual(['still here']);
  });

  it('refuses a guessable new passphrase in core, with advice, and changes nothing', async () => {
    const h = harness();
    const id = await createVault(h);
    const before = fs.readFileSync(vaultPaths(h.dataDir, id).keyfile);
    for (const weak of ['password1234', 'qwertyuiop12', 'sunflower tiger', 'Notes Notes Notes']) {
      await expect(h.service.changePassphrase(PASSPHRASE, weak)).rejects.toMatchObject({
        code: 'INVALID_INPUT',
        message: WEAK_PASSPHRASE,
        extra: { fields: ['next'] },
      });
    }
    expect(fs.readFileSync(vaultPaths(h.dataDir, id).keyfile)).toEqual(before);
  });

  it('refuses to create a vault behind a guessable passphrase', async () => {
    const h = harness();
    await expect(h.service.create('Notes', 'password1234')).rejects.toMatchObject({ code: 'INVALID_INPUT', message: WEAK_PASSPHRASE });
    expect(h.service.list()).toEqual([]);
  });

  // In-process failures at every step; crash.test-style SIGKILLs are in passphrase-change-crash.test.ts.
  it.each(CHANGE_STEPS.map((step, index) => [step, index < CHANGE_STEPS.indexOf('rekey-copies') ? 'old' : 'new'] as const))(
    'leaves a working passphrase and every record after a failure before "%s" (%s one works)',
    async (step, works) => {
      const h = harness({
        changeHooks: {
          beforeStep: (current) => {
            if (current === step) throw new Error(`simulated failure before ${current}`);
          },
        },
      });
      const id = await createVault(h);
      addNote(h, 'survives');
      await expect(h.service.changePassphrase(PASSPHRASE, NEXT)).rejects.toMatchObject({ code: 'UNAVAILABLE' });
      expect(h.service.status().state).toBe('locked');

      // A restarted app, without the failing hook.
      const after = harness({ dataDir: h.dataDir });
      if (works === 'new') {
        // Told plainly while the change is still pending in the keyfile; a wrong passphrase after.
        const pending = readKeyfile(vaultPaths(h.dataDir, id).keyfile)?.pending !== undefined;
        await expect(after.service.unlock(id, PASSPHRASE)).rejects.toMatchObject({
          code: 'WRONG_PASSPHRASE',
          ...(pending && { message: CHANGED_ELSEWHERE }),
        });
      }
      await after.service.unlock(id, works === 'old' ? PASSPHRASE : NEXT);
      expect(notes(after)).toEqual(['survives']);
      after.service.lock('user');
      // Resolved for good: the same passphrase works again and no change is left pending.
      expect(readKeyfile(vaultPaths(h.dataDir, id).keyfile)?.pending).toBeUndefined();
      await after.service.unlock(id, works === 'old' ? PASSPHRASE : NEXT);
      expect(fs.existsSync(`${vaultPaths(h.dataDir, id).keyfile}.tmp`)).toBe(false);
    },
  );

  it('rejects a keyfile whose parameters were edited', async () => {
    const h = harness();
    const id = await createVault(h);
    h.service.lock('user');
    const file = vaultPaths(h.dataDir, id).keyfile;
    const keyfile = JSON.parse(fs.readFileSync(file, 'utf8'));
    keyfile.kdf.N = 2 ** 11;
    fs.writeFileSync(file, JSON.stringify(keyfile));
    await expect(h.service.unlock(id, PASSPHRASE)).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
  });
});
