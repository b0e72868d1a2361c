// The people register through the dispatcher with a real encrypted vault: saved, listed, used by
// the check (with assessment stakeholders' private names), deleted for real (the name is gone from
// the decrypted database file, not just hidden), carried by full backups and by nothing else.
import crypto from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { open } from '../../../electron/core/exchange/container';
import { readBackup } from '../../../electron/core/exchange/backup-format';
import { readBundle } from '../../../electron/core/exchange/bundle-format';
import { BACKUP_LIMITS, BUNDLE_LIMITS } from '../../../electron/core/exchange/limits';
import { vaultPaths } from '../../../electron/core/vault/layout';
import { TEST_PASSPHRASE, testCore, unlockedCore, type TestCore } from '../../helpers/core';
import { tempDir } from '../../helpers/temp';
import { ANSWERED_SAFETY } from '../assessments/fixtures';
import { decryptedCopy, vaultKey } from '../vault/helpers';

const NAME = 'Phạm Thị Hồng Nhung';
const PHONE = '+84 903 555 0147';
const FILE_PASSPHRASE = 'backup file passphrase 2026';

let cores: TestCore[] = [];
afterEach(async () => {
  for (const c of cores) await c.core.close();
  cores = [];
});
const started = async (core: Promise<TestCore>) => {
  const t = await core;
  cores.push(t);
  return t;
};

const draft = { realName: NAME, pseudonym: 'Source N', aliases: ['Nhung Pham'], handles: ['@nhungpham_hn'], emails: ['nhung.pham@example.org'], phones: [PHONE], urls: ['facebook.com/nhung.pham.90'], otherScripts: [], givenName: '', note: 'met at the 2025 workshop' };

/** The vault's database decrypted into a plain SQLite file (every page, free ones too), as bytes. */
async function decryptedDatabase(t: TestCore): Promise<Buffer> {
  const id = (await t.call('vault.status', null)).vault!.id;
  await t.call('vault.lock', null);
  // A checkpoint the background check held up at lock finishes once the check has stopped.
  await t.core.settled();
  const bytes = decryptedCopy(vaultPaths(t.dataDir, id).db, await vaultKey(t.dataDir, id, TEST_PASSPHRASE));
  await t.call('vault.unlock', { id, passphrase: TEST_PASSPHRASE });
  return bytes;
}

const contains = (bytes: Buffer, text: string) => bytes.includes(Buffer.from(text, 'utf8'));

