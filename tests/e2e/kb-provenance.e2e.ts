import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { foreignRequests, launchChromium, recordRequests, screenshot, startWebServer, type WebServer } from './harness';

// What a defender sees before choosing a route: what it exposes, how current the entry is, whether
// the toolkit or the app says so, and who to call when something goes wrong.
describe('exposure, currency and party status in the knowledge base', () => {
  let server: WebServer;
  let browser: Browser;
  let page: Page;
  let requests: string[];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startWebServer();
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    requests = recordRequests(context);
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(server.url);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows on a Special Procedures entry what is published, when, with whose names, and a lapsed mandate as lapsed', async () => {
    await page.goto(`${server.origin}/kb/mechanisms/sr-freedom-of-expression`);
    const exposure = page.getByRole('region', { name: 'What using it exposes, and to whom' });
    await exposure.waitFor();
    expect(await exposure.textContent()).toMatch(/60 days/);
    expect(await exposure.textContent()).toMatch(/victims are normally named/);
    await page.getByText('In the toolkit', { exact: true }).waitFor();
    await page.getByText(/^Checked /).first().waitFor();
    // Irene Khan's term ended in July 2026: the entry says so instead of naming her as the holder.
    await page.getByText(/No longer current/).waitFor();
    expect(await page.locator('article').textContent()).not.toMatch(/has held the mandate since 1 August 2020/);
    await screenshot(page, 'kb-mechanism-exposure');
  });

  it('marks entries the app added, and shows which States can be taken to the Human Rights Committee', async () => {
    await page.goto(`${server.origin}/kb/mechanisms/human-rights-committee`);
    await page.getByText('Added by this app', { exact: true }).waitFor();
    const vietnam = page.locator('tr[data-iso2="VN"]');
    await vietnam.waitFor();
    expect(await vietnam.textContent()).toMatch(/Party since 1982.*Not a party/);
    expect(await page.locator('tr[data-iso2="CN"]').textContent()).toContain('Signed, not ratified');
    await page.getByText(/Companies are expected to respect these rights regardless/).first().waitFor();
    await screenshot(page, 'kb-party-status');
  });

  it('shows exposure on every directory card, and filters what the toolkit names from what the app added', async () => {
    await page.goto(`${server.origin}/kb/mechanisms`);
    const cards = page.locator('.kb-directory > li');
    await cards.first().waitFor();
    const texts = await cards.allTextContents();
    expect(texts.length).toBeGreaterThanOrEqual(46);
    for (const text of texts) expect(text).toContain('What becomes public:');
    await page.getByLabel('Named by').selectOption('app');
    await expect.poll(() => cards.count()).toBeLessThan(texts.length);
    for (const text of await cards.allTextContents()) expect(text).toContain('Added by this app');
    await page.getByLabel('Named by').selectOption('toolkit');
    await expect.poll(async () => (await cards.allTextContents()).every((text) => text.includes('In the toolkit'))).toBe(true);
  });

  it('lists who to call on the Safety page, as text with no links', async () => {
    await page.goto(`${server.origin}/safety`);
    const section = page.getByRole('region', { name: 'When something goes wrong: who to call' });
    await section.waitFor();
    const names = await section.locator('dt').allTextContents();
    expect(names).toEqual(expect.arrayContaining(['Access Now Digital Security Helpline', 'Front Line Defenders', 'Digital First Aid Kit']));
    expect(names.some((name) => name.startsWith('CIVICUS'))).toBe(true);
    expect(await section.locator('a').count()).toBe(0);
    await screenshot(page, 'safety-who-to-call');
  });

  it('made no request to any host but 127.0.0.1 and raised no page errors', () => {
    expect(foreignRequests(requests)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
