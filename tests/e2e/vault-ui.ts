import type { Page } from 'playwright-core';

export const E2E_PASSPHRASE = 'lantern orchid monsoon ferry 42';

/** Creates a vault through the create screen, as a first-time user does. */
export async function createVaultThroughUi(page: Page, name = 'Notes', passphrase = E2E_PASSPHRASE): Promise<void> {
  await page.getByRole('heading', { name: 'Create a vault' }).waitFor();
  await page.getByLabel('Vault name').fill(name);
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByLabel('Type the passphrase again').fill(passphrase);
  await page.getByLabel('I understand that a lost passphrase cannot be recovered.').check();
  await page.getByRole('button', { name: 'Create vault' }).click();
}