describe('the people register', () => {
  it('saves, lists, updates and checks against a person; refuses an unknown id', async () => {
    const t = await started(unlockedCore());
    const saved = await t.call('people.save', { ...draft, handles: ['@nhungpham_hn', ' @NhungPham_HN '] });
    expect(saved).toMatchObject({ ...draft, id: expect.any(String) });
    expect(await t.call('people.list', null)).toEqual([saved]);

    const updated = await t.call('people.save', { ...draft, id: saved.id, pseudonym: 'Source 7' });
    expect(updated).toMatchObject({ id: saved.id, pseudonym: 'Source 7', createdAt: saved.createdAt });

    const flags = await t.call('identity.check', { places: [{ where: 'Finding 1', text: 'Nhung Pham (0903 555 0147) told us; chị Nhung confirmed.' }] });
    expect(flags.map((f) => [f.kind, f.personId, f.matched])).toEqual([
      ['registered', saved.id, 'Nhung Pham'],
      ['registered', saved.id, '0903 555 0147'],
      ['givenName', saved.id, 'Nhung'],
    ]);

    const missing = await t.raw('people.delete', { id: crypto.randomUUID() });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const empty = await t.raw('people.save', { ...draft, realName: '  ' });
    expect(empty).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('checks against assessment stakeholders’ private names too, as registered people under their pseudonym', async () => {
    const t = await started(unlockedCore());
    const stakeholderId = crypto.randomUUID();
    await t.call('assessments.save', { title: 'Example', safety: ANSWERED_SAFETY, stakeholders: [{ id: stakeholderId, pseudonym: 'Activist A' }], privateNames: [{ stakeholderId, realName: 'Lê Văn Tám' }] } as never);
    const [flag] = await t.call('identity.check', { places: [{ where: 'Title', text: 'Quote from LE VAN TAM' }] });
    expect(flag).toMatchObject({ kind: 'registered', personId: stakeholderId, label: 'Lê Văn Tám', confirm: false });
  });

  it('deletes a person for real: the name and number are gone from the decrypted database file', async () => {
    const t = await started(unlockedCore());
    const saved = await t.call('people.save', draft);
    const before = await decryptedDatabase(t);
    // The control: the decrypted file does hold the register while the person is in it.
    expect(contains(before, NAME)).toBe(true);
    expect(contains(before, PHONE)).toBe(true);

    expect(await t.call('people.delete', { id: saved.id })).toBeNull();
    expect(await t.call('people.list', null)).toEqual([]);
    const after = await decryptedDatabase(t);
    for (const secret of [NAME, PHONE, 'nhung.pham@example.org', 'nhungpham_hn']) expect(contains(after, secret)).toBe(false);
  });

  it('goes into full backups and comes back with a restore', async () => {
    const t = await started(unlockedCore());
    const saved = await t.call('people.save', draft);
    const backup = await t.call('exchange.backup.create', { passphrase: FILE_PASSPHRASE });
    expect(contains(Buffer.from(backup.data, 'base64'), NAME)).toBe(false);
    const contents = readBackup(await open('backup', Buffer.from(backup.data, 'base64'), FILE_PASSPHRASE, BACKUP_LIMITS.fileBytes));
    expect(contents.tables.find((table) => table.name === 'people')?.rows).toHaveLength(1);

    const restored = await t.call('exchange.backup.restore', { data: backup.data, passphrase: FILE_PASSPHRASE, name: 'Restored', vaultPassphrase: 'restored vault passphrase' });
    await t.call('vault.lock', null);
    await t.call('vault.unlock', { id: restored.vault.id, passphrase: 'restored vault passphrase' });
    expect(await t.call('people.list', null)).toEqual([saved]);
  });

  it('never reaches the record search or a partner bundle', async () => {
    const t = await started(unlockedCore());
    await t.call('people.save', draft);
    const stakeholderId = crypto.randomUUID();
    const assessment = await t.call('assessments.save', { title: 'Shared assessment', safety: ANSWERED_SAFETY, stakeholders: [{ id: stakeholderId, pseudonym: 'Activist A' }], privateNames: [] } as never);
    for (const q of ['Nhung', 'Pham', 'nhung.pham', '0903', 'Source N']) expect(await t.call('records.search', { q, limit: 20 })).toEqual([]);

    const choices = await t.call('exchange.bundle.choices', null);
    expect(choices.map((c) => c.kind).every((kind) => ['plan', 'package', 'assessment'].includes(kind))).toBe(true);
    // `identity` is the export check's acknowledgement where the bundle form asks for it.
    const bundle = await t.raw('exchange.bundle.create', { identity: { acknowledge: true }, organisation: 'Coalition', passphrase: 'shared bundle passphrase', items: [{ kind: 'assessment', id: assessment.id }] });
    if (!bundle.ok) throw new Error(bundle.error.message);
    const data = (bundle.value as { data: string }).data;
    const contents = readBundle(await open('bundle', Buffer.from(data, 'base64'), 'shared bundle passphrase', BUNDLE_LIMITS.fileBytes));
    const everything = JSON.stringify(contents, (_key, value: unknown) => (value instanceof Uint8Array ? Buffer.from(value).toString('utf8') : value));
    expect(everything).toContain('Shared assessment');
    for (const secret of [NAME, 'Nhung Pham', PHONE, 'nhung.pham@example.org', 'Source N']) expect(everything).not.toContain(secret);

    // And a partner importing it has an empty register.
    const partner = await started(unlockedCore({ dataDir: tempDir() }));
    await partner.call('exchange.bundle.import', { data, passphrase: 'shared bundle passphrase', confirm: true });
    expect(await partner.call('people.list', null)).toEqual([]);
  });

  it('is unavailable while the vault is locked', async () => {
    const t = await started(Promise.resolve(testCore()));
    expect(await t.raw('people.list', null)).toMatchObject({ ok: false });
  });
});
