// Journeys 2 and 3: log a meeting with two commitments, mark one kept, see the other overdue on the
// dashboard and in the company's ledger, and find it by a word in another script.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { foreignRequests, openSignedInPage, screenshot, type SignedInPage, type WebServer } from './harness';
import { createVaultThroughUi } from './vault-ui';

describe('the engagement diary in browser mode', () => {
  let app: SignedInPage;
  let server: WebServer;
  let page: Page;

  beforeAll(async () => {
    app = await openSignedInPage();
    ({ server, page } = app);
    await page.goto(`${server.origin}/diary`);
    await createVaultThroughUi(page);
    await page.getByRole('heading', { name: 'Engagement diary' }).waitFor({ timeout: 30_000 });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('shows an honest empty diary', async () => {
    await page.getByRole('heading', { name: 'No entries yet' }).waitFor();
  });

  it('creates a company with a contact', async () => {
    await page.getByRole('link', { name: 'Companies', exact: true }).click();
    await page.getByRole('link', { name: 'Add a company' }).first().click();
    await page.getByLabel('Name', { exact: true }).fill('Example Platform');
    await page.getByLabel('Headquarters country').fill('Japan');
    await page.getByLabel('Headquarters country').press('Enter');
    await page.getByRole('button', { name: 'Add a contact' }).click();
    await page.getByLabel('Contact name', { exact: true }).fill('Regional T&S lead');
    await page.getByRole('button', { name: 'Save company' }).click();
    await page.waitForURL(/\/diary\/companies\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: 'Example Platform' }).waitFor();
  });

  it('logs a call with concerns, two commitments and a follow-up, autosaving as it goes', async () => {
    await page.getByRole('link', { name: 'Log an engagement with this company' }).click();
    await page.getByLabel('Short title').fill('Video call with trust and safety');
    await page.getByLabel('Channel').selectOption('call');
    await page.getByLabel('Date and time').fill('2026-10-01T10:00');
    await page.getByLabel('Concerns raised').fill('Wrongful removals of independent media\nAccount restrictions\nReduced visibility');
    await page.getByRole('button', { name: 'Add a commitment' }).click();
    await page.locator('#commitment-0-text').fill('Review 40 flagged posts');
    await page.locator('#commitment-0-due').fill('2026-10-15');
    await page.getByRole('button', { name: 'Add a commitment' }).click();
    await page.locator('#commitment-1-text').fill('Name a regional escalation contact');
    await page.locator('#commitment-1-due').fill('2026-10-20');
    await page.getByLabel('Tags').fill('media, <img src=x onerror="window.pwned=3">');
    await page.locator('details[data-section="diary.followUps"] > summary').click();
    await page.getByRole('button', { name: 'Add a follow-up' }).click();
    await page.locator('#follow-up-0-text').fill('Send the case list');
    await page.getByLabel('Notes', { exact: true }).fill('Người dùng bị gỡ bỏ nội dung. 账号被封禁。 <img src=x onerror="window.pwned=1"> **bold**');
    await expect.poll(() => page.getByTestId('save-state').textContent()).toContain('Unsaved changes kept in the vault');
    // The preview renders Markdown and leaves the payload inert.
    expect(await page.getByTestId('notes-preview').locator('strong').textContent()).toBe('bold');
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    await page.keyboard.press('Control+s');
    await page.waitForURL(/\/diary\/entries\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('save-state').textContent()).toMatch(/Saved/);
    await screenshot(page, 'diary-entry');
  });

  it('marks one commitment kept and shows the other overdue on the dashboard and in the ledger', async () => {
    await page.locator('#commitment-0-status').selectOption('kept');
    await page.getByRole('button', { name: 'Save entry' }).click();
    await expect.poll(() => page.getByTestId('save-state').textContent()).toMatch(/Saved/);

    await page.getByRole('link', { name: 'Entries', exact: true }).click();
    const due = page.getByRole('region', { name: "What's due" });
    await due.getByText('Name a regional escalation contact').waitFor();
    expect(await due.getByText('Review 40 flagged posts').count()).toBe(0);
    await screenshot(page, 'diary-list');
    // The tag with markup is shown as text in the list, and nothing in it ran.
    await page.getByTestId('entry-list').getByText('<img src=x onerror="window.pwned=3">').waitFor();
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    await expect.poll(() => page.getByTestId('entry-list').getByText('Example Platform').count()).toBe(1);

    await due.getByRole('link', { name: 'Example Platform' }).first().click();
    await expect.poll(() => page.getByTestId('ledger-sentence').textContent()).toBe('2 made, 1 kept, 1 overdue.');
    await page.getByRole('list').filter({ hasText: 'Video call with trust and safety' }).first().waitFor();
    await screenshot(page, 'diary-company');
  });

  it('finds the entry from the one search box by a word in another script', async () => {
    for (const query of ['封禁', 'go bo noi dung']) {
      const box = page.getByRole('combobox', { name: 'Search the knowledge base and your records' });
      await box.fill(query);
      const records = page.getByRole('group', { name: 'My records' });
      await records.getByRole('option', { name: /Video call with trust and safety/ }).waitFor();
      expect(await records.locator('mark').count()).toBeGreaterThan(0);
    }
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/diary\/entries\//);
  });

  it('keeps every version and shows what changed', async () => {
    // The search above opened the entry.
    await page.getByRole('button', { name: 'History' }).click();
    await page.getByText('Version 2').waitFor();
    expect(await page.locator('.diff-new').count()).toBeGreaterThan(0);
  });

  it('made no request to any host but 127.0.0.1', () => {
    expect(foreignRequests(app.requests)).toEqual([]);
    expect(app.pageErrors).toEqual([]);
  });
});
