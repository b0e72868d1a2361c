import crypto from 'node:crypto';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { vaultPaths } from '../../../electron/core/vault/layout';
import { latestVersion, migrations, type Migration } from '../../../electron/core/vault/migrations';
import { addNote, createVault, filesUnder, harness, notes, openWithKey, PASSPHRASE, vaultKey } from './helpers';

/** The real steps plus two later ones, standing in for the steps future domains append. */
const extended: Migration[] = [
  ...migrations,
  {
    version: latestVersion(migrations) + 1,
    description: 'test: contacts',
    up: (db) => db.exec('CREATE TABLE test_contacts (id INTEGER PRIMARY KEY, name TEXT NOT NULL)'),
  },
  {
    version: latestVersion(migrations) + 2,
    description: 'test: contact notes',
    up: (db) => db.exec('ALTER TABLE test_contacts ADD COLUMN note TEXT'),
  },
];

/** A vault written by an app that knew only the first `count` steps. */
async function vaultAtStep(steps: readonly Migration[], count: number) {
  const old = harness({ migrations: steps.slice(0, count) });
  const id = await createVault(old);
  addNote(old, 'written by the old version');
  old.service.lock('shutdown');
  return { dataDir: old.dataDir, id };
}

describe('migrations', () => {
  it('lists steps with increasing versions, starting with the settings table', () => {
    expect(migrations[0]!.version).toBe(1);
    for (let i = 1; i < migrations.length; i++) expect(migrations[i]!.version).toBeGreaterThan(migrations[i - 1]!.version);
  });

  const cases = [
    ...Array.from({ length: migrations.length - 1 }, (_, i) => ({ label: 'current steps', steps: migrations, count: i + 1 })),
    ...Array.from({ length: extended.length - 1 }, (_, i) => ({ label: 'extended steps', steps: extended, count: i + 1 })),
  ];

  it.each(cases)('upgrades a vault from version $count ($label), after an encrypted backup', async ({ steps, count }) => {
    const fixture = await vaultAtStep(steps, count);
    const current = harness({ dataDir: fixture.dataDir, migrations: steps });
    await current.service.unlock(fixture.id, PASSPHRASE);
    const db = current.service.database();
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion(steps));
    expect(notes(current)).toEqual(['written by the old version']);
    expect(db.prepare('SELECT count(*) FROM settings').pluck().get()).toBe(0);

    const [backup] = current.service.listBackups().filter((b) => b.kind === 'pre-migration');
    expect(backup).toBeDefined();
    const backupDb = openWithKey(`${vaultPaths(fixture.dataDir, fixture.id).backups}/${backup!.id}.db`, await vaultKey(fixture.dataDir, fixture.id));
    expect(backupDb.pragma('user_version', { simple: true })).toBe(steps[count - 1]!.version);
    backupDb.close();
  });

  it('runs every step on a new vault', async () => {
    const h = harness({ migrations: extended });
    await createVault(h);
    expect(h.service.database().pragma('user_version', { simple: true })).toBe(latestVersion(extended));
  });

  it('rolls back every step when one fails, leaving the vault at its old version', async () => {
    const fixture = await vaultAtStep(migrations, migrations.length);
    const failing: Migration[] = [
      ...extended.slice(0, -1),
      { version: latestVersion(extended), description: 'fails', up: () => { throw new Error('step failed'); } },
    ];
    const broken = harness({ dataDir: fixture.dataDir, migrations: failing });
    await expect(broken.service.unlock(fixture.id, PASSPHRASE)).rejects.toThrow('step failed');
    expect(broken.service.status().state).toBe('locked');

    const db = openWithKey(vaultPaths(fixture.dataDir, fixture.id).db, await vaultKey(fixture.dataDir, fixture.id));
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion(migrations));
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'test_contacts'").pluck().get()).toBe(0);
    db.close();
  });

  it('refuses a vault written by a newer version and leaves it untouched', async () => {
    const fixture = await vaultAtStep(extended, extended.length);
    const files = filesUnder(vaultPaths(fixture.dataDir, fixture.id).dir).filter((f) => !f.includes('/backups/'));
    // Compared by digest: comparing a few megabytes of WAL byte by byte outlasts the time limit.
    const digests = () => files.map((f) => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex'));
    const before = digests();
    const older = harness({ dataDir: fixture.dataDir, migrations });
    await expect(older.service.unlock(fixture.id, PASSPHRASE)).rejects.toMatchObject({
      code: 'VAULT_TOO_NEW',
      message: expect.stringContaining('newer version'),
    });
    expect(digests()).toEqual(before);
  });
});
