// Actions where the work is: a plan started and an engagement logged from a company's page come
// with the company chosen, even when an unsaved new draft waits (the user chooses which to keep);
// a package is shared from its own page with only itself chosen; and an imported record's list
// row says which partner it came from. Real Chromium against browser mode; nothing leaves 127.0.0.1.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { tempDir } from '../helpers/temp';
import { passIdentityStep } from './export-ui';
import { foreignRequests, openSignedInPage, rpc, screenshot, type SignedInPage, type WebServer } from './harness';
import { createVaultThroughUi } from './vault-ui';

const SHARED_PASSPHRASE = 'coalition shared passphrase';
const PARTNER_VAULT_PASSPHRASE = 'partner vault passphrase 2026';
const PACKAGE_TITLE = 'Before the UN forum: removals of independent media';

describe('actions where the work is', () => {
  let app: SignedInPage;
  let server: WebServer;
  let page: Page;
  let company: { id: string };
  let other: { id: string };
  let packageId = '';
  let bundleFile = '';

  beforeAll(async () => {
    app = await openSignedInPage({ acceptDownloads: true });
    ({ server, page } = app);
    await page.goto(`${server.origin}/diary`);
    await createVaultThroughUi(page);
    await page.getByRole('heading', { name: 'Engagement diary' }).waitFor({ timeout: 30_000 });
    company = await rpc<{ id: string }>(page, 'companies.save', { name: 'Example Platform', sector: 'social-media', hqCountry: 'JP' });
    other = await rpc<{ id: string }>(page, 'companies.save', { name: 'Other Telecom', sector: 'telecom' });
  });

  afterAll(async () => {
    await app?.close();
  });

  /** Types into a new record's editor until the draft is kept in the vault, then leaves it unsaved. */
  async function leaveDraft(fill: () => Promise<void>) {
    await fill();
    await expect.poll(() => page.getByTestId('save-state').textContent(), { timeout: 15_000 }).toContain('Unsaved changes kept in the vault');
  }

  async function openCompany() {
    await page.goto(`${server.origin}/diary/companies/${company.id}`);
    await page.getByRole('heading', { name: 'Example Platform' }).first().waitFor();
  }

  it('starts a plan from the company page with the company chosen', async () => {
    await openCompany();
    await page.getByRole('link', { name: 'Start a plan for this company' }).click();
    await page.waitForURL(`**/plans/new?companyId=${company.id}`);
    await expect.poll(() => page.getByLabel('Target company').inputValue()).toBe(company.id);
    await page.getByRole('button', { name: 'Start a blank plan' }).click();
    await page.waitForURL(/\/plans\/edit\/new\?/);
    await expect.poll(() => page.getByLabel('Target company').inputValue()).toBe(company.id);
    await page.getByLabel('Plan title').fill('Escalate wrongful removals');
    await page.keyboard.press('Control+s');
    await page.waitForURL(/\/plans\/edit\/[0-9a-f-]{36}$/);
    const plans = await rpc<Array<{ title: string; companyId: string | null }>>(page, 'plans.list', null);
    expect(plans).toEqual([expect.objectContaining({ title: 'Escalate wrongful removals', companyId: company.id })]);
  });

  it('asks which to keep when an older new-plan draft waits, and starts fresh for the company when told to', async () => {
    await page.goto(`${server.origin}/plans/new`);
    await page.getByRole('button', { name: 'Start a blank plan' }).click();
    await leaveDraft(() => page.getByLabel('Plan title').fill('Old plan with no company'));

    await openCompany();
    await page.getByRole('link', { name: 'Start a plan for this company' }).click();
    const dialog = page.getByRole('dialog', { name: 'You have an unsaved new plan' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('“Old plan with no company” · no company chosen');
    await screenshot(page, 'actions-draft-choice');
    await dialog.getByRole('button', { name: 'Drop the draft and start a new plan for Example Platform' }).click();
    await page.waitForURL(`**/plans/new?companyId=${company.id}`);
    await expect.poll(() => page.getByLabel('Target company').inputValue()).toBe(company.id);
    await page.getByRole('button', { name: 'Start a blank plan' }).click();
    expect(await page.getByLabel('Plan title').inputValue()).toBe('');
    await expect.poll(() => page.getByLabel('Target company').inputValue()).toBe(company.id);
    expect(await rpc(page, 'drafts.get', { key: 'plan:new' })).toBeNull();
  });

  it('keeps an older new-entry draft for another company when the user says so, or logs a fresh one with this company', async () => {
    await page.goto(`${server.origin}/diary/new`);
    await page.locator('#companyId').waitFor({ timeout: 30_000 });
    await leaveDraft(async () => {
      await page.locator('#companyId').selectOption(other.id);
      await page.getByLabel('Short title').fill('Call with Other Telecom');
    });

    await openCompany();
    await page.getByRole('link', { name: 'Log an engagement with this company' }).click();
    let dialog = page.getByRole('dialog', { name: 'You have an unsaved new diary entry' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('“Call with Other Telecom” · for Other Telecom');
    await dialog.getByRole('button', { name: 'Keep the draft and continue it' }).click();
    await page.waitForURL(/\/diary\/new$/);
    await expect.poll(() => page.getByLabel('Short title').inputValue()).toBe('Call with Other Telecom');
    expect(await page.locator('#companyId').inputValue()).toBe(other.id);

    await openCompany();
    await page.getByRole('link', { name: 'Log an engagement with this company' }).click();
    dialog = page.getByRole('dialog', { name: 'You have an unsaved new diary entry' });
    await dialog.getByRole('button', { name: 'Drop the draft and log a new entry with Example Platform' }).click();
    await page.waitForURL(`**/diary/new?companyId=${company.id}`);
    await expect.poll(() => page.locator('#companyId').inputValue()).toBe(company.id);
    expect(await page.getByLabel('Short title').inputValue()).toBe('');
  });

  it('shares a package from its own page with only that package chosen', async () => {
    const pkg = await rpc<{ id: string }>(page, 'packages.save', { title: PACKAGE_TITLE, risksSummary: 'Independent media lose their audience.' });
    packageId = pkg.id;
    await page.goto(`${server.origin}/plans/packages/${packageId}`);
    await page.getByRole('button', { name: 'Share with a partner' }).click();
    const dialog = page.getByRole('dialog', { name: `Share “${PACKAGE_TITLE}” with a partner` });
    await dialog.waitFor();
    expect(await dialog.getByRole('checkbox', { name: `Evidence package: ${PACKAGE_TITLE}` }).isChecked()).toBe(true);
    expect(await dialog.getByRole('checkbox', { name: 'Plan: Escalate wrongful removals' }).isChecked()).toBe(false);
    await dialog.getByLabel('Your organisation').fill('Coalition Partner');
    await dialog.getByLabel('Passphrase for the file', { exact: true }).fill(SHARED_PASSPHRASE);
    await dialog.getByLabel('Type the passphrase again').fill(SHARED_PASSPHRASE);
    // The identity check of exactly this package comes first; the bundle is made from there.
    await dialog.getByRole('button', { name: 'Make the bundle', exact: true }).click();
    await passIdentityStep(dialog);
    const [saved] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), dialog.getByRole('button', { name: 'Make the bundle now' }).click()]);
    bundleFile = path.join(tempDir('workbench-e2e-bundle-'), saved.suggestedFilename());
    await saved.saveAs(bundleFile);
    await expect.poll(() => dialog.textContent()).toContain('with 1 records');
    // Making the bundle did not also save (or dirty) the package behind the dialog.
    expect((await rpc<Array<{ title: string }>>(page, 'history.list', { entity: 'package', id: packageId })).length).toBe(1);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const preview = await rpc<{ organisation: string; items: Array<{ kind: string; title: string }> }>(page, 'exchange.bundle.preview', {
      data: fs.readFileSync(bundleFile).toString('base64'),
      passphrase: SHARED_PASSPHRASE,
    });
    expect(preview.organisation).toBe('Coalition Partner');
    expect(preview.items).toEqual([expect.objectContaining({ kind: 'package', title: PACKAGE_TITLE })]);
  });

  it("says on an imported package's list row which partner it came from, and nothing on the vault's own", async () => {
    // The partner's vault, on the same server: a new vault opens in place of this one.
    await rpc(page, 'vault.lock', null);
    await rpc(page, 'vault.create', { name: 'Partner', passphrase: PARTNER_VAULT_PASSPHRASE });
    await rpc(page, 'packages.save', { title: 'Our own package' });
    await rpc(page, 'exchange.bundle.import', { data: fs.readFileSync(bundleFile).toString('base64'), passphrase: SHARED_PASSPHRASE, confirm: true });
    await page.goto(`${server.origin}/plans/packages`);
    const imported = page.getByRole('listitem').filter({ hasText: PACKAGE_TITLE });
    await expect.poll(() => imported.textContent()).toMatch(/From Coalition Partner, \w+/);
    const own = page.getByRole('listitem').filter({ hasText: 'Our own package' });
    expect(await own.textContent()).not.toContain('From ');
    await screenshot(page, 'actions-provenance-row');
    expect(foreignRequests(app.requests)).toEqual([]);
    expect(app.pageErrors).toEqual([]);
  });
});
