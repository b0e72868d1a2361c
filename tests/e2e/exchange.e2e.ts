// Journeys 4 and 7 for files: back up a vault through Settings, verify the file, restore it into a
// new vault and see the records; share a plan and a package as a bundle, import it into a second
// vault on a fresh server with a preview first, and see where it came from; a damaged bundle gets
// a clear message and changes nothing. Nothing may leave 127.0.0.1.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { tempDir } from '../helpers/temp';
import { foreignRequests, launchChromium, recordRequests, rpc, screenshot, signIn, startWebServer, type WebServer } from './harness';
import { passIdentityStep } from './export-ui';
import { createVaultThroughUi, E2E_PASSPHRASE } from './vault-ui';

const FILE_PASSPHRASE = 'backup file passphrase 2026';
const SHARED_PASSPHRASE = 'coalition shared passphrase';
const RESTORED_PASSPHRASE = 'restored vault passphrase';
const PLAN_TITLE = 'Escalate removals of independent media';
const PACKAGE_TITLE = 'Before the UN forum: Example Platform';


/** Clicks a button that saves a file and returns the file's bytes. */
async function download(page: Page, click: () => Promise<void>): Promise<{ file: string; name: string }> {
  const [saved] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), click()]);
  const file = path.join(tempDir('workbench-e2e-download-'), saved.suggestedFilename());
  await saved.saveAs(file);
  return { file, name: saved.suggestedFilename() };
}

async function fillNewPassphrase(scope: ReturnType<Page['getByRole']>, label: string, passphrase: string) {
  await scope.getByLabel(label, { exact: true }).fill(passphrase);
  await scope.getByLabel('Type the passphrase again').fill(passphrase);
}

