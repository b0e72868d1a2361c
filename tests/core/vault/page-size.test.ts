// New vaults are made with 16 KB pages (several diary entries share a page instead of one entry
// and a kilobyte of nothing on each 4 KB page). The page size must survive everything that
// rewrites the file under its key: a passphrase change (rekey), a backup (VACUUM INTO) and a
// restore, and the file must still decrypt only with its key.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { vaultPaths } from '../../../electron/core/vault/layout';
import { NEW_VAULT_PAGE_SIZE } from '../../../electron/core/vault/open';
import { TEST_PASSPHRASE, unlockedCore, type TestCore } from '../../helpers/core';
import { openWithKey, vaultKey } from './helpers';

const NEXT_PASSPHRASE = 'a different long passphrase for this vault';
let t: TestCore;
afterEach(async () => t?.core.close());

function pageSizeOf(file: string, key: Buffer): { pageSize: number; titles: string[] } {
  const db = openWithKey(file, key);
  try {
    return { pageSize: db.pragma('page_size', { simple: true }) as number, titles: db.prepare("SELECT doc ->> '$.title' AS title FROM engagements ORDER BY title").pluck().all() as string[] };
  } finally {
    db.close();
  }
}

describe('the page size of a vault', () => {
  it('is 16 KB for a new vault and stays so through a passphrase change, a backup and a restore', async () => {
    t = await unlockedCore();
    const vaultId = (await t.call('vault.status', null)).vault!.id;
    const company = await t.call('companies.save', { name: 'Example Platform', sector: 'social-media' });
    for (let i = 0; i < 12; i++) {
      await t.call('engagements.save', { occurredAt: `2026-02-${String(1 + i).padStart(2, '0')}T09:00:00Z`, companyId: company.id, channel: 'call', title: `Entry ${i}`, notes: 'Gỡ bỏ nội dung. '.repeat(200) });
    }
    const file = vaultPaths(t.dataDir, vaultId).db;
    const titles = (await t.call('engagements.list', { limit: 100 })).items.map((row) => row.title).sort();
    const firstKey = await vaultKey(t.dataDir, vaultId);
    expect(pageSizeOf(file, firstKey).pageSize).toBe(NEW_VAULT_PAGE_SIZE);

    await t.call('vault.changePassphrase', { current: TEST_PASSPHRASE, next: NEXT_PASSPHRASE });
    const key = await vaultKey(t.dataDir, vaultId, NEXT_PASSPHRASE);
    expect(pageSizeOf(file, key)).toEqual({ pageSize: NEW_VAULT_PAGE_SIZE, titles });
    // The old key no longer reads the rekeyed file.
    expect(() => pageSizeOf(file, firstKey)).toThrow();

    const backup = await t.call('vault.backups.create', null);
    const backupFile = path.join(vaultPaths(t.dataDir, vaultId).backups, `${backup.id}.db`);
    expect(pageSizeOf(backupFile, key)).toEqual({ pageSize: NEW_VAULT_PAGE_SIZE, titles });

    await t.call('engagements.save', { occurredAt: '2026-03-01T09:00:00Z', companyId: company.id, channel: 'email', title: 'After the backup' });
    const restored = await t.call('vault.backups.restore', { backupId: backup.id, confirm: true, vaultId, passphrase: NEXT_PASSPHRASE });
    expect(restored.state).toBe('unlocked');
    expect((await t.call('engagements.list', { limit: 100 })).items.map((row) => row.title).sort()).toEqual(titles);
    await t.call('vault.lock', null);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(pageSizeOf(file, key)).toEqual({ pageSize: NEW_VAULT_PAGE_SIZE, titles });
  });
});
