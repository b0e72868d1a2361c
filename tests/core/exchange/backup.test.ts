// Full backup files through the dispatcher with real encrypted vaults: make, verify, restore into
// a new vault that equals the original table for table, and refuse to touch anything otherwise.
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { open } from '../../../electron/core/exchange/container';
import { readBackup } from '../../../electron/core/exchange/backup-format';
import { BACKUP_LIMITS } from '../../../electron/core/exchange/limits';
import { TEST_PASSPHRASE, unlockedCore, type TestCore } from '../../helpers/core';
import { folderDigest, fullVault } from './fixtures';

const FILE_PASSPHRASE = 'backup file passphrase 2026';
const NEW_VAULT_PASSPHRASE = 'restored vault passphrase';

let t: TestCore;
afterEach(async () => t?.core.close());

/** Table name → SHA-256 of each part, straight from a backup's manifest: a canonical dump of the vault. */
async function tableChecksums(data: string) {
  const backup = readBackup(await open('backup', Buffer.from(data, 'base64'), FILE_PASSPHRASE, BACKUP_LIMITS.fileBytes));
  return { tables: backup.manifest.tables.map((table) => [table.name, table.rows, table.parts.map((p) => p.sha256)]), blobs: backup.manifest.blobs };
}

describe('full backup files', () => {
  it('restores into a new vault that equals the original: every record, every file hash, the chain head', async () => {
    t = await unlockedCore();
    const fixture = await fullVault(t);
    const before = await t.call('integrity.verify', null);
    expect(before.ok).toBe(true);

    const backup = await t.call('exchange.backup.create', { passphrase: FILE_PASSPHRASE });
    expect(backup.fileName).toMatch(/^backup-\d{4}-\d{2}-\d{2}\.awbackup$/);
    expect(backup.report).toMatchObject({ records: { companies: 1, engagements: 2, plans: 1, packages: 1, assessments: 1 }, attachments: 1, historyVerified: true, headHash: before.headHash });
    const bytes = Buffer.from(backup.data, 'base64');
    for (const secret of ['Example Platform', 'cases.csv', 'Nguyễn Thị Hoa', 'Escalate removals']) expect(bytes.includes(Buffer.from(secret))).toBe(false);

    const verified = await t.call('exchange.backup.verify', { data: backup.data, passphrase: FILE_PASSPHRASE });
    expect(verified).toEqual(backup.report);
    expect(verified.checksums).toBeGreaterThan(10);

    const restored = await t.call('exchange.backup.restore', { data: backup.data, passphrase: FILE_PASSPHRASE, name: 'Restored notes', vaultPassphrase: NEW_VAULT_PASSPHRASE });
    expect(restored.vault.name).toBe('Restored notes');
    expect((await t.call('vault.list', null)).map((v) => v.name)).toEqual(['Test vault', 'Restored notes']);
    // The open vault was not touched: it is still open and unchanged.
    expect(await t.call('integrity.verify', null)).toEqual(before);

    const originalPlan = await t.call('plans.get', { id: fixture.plan.id });
    const originalEntry = await t.call('engagements.get', { id: fixture.first.id });
    await t.call('vault.lock', null);
    await t.call('vault.unlock', { id: restored.vault.id, passphrase: NEW_VAULT_PASSPHRASE });
    expect(await t.call('integrity.verify', null)).toEqual(before);
    expect(await t.call('plans.get', { id: fixture.plan.id })).toEqual(originalPlan);
    expect(await t.call('packages.get', { id: fixture.pkg.id })).toEqual(fixture.pkg);
    expect(await t.call('assessments.get', { id: fixture.assessment.id })).toEqual(fixture.assessment);
    expect(await t.call('engagements.get', { id: fixture.first.id })).toEqual(originalEntry);
    const file = await t.call('attachments.read', { id: fixture.file.id });
    expect(file.sha256).toBe(fixture.file.sha256);
    expect(await t.call('history.list', { entity: 'plan', id: fixture.plan.id })).toHaveLength(2);
    expect((await t.call('records.search', { q: '账号', limit: 10 })).map((h) => h.id)).toContain(fixture.plan.id);

    // Every table, row for row: a backup of the restored vault has the same part checksums.
    const again = await t.call('exchange.backup.create', { passphrase: FILE_PASSPHRASE });
    expect(await tableChecksums(again.data)).toEqual(await tableChecksums(backup.data));
  });

  it('refuses a wrong passphrase and a damaged file with a sentence, and writes nothing', async () => {
    t = await unlockedCore();
    await fullVault(t);
    const { data } = await t.call('exchange.backup.create', { passphrase: FILE_PASSPHRASE });
    const digest = await folderDigest(t);
    const wrong = await t.raw('exchange.backup.restore', { data, passphrase: 'not the passphrase', name: 'X', vaultPassphrase: NEW_VAULT_PASSPHRASE });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    const bytes = Buffer.from(data, 'base64');
    bytes[bytes.length - 40]! ^= 1;
    const damaged = await t.raw('exchange.backup.verify', { data: bytes.toString('base64'), passphrase: FILE_PASSPHRASE });
    expect(damaged).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE', message: expect.stringMatching(/changed or damaged.*Nothing was changed\.$/) } });
    expect(await folderDigest(t)).toBe(digest);
    expect(fs.readdirSync(`${t.dataDir}/vaults`)).toHaveLength(1);
  });

  it('keeps the passphrase of the open vault out of it: the file opens only with its own', async () => {
    t = await unlockedCore();
    const { data } = await t.call('exchange.backup.create', { passphrase: FILE_PASSPHRASE });
    expect(await t.raw('exchange.backup.verify', { data, passphrase: TEST_PASSPHRASE })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    expect(await t.call('exchange.backup.verify', { data, passphrase: FILE_PASSPHRASE })).toMatchObject({ headHash: null, historyVerified: true });
  });
});
