// A vault file damaged on disk after its last backup: the app notices (at unlock or in the
// background check), salvages what still reads, shows it next to the backup with counts, and
// replaces the vault with the chosen copy only after a confirmation.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passphraseBytes } from '../../electron/core/vault/kdf';
import { readKeyfile, unwrapVaultKey } from '../../electron/core/vault/keyfile';
import { vaultPaths } from '../../electron/core/vault/layout';
import { openWithKey } from '../core/vault/helpers';
import { openSignedInPage, rpc, type SignedInPage } from './harness';
import { createVaultThroughUi, E2E_PASSPHRASE } from './vault-ui';

const entry = (companyId: string, title: string) => ({
  occurredAt: '2026-10-01T09:30:00.000Z',
  companyId,
  channel: 'call',
  title,
  participantsOurs: ['Minh'],
  participantsTheirs: [],
  purpose: 'Follow up on removals',
  concerns: [],
  commitments: [],
  followUps: [],
  riskBefore: { level: 'low', notes: '' },
  riskAfter: { level: 'low', notes: '' },
  safety: [],
  outcome: '',
  tags: [],
  notes: `${title}: ${'Nhóm đã gặp đại diện nền tảng để trao đổi về việc gỡ bỏ nội dung. '.repeat(30)}`,
});

describe('a vault damaged on disk', () => {
  let s: SignedInPage;
  let vaultId: string;

  beforeAll(async () => {
    s = await openSignedInPage();
    await s.page.goto(`${s.server.origin}/diary`);
    await createVaultThroughUi(s.page);
    await s.page.getByRole('button', { name: 'Lock', exact: true }).waitFor();
    vaultId = (await rpc<{ vault: { id: string } }>(s.page, 'vault.status', null)).vault.id;
    const company = await rpc<{ id: string }>(s.page, 'companies.save', { name: 'Example Platform', sector: 'social-media', hqCountry: 'US', policies: '', contacts: [] });
    for (let i = 0; i < 10; i++) await rpc(s.page, 'engagements.save', entry(company.id, `Before the backup ${i}`));
    await rpc(s.page, 'vault.backups.create', null);
    for (let i = 0; i < 30; i++) await rpc(s.page, 'engagements.save', entry(company.id, `After the backup ${i}`));
    // Panic: no backup at lock, so the newest copy is twenty entries behind.
    await s.page.keyboard.press('Control+Shift+H');
    await s.page.waitForURL(`${s.server.origin}/neutral`);
    await new Promise((resolve) => setTimeout(resolve, 500));

    const paths = vaultPaths(s.server.dataDir, vaultId);
    const key = (await unwrapVaultKey(readKeyfile(paths.keyfile)!, passphraseBytes(E2E_PASSPHRASE), vaultId))!;
    const db = openWithKey(paths.db, key);
    db.pragma('wal_checkpoint(TRUNCATE)');
    const leaves = db.prepare("SELECT pageno FROM dbstat WHERE name = 'engagements' AND pagetype = 'leaf' ORDER BY pageno").pluck().all() as number[];
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    db.close();
    const fd = fs.openSync(paths.db, 'r+');
    fs.writeSync(fd, crypto.randomBytes(64), 0, 64, (leaves[Math.floor(leaves.length / 2)]! - 1) * pageSize + 100);
    fs.closeSync(fd);
  }, 180_000);

  afterAll(async () => s?.close());

  it('salvages what still reads, compares it with the backup, and restores it only when confirmed', async () => {
    const { page, server } = s;
    await page.goto(`${server.origin}/diary`);
    await page.getByLabel('Passphrase').fill(E2E_PASSPHRASE);
    await page.getByRole('button', { name: 'Unlock' }).click();
    // Either unlock refuses the file, or the background check finds the damage a moment later.
    const salvageButton = page.getByRole('button', { name: 'Salvage and compare backups' });
    const compareHeading = page.getByRole('heading', { name: 'What each copy holds' });
    await Promise.race([salvageButton.waitFor({ timeout: 60_000 }), compareHeading.waitFor({ timeout: 60_000 })]);
    if (await salvageButton.isVisible()) await salvageButton.click();
    await compareHeading.waitFor({ timeout: 60_000 });

    const salvagedRow = page.locator('tr[data-kind="salvaged"]');
    const manualRow = page.locator('tr[data-kind="manual"]');
    const diaryCount = async (row: typeof salvagedRow) => Number((await row.locator('td').first().textContent())?.replace(/\D/g, ''));
    expect(await diaryCount(manualRow)).toBe(10);
    const salvaged = await diaryCount(salvagedRow);
    expect(salvaged).toBeGreaterThan(30);
    expect(salvaged).toBeLessThan(40);

    // Choosing asks first; cancelling replaces nothing.
    await salvagedRow.getByRole('button', { name: 'Use this copy' }).click();
    const dialog = page.getByRole('alertdialog');
    await expect.poll(() => dialog.textContent()).toContain('Replace the vault with the Salvaged copy');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(fs.existsSync(vaultPaths(server.dataDir, vaultId).replaced)).toBe(false);

    await salvagedRow.getByRole('button', { name: 'Use this copy' }).click();
    const passphrase = dialog.getByLabel('Passphrase of this vault');
    if (await passphrase.isVisible()) await passphrase.fill(E2E_PASSPHRASE);
    await dialog.getByRole('button', { name: 'Yes, restore' }).click();
    await page.getByRole('button', { name: 'Lock', exact: true }).waitFor({ timeout: 60_000 });
    const list = await rpc<{ items: Array<{ title: string }> }>(page, 'engagements.list', {});
    expect(list.items.filter((item) => item.title.startsWith('After the backup')).length).toBeGreaterThan(20);
    expect(fs.readdirSync(vaultPaths(server.dataDir, vaultId).replaced).some((name) => name.endsWith('.db'))).toBe(true);
  }, 180_000);
});
