// "Verify integrity" from Settings in Chromium against browser mode: a new vault with an entry
// verifies, the head hash shown is the one core computes, and the report is still there after the
// user worked elsewhere. Tampering is covered by the core and component tests, which can open the
// encrypted file with its key.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openSignedInPage, rpc, screenshot, type SignedInPage, type WebServer } from './harness';
import { createVaultThroughUi } from './vault-ui';

describe('Verify integrity in browser mode', () => {
  let app: SignedInPage;
  let server: WebServer;
  let page: Page;

  beforeAll(async () => {
    app = await openSignedInPage();
    ({ server, page } = app);
    await page.goto(`${server.origin}/settings`);
    await createVaultThroughUi(page);
    // The vault's part of Settings appears once the new vault is open.
    await page.getByRole('heading', { name: 'Verify integrity' }).waitFor({ timeout: 30_000 });
    const company = await rpc<{ id: string }>(page, 'companies.save', { name: 'Example Platform', sector: 'social-media', hqCountry: 'JP', policies: '', contacts: [] });
    await rpc(page, 'engagements.save', { occurredAt: '2026-10-01T10:00:00.000Z', companyId: company.id, channel: 'call', notes: 'Raised wrongful removals' });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('verifies the chain and shows the head hash core computes', async () => {
    await page.getByRole('button', { name: 'Verify integrity', exact: true }).click();
    const report = page.getByTestId('integrity-report');
    await report.getByText(/^Verified: every saved version is intact/).waitFor();
    const shown = await report.getByTestId('integrity-head-hash').textContent();
    expect(shown).toMatch(/^[0-9a-f]{64}$/);
    // Nothing was saved since, so checking again through the API gives the same head.
    const { headHash, checked, records } = await rpc<{ headHash: string; checked: number; records: number }>(page, 'integrity.verify', null);
    expect(shown).toBe(headHash);
    expect([checked, records]).toEqual([2, 2]);
    expect(await report.textContent()).toContain('Versions checked2Records compared with their last version2');
    await screenshot(page, 'integrity-verified');
  });

  it('keeps the report while the user works elsewhere', async () => {
    await page.getByRole('link', { name: 'Diary', exact: true }).first().click();
    await page.getByRole('heading', { name: 'Engagement diary' }).waitFor();
    await page.getByRole('link', { name: 'Settings', exact: true }).first().click();
    await page.getByTestId('integrity-report').getByText(/^Verified:/).waitFor();
    expect(app.pageErrors).toEqual([]);
  });
});
