// Choosing and changing a passphrase in Chromium against browser mode: the strength estimate and
// its advice are shown, a weak passphrase cannot be submitted, and a change gives the vault a new
// key (the keyfile copied before the change opens nothing afterwards).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foreignRequests, openSignedInPage, rpc, screenshot, type SignedInPage } from './harness';
import { createVaultThroughUi, E2E_PASSPHRASE } from './vault-ui';

const NEXT = 'harbour quilt saffron engine 17';

describe('choosing and changing a passphrase', () => {
  let s: SignedInPage;

  beforeAll(async () => {
    s = await openSignedInPage();
  });

  afterAll(async () => {
    await s?.close();
  });

  it('shows the estimate with advice and keeps "Create vault" disabled for password1234', async () => {
    const { page, server } = s;
    await page.goto(`${server.origin}/settings`);
    await page.getByRole('heading', { name: 'Create a vault' }).waitFor();
    await page.getByLabel('Vault name').fill('Notes');
    await page.getByLabel('Passphrase', { exact: true }).fill('password1234');
    await page.getByLabel('Type the passphrase again').fill('password1234');
    await page.getByLabel('I understand that a lost passphrase cannot be recovered.').check();
    await page.getByText('Strength: Weak').waitFor();
    await page.getByText(/Not strong enough yet/).waitFor();
    expect(await page.getByText(/four or more words chosen at random/).count()).toBeGreaterThan(0);
    expect(await page.getByRole('button', { name: 'Create vault' }).isDisabled()).toBe(true);
    await screenshot(page, 'passphrase-too-weak');
    await page.reload();
    await createVaultThroughUi(page);
    await page.getByLabel('Current passphrase').waitFor({ timeout: 30_000 });
  });

  it('changes the passphrase to a new key: the keyfile from before no longer opens the vault', async () => {
    const { page, server } = s;
    const [vault] = await rpc<Array<{ id: string }>>(page, 'vault.list', null);
    const keyfile = path.join(server.dataDir, 'vaults', vault!.id, 'keyfile.json');
    const before = fs.readFileSync(keyfile, 'utf8');

    const form = page.getByRole('form', { name: 'Change passphrase' });
    await form.getByLabel('Current passphrase').fill(E2E_PASSPHRASE);
    await form.getByLabel('New passphrase').fill('password1234');
    await form.getByLabel('Type the passphrase again').fill('password1234');
    await form.getByText('Strength: Weak').waitFor();
    expect(await form.getByRole('button', { name: 'Change passphrase' }).isDisabled()).toBe(true);
    await form.getByLabel('New passphrase').fill(NEXT);
    await form.getByLabel('Type the passphrase again').fill(NEXT);
    await form.getByText('Strength: Strong').waitFor();
    await form.getByRole('button', { name: 'Change passphrase' }).click();
    await page.getByText(/now use a new key under the new passphrase/).waitFor({ timeout: 30_000 });

    // The old keyfile put back, with the old passphrase: the key it unwraps no longer reads the vault.
    await rpc(page, 'vault.lock', null);
    const after = fs.readFileSync(keyfile, 'utf8');
    expect(JSON.parse(after).wrappedKey).not.toBe(JSON.parse(before).wrappedKey);
    fs.writeFileSync(keyfile, before);
    await expect(rpc(page, 'vault.unlock', { id: vault!.id, passphrase: E2E_PASSPHRASE })).rejects.toThrow(/damaged/);
    fs.writeFileSync(keyfile, after);
    await rpc(page, 'vault.unlock', { id: vault!.id, passphrase: NEXT });
    expect(foreignRequests(s.requests)).toEqual([]);
  });
});
