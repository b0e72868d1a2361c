import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AtomicStep } from '../../../electron/core/vault/durable-fs';
import { vaultPaths } from '../../../electron/core/vault/layout';
import { addNote, createVault, harness, notes, PASSPHRASE } from './helpers';

const NEXT = 'a different long passphrase';

/** Which passphrase must work after a crash at each step of the keyfile rewrite. */
const expectations: Array<[AtomicStep, 'old' | 'new']> = [
  ['write-temp', 'old'],
  ['fsync-temp', 'old'],
  ['rename', 'old'],
  ['fsync-dir', 'new'],
];

describe('changing the passphrase', () => {
  it('rewraps the key only: the new passphrase opens the same data and the old one no longer does', async () => {
    const h = harness();
    const id = await createVault(h);
    addNote(h, 'kept through the change');
    const { db } = vaultPaths(h.dataDir, id);
    const databaseBytes = () => [fs.readFileSync(db), fs.readFileSync(`${db}-wal`)];
    const before = databaseBytes();
    await h.service.changePassphrase(PASSPHRASE, NEXT);
    expect(databaseBytes()).toEqual(before);
    h.service.lock('user');
    await expect(h.service.unlock(id, PASSPHRASE)).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
    await h.service.unlock(id, NEXT);
    expect(notes(h)).toEqual(['kept through the change']);
  });

  it('refuses the change when the current passphrase is wrong', async () => {
    const h = harness();
    const id = await createVault(h);
    await expect(h.service.changePassphrase('wrong current one', NEXT)).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
    h.service.lock('user');
    await h.service.unlock(id, PASSPHRASE);
  });

  it.each(expectations)('leaves a working passphrase after a crash before "%s" (%s one works)', async (step, works) => {
    const crashAt = step;
    const h = harness({
      keyfileHooks: {
        beforeStep: (current) => {
          if (current === crashAt) throw new Error(`simulated crash before ${current}`);
        },
      },
    });
    const id = await createVault(h);
    addNote(h, 'survives');
    await expect(h.service.changePassphrase(PASSPHRASE, NEXT)).rejects.toThrow('simulated crash');
    h.service.lock('shutdown');

    // A restarted app, without the failing hook.
    const after = harness({ dataDir: h.dataDir });
    const [good, bad] = works === 'old' ? [PASSPHRASE, NEXT] : [NEXT, PASSPHRASE];
    await expect(after.service.unlock(id, bad)).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
    await after.service.unlock(id, good);
    expect(notes(after)).toEqual(['survives']);
    expect(fs.existsSync(`${vaultPaths(h.dataDir, id).keyfile}.tmp`)).toBe(false);
  });

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