describe('backup files and partner bundles in browser mode', () => {
  let first: WebServer;
  let second: WebServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const requests: string[][] = [];
  const pageErrors: string[] = [];
  let page: Page;
  let bundleFile = '';

  async function openPage(server: WebServer): Promise<Page> {
    const context = await browser.newContext({ acceptDownloads: true });
    contexts.push(context);
    requests.push(recordRequests(context));
    const opened = await context.newPage();
    opened.on('pageerror', (error) => pageErrors.push(error.message));
    await signIn(opened, server);
    return opened;
  }

  beforeAll(async () => {
    first = await startWebServer();
    browser = await launchChromium();
    page = await openPage(first);
    await page.goto(`${first.origin}/settings`);
    await createVaultThroughUi(page);
    await page.getByRole('heading', { name: 'Back up this vault to a file' }).waitFor({ timeout: 30_000 });
    const plan = await rpc<{ id: string }>(page, 'plans.save', { title: PLAN_TITLE, objective: 'Restore wrongly removed accounts' });
    await rpc(page, 'packages.save', { title: PACKAGE_TITLE, planId: plan.id, risksSummary: 'Independent media lose their audience.' });
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await first?.stop();
    await second?.stop();
  });

  it('backs up the vault to a file, verifies it and restores it into a new vault', async () => {
    await page.reload();
    const backupForm = page.getByRole('form', { name: 'Back up this vault to a file' });
    await fillNewPassphrase(backupForm, 'Passphrase for the file', FILE_PASSPHRASE);
    const backup = await download(page, () => backupForm.getByRole('button', { name: 'Make the backup file' }).click());
    expect(backup.name).toMatch(/\.awbackup$/);
    expect(fs.readFileSync(backup.file).includes(Buffer.from(PLAN_TITLE))).toBe(false);
    await expect.poll(() => backupForm.getByRole('status').last().textContent()).toContain('It was checked after it was made.');

    const verifyForm = page.getByRole('form', { name: 'Verify a backup file' });
    await verifyForm.getByLabel('Backup file', { exact: true }).setInputFiles(backup.file);
    await verifyForm.getByLabel('Passphrase of the file').fill(FILE_PASSPHRASE);
    await verifyForm.getByRole('button', { name: 'Verify the backup' }).click();
    await verifyForm.getByText('The backup is whole: every checksum matches.').waitFor({ timeout: 30_000 });
    await verifyForm.getByText('The revision history verifies.').waitFor();

    const restoreForm = page.getByRole('form', { name: 'Restore a backup file into a new vault' });
    await restoreForm.getByLabel('Backup file', { exact: true }).setInputFiles(backup.file);
    await restoreForm.getByLabel('Passphrase of the file').fill(FILE_PASSPHRASE);
    await restoreForm.getByLabel('Name of the new vault').fill('Restored notes');
    await fillNewPassphrase(restoreForm, 'Passphrase of the new vault', RESTORED_PASSPHRASE);
    await restoreForm.getByRole('button', { name: 'Restore into a new vault' }).click();
    await restoreForm.getByText('Restored into the new vault “Restored notes”.').waitFor({ timeout: 30_000 });
    await screenshot(page, 'exchange-restored');
    await restoreForm.getByRole('button', { name: 'Lock this vault and open “Restored notes”' }).click();
    await expect.poll(async () => (await rpc<{ vault: { name: string } | null }>(page, 'vault.status', null)).vault?.name, { timeout: 30_000 }).toBe('Restored notes');

    await page.goto(`${first.origin}/plans`);
    await page.getByText(PLAN_TITLE).first().waitFor({ timeout: 30_000 });
    expect((await rpc<{ ok: boolean }>(page, 'integrity.verify', null)).ok).toBe(true);
  });

  it('shares a plan and its package as a bundle that a second vault previews, imports and attributes', async () => {
    await page.goto(`${first.origin}/settings`);
    const share = page.getByRole('region', { name: 'Share with partners' });
    await share.getByLabel(`Plan: ${PLAN_TITLE}`).check();
    await share.getByLabel(`Evidence package: ${PACKAGE_TITLE}`).check();
    await share.getByLabel('Your organisation').fill('Coalition One');
    await fillNewPassphrase(share, 'Passphrase for the file', SHARED_PASSPHRASE);
    // The identity check of exactly these records comes first; the bundle is made from there.
    await share.getByRole('button', { name: 'Make the bundle', exact: true }).click();
    await passIdentityStep(share);
    const bundle = await download(page, () => share.getByRole('button', { name: 'Make the bundle now' }).click());
    expect(bundle.name).toMatch(/\.awbundle$/);
    bundleFile = bundle.file;

    second = await startWebServer(tempDir('workbench-e2e-partner-'));
    const partner = await openPage(second);
    await partner.goto(`${second.origin}/settings`);
    await createVaultThroughUi(partner, 'Partner notes', E2E_PASSPHRASE);
    const importer = partner.getByRole('region', { name: 'Import a partner bundle' });
    await importer.waitFor({ timeout: 30_000 });
    await importer.getByLabel('Partner bundle file').setInputFiles(bundleFile);
    await importer.getByLabel('Passphrase of the file').fill(SHARED_PASSPHRASE);
    await importer.getByRole('button', { name: 'Show what it holds' }).click();
    await importer.getByRole('heading', { name: /^From Coalition One, made on/ }).waitFor({ timeout: 30_000 });
    await importer.getByText('2 new, 0 already in this vault, 0 files').waitFor();
    // The preview wrote nothing.
    expect(await rpc<unknown[]>(partner, 'plans.list', null)).toEqual([]);
    await importer.getByRole('button', { name: 'Import 2 new records' }).click();
    await importer.getByText('Imported 2 records.').waitFor({ timeout: 30_000 });

    const [plan] = await rpc<Array<{ id: string; title: string }>>(partner, 'plans.list', null);
    expect(plan!.title).toBe(PLAN_TITLE);
    await partner.goto(`${second.origin}/plans/edit/${plan!.id}`);
    await partner.getByText(/^Imported from Coalition One on /).first().waitFor({ timeout: 30_000 });
    const [pkg] = await rpc<Array<{ id: string }>>(partner, 'packages.list', null);
    await partner.goto(`${second.origin}/plans/packages/${pkg!.id}`);
    await partner.getByText(/^Imported from Coalition One on /).first().waitFor({ timeout: 30_000 });
    await screenshot(partner, 'exchange-provenance');

    // A damaged bundle: a clear sentence, and nothing changes.
    const before = await rpc<{ headHash: string }>(partner, 'integrity.verify', null);
    const damaged = fs.readFileSync(bundleFile);
    damaged[Math.floor(damaged.length / 2)]! ^= 0x10;
    const damagedFile = path.join(tempDir('workbench-e2e-damaged-'), 'damaged.awbundle');
    fs.writeFileSync(damagedFile, damaged);
    await partner.goto(`${second.origin}/settings`);
    const again = partner.getByRole('region', { name: 'Import a partner bundle' });
    await again.getByLabel('Partner bundle file').setInputFiles(damagedFile);
    await again.getByLabel('Passphrase of the file').fill(SHARED_PASSPHRASE);
    await again.getByRole('button', { name: 'Show what it holds' }).click();
    await again.getByRole('alert').getByText(/changed or damaged on the way\. Nothing was changed\.$/).waitFor({ timeout: 30_000 });
    expect(await rpc<{ headHash: string }>(partner, 'integrity.verify', null)).toEqual(before);
    expect(await rpc<unknown[]>(partner, 'plans.list', null)).toHaveLength(1);

    expect(pageErrors).toEqual([]);
    expect(requests.flatMap(foreignRequests)).toEqual([]);
  });
});
