import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, signIn, startWebServer, type WebServer } from './harness';

// The router catches what a screen throws while loading. The way it breaks in practice: browser
// mode is stopped while the tab stays open, and the next page's code can no longer be fetched.
describe('the frame around every screen', () => {
  let server: WebServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startWebServer();
    browser = await launchChromium();
    page = await browser.newPage();
    await signIn(page, server);
    await page.getByRole('heading', { level: 1, name: 'Welcome' }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('asks before an outside address with Cancel focused, though Cancel is no longer focused as the first screen mounts', async () => {
    await page.locator('main a[href^="https://"]').first().click();
    const dialog = page.getByRole('dialog', { name: 'Open an outside website?' });
    await dialog.waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  });

  it('says so in place of the whole screen, with a way back, when the server stopped before its code was fetched', async () => {
    await server.stop();
    // Plans' code was never fetched (Home's address preloads only Home's).
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Plans', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'This screen could not be loaded' }).waitFor();
    // The whole screen: no half-drawn frame of the app around it.
    expect(await page.locator('.app-header').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Try again' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Go to Home' }).getAttribute('href')).toBe('/');
  });
});
