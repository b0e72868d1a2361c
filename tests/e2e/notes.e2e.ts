// Notes in Chromium against browser mode: write one from the Notes page with Markdown, a tag and a
// link to a company; the preview renders Markdown and leaves a script inert; Home lists it; the
// search box finds it without diacritics; an edit keeps the earlier version in its history; a
// company's page lists its notes and starts a new one; and the list pages through a year of notes
// a page at a time. Nothing leaves 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { foreignRequests, openSignedInPage, rpc, screenshot, type SignedInPage, type WebServer } from './harness';
import { createVaultThroughUi } from './vault-ui';

const TITLE = 'Đọc dự thảo nghị định an ninh mạng';

describe('notes in browser mode', () => {
  let app: SignedInPage;
  let server: WebServer;
  let page: Page;
  let noteUrl = '';
  let companyId = '';

  beforeAll(async () => {
    app = await openSignedInPage();
    ({ server, page } = app);
    await page.goto(`${server.origin}/notes`);
    await createVaultThroughUi(page);
    await page.getByRole('heading', { name: 'Notes', exact: true }).waitFor({ timeout: 30_000 });
    companyId = (await rpc<{ id: string }>(page, 'companies.save', { name: 'Example Platform', sector: 'social-media' })).id;
  });

  afterAll(async () => {
    await app?.close();
  });

  it('reaches Notes from the navigation and shows an honest empty list', async () => {
    await page.goto(`${server.origin}/`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Notes' }).click();
    await page.waitForURL(/\/notes$/);
    await page.getByRole('heading', { name: 'No notes yet' }).waitFor();
  });

  it('writes a note with Markdown, tags and a company link, previews it safely and saves it', async () => {
    await page.getByRole('link', { name: 'New note' }).click();
    await page.getByLabel('Title').fill(TITLE);
    await page.getByLabel('Note', { exact: true }).fill('# Điều 8\n\nGỡ bỏ **trong 24 giờ**.\n\n<img src=x onerror="window.pwned=1">');
    await page.getByLabel('Tags').fill('policy, decree');
    await page.getByLabel('Company').selectOption({ label: 'Example Platform' });
    await page.getByRole('button', { name: 'Show preview' }).click();
    const preview = page.getByRole('region', { name: 'Preview of the note' });
    await preview.getByRole('heading', { name: 'Điều 8' }).waitFor();
    expect(await preview.locator('strong').textContent()).toBe('trong 24 giờ');
    expect(await preview.locator('img').count()).toBe(0);
    await expect.poll(() => page.getByTestId('save-state').textContent()).toContain('Unsaved changes kept in the vault');
    await page.getByRole('button', { name: 'Save note' }).click();
    await page.waitForURL(/\/notes\/[0-9a-f-]{36}$/);
    noteUrl = page.url();
    await expect.poll(() => page.getByTestId('save-state').textContent()).toMatch(/^Saved/);
    expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
    await page.getByRole('link', { name: 'Open the company' }).waitFor();
    await screenshot(page, 'notes-editor');
  });

  it('lists it on Home among the recent notes', async () => {
    await page.goto(`${server.origin}/`);
    const recent = page.getByRole('region', { name: 'Recent notes' });
    await recent.getByRole('link', { name: TITLE }).click();
    await page.waitForURL(noteUrl);
  });

  it('is found by the search box without diacritics', async () => {
    await page.keyboard.press('Control+k');
    await page.keyboard.type('nghi dinh an ninh');
    const hit = page.getByRole('option', { name: new RegExp(TITLE) });
    await hit.waitFor();
    expect(await hit.textContent()).toContain('Note');
  });

  it('keeps the earlier version in its history after an edit', async () => {
    await page.goto(noteUrl);
    await page.getByLabel('Note', { exact: true }).fill('Replaced after the consultation.');
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.getByTestId('save-state').textContent()).toMatch(/^Saved/);
    const id = noteUrl.split('/').at(-1)!;
    const history = await rpc<Array<{ version: number; content: { body: string } }>>(page, 'history.list', { entity: 'note', id });
    expect(history.map((r) => r.version)).toEqual([1, 2]);
    expect(history[0]!.content.body).toContain('Gỡ bỏ **trong 24 giờ**.');
    expect((await rpc<{ ok: boolean }>(page, 'integrity.verify', null)).ok).toBe(true);
  });

  it("lists the notes about a company on its page, and starts a new one there with the company chosen", async () => {
    await page.goto(`${server.origin}/diary/companies/${companyId}`);
    await page.getByRole('region', { name: 'Notes about this company' }).getByRole('link', { name: TITLE }).waitFor();
    await page.getByRole('link', { name: 'Write a note about this company' }).click();
    await page.waitForURL(`**/notes/new?companyId=${companyId}`);
    await expect.poll(() => page.getByLabel('Company').inputValue()).toBe(companyId);
    expect(await page.getByLabel('Title').inputValue()).toBe('');
  });

  it('pages through a year of notes, filters by tag, and keeps every note once', async () => {
    for (let i = 0; i < 120; i++) await rpc(page, 'notes.save', { title: `Reading ${String(i).padStart(3, '0')}`, tags: i % 3 === 0 ? ['decree'] : ['other'] });
    await page.goto(`${server.origin}/notes`);
    const rows = page.getByRole('list', { name: 'Notes' }).getByRole('listitem');
    await expect.poll(() => rows.count()).toBe(50);
    expect(await page.getByRole('status').filter({ hasText: 'of 121 notes' }).textContent()).toBe('50 of 121 notes');
    await page.getByRole('button', { name: 'Show more notes' }).click();
    await expect.poll(() => rows.count()).toBe(100);
    await page.getByRole('button', { name: 'Show more notes' }).click();
    await expect.poll(() => rows.count()).toBe(121);
    expect(await page.getByRole('button', { name: 'Show more notes' }).count()).toBe(0);
    const titles = await rows.locator('.note-row-title').allTextContents();
    expect(new Set(titles).size).toBe(121);
    expect(titles[0]).toBe('Reading 119');

    await page.getByLabel('Tag').selectOption('decree');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'notes' }).textContent()).toBe('41 of 41 notes');
    expect(foreignRequests(app.requests)).toEqual([]);
    expect(app.pageErrors).toEqual([]);
  });
});
