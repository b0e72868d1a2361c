import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { foreignRequests, launchChromium, recordRequests, screenshot, startWebServer, type WebServer } from './harness';

describe('the app shell in browser mode', () => {
  let server: WebServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let requests: string[];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startWebServer();
    browser = await launchChromium();
    context = await browser.newContext();
    requests = recordRequests(context);
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && pageErrors.push(`${message.text()} ${message.location().url}`));
    page.on('response', (response) => response.status() >= 400 && pageErrors.push(`${response.status()} ${response.url()}`));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('opens from the printed URL and drops the token from the address bar', async () => {
    await page.goto(server.url);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    expect(page.url()).toBe(`${server.origin}/`);
    expect(page.url()).not.toContain(server.token);
  });

  it('visits every page through the navigation', async () => {
    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const [label, path] of [
      ['Knowledge base', '/kb'],
      ['Diary', '/diary'],
      ['Plans', '/plans'],
      ['Assessments', '/assessments'],
      ['Settings', '/settings'],
      ['Home', '/'],
    ] as const) {
      await nav.getByRole('link', { name: label, exact: true }).click();
      await page.waitForURL(`${server.origin}${path}`);
      await page.getByRole('heading').first().waitFor();
      await screenshot(page, `shell-${label.toLowerCase().replace(/\s+/g, '-')}`);
    }
  });

  it('shows browser mode and the data folder on the Settings page', async () => {
    await page.goto(`${server.origin}/settings`);
    await expect.poll(() => page.getByText('Browser mode').count()).toBeGreaterThan(0);
    expect(await page.getByText(server.dataDir).count()).toBe(1);
  });

  it('offers a skip link as the first stop of the keyboard', async () => {
    await page.goto(`${server.origin}/`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent);
    expect(focused).toBe('Skip to main content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
  });

  it('shows an honest page for an unknown address', async () => {
    await page.goto(`${server.origin}/no-such-page`);
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
  });

  it('made no request to any host but 127.0.0.1 and raised no page errors', () => {
    expect(requests.length).toBeGreaterThan(5);
    expect(foreignRequests(requests)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
