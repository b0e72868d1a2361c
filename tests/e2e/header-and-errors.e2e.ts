// The header on a wide and a small window, the status pill and banner when browser mode's server
// stops, a failed save announced where the user looks, the app's own page for a screen that
// cannot load, and the theme chosen for this device. Figures are printed as JSON lines.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openSignedInPage, rpc, screenshot, type SignedInPage } from './harness';
import { createVaultThroughUi } from './vault-ui';

/**
 * The header's height and how many rows its items sit on: items of one row share a vertical
 * centre (the header centres them), so distinct centres, 4 px apart or more, count the rows.
 */
async function measureHeader(page: Page): Promise<{ height: number; rows: number; items: string[] }> {
  return page.evaluate(() => {
    const header = document.querySelector('.app-header')!;
    const centres: number[] = [];
    const items: string[] = [];
    for (const child of Array.from(header.children)) {
      const box = child.getBoundingClientRect();
      if (box.height === 0 || box.width === 0) continue;
      const centre = box.top + box.height / 2;
      items.push(`${child.className} ${Math.round(box.left)},${Math.round(box.top)} ${Math.round(box.width)}x${Math.round(box.height)}`);
      if (!centres.some((seen) => Math.abs(seen - centre) < 4)) centres.push(centre);
    }
    return { height: header.getBoundingClientRect().height, rows: centres.length, items };
  });
}

const figure = (name: string, value: number, unit: string) => console.log(JSON.stringify({ name, value: Math.round(value * 10) / 10, unit }));

describe('header, status and errors in browser mode', () => {
  let app: SignedInPage;
  let page: Page;
  /** A new diary entry for a company, so Save has all it needs. */
  let newEntry: string;

  beforeAll(async () => {
    app = await openSignedInPage();
    page = app.page;
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${app.server.origin}/diary`);
    await createVaultThroughUi(page, 'Header');
    await page.getByRole('button', { name: 'Lock', exact: true }).waitFor();
    const company = await rpc<{ id: string }>(page, 'companies.save', { name: 'Example Platform', sector: 'other' });
    newEntry = `${app.server.origin}/diary/new?companyId=${company.id}`;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('keeps the header to one row at 1280 px with every section in view', async () => {
    await page.goto(newEntry);
    await page.locator('.save-bar').waitFor();
    const header = await measureHeader(page);
    figure('header rows at 1280x800', header.rows, 'rows');
    figure('header height at 1280x800', header.height, 'px');
    expect(header.rows, header.items.join('; ')).toBe(1);
    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const name of ['Home', 'Knowledge base', 'Diary', 'Plans', 'Assessments', 'Notes', 'Safety', 'Settings']) {
      expect(await nav.getByRole('link', { name, exact: true }).isVisible(), name).toBe(true);
    }
    expect(await page.getByRole('button', { name: 'Menu' }).isVisible()).toBe(false);
    await screenshot(page, 'header-1280');
  });

  it('fits header and save bar in a fifth of an 800x600 window, with the search box and a menu of every section', async () => {
    await page.setViewportSize({ width: 800, height: 600 });
    try {
      await smallWindow();
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  });

  async function smallWindow() {
    await page.goto(newEntry);
    await page.locator('.save-bar').waitFor();
    const header = await measureHeader(page);
    const saveBar = await page.locator('.save-bar').evaluate((bar) => bar.getBoundingClientRect().height);
    figure('header rows at 800x600', header.rows, 'rows');
    figure('header height at 800x600', header.height, 'px');
    figure('save bar height at 800x600', saveBar, 'px');
    figure('header and save bar share of 800x600', ((header.height + saveBar) / 600) * 100, '%');
    expect(header.rows, header.items.join('; ')).toBeLessThanOrEqual(2);
    expect(header.height + saveBar).toBeLessThanOrEqual(600 * 0.2);

    // The search box is in view and usable without opening anything.
    const search = page.getByRole('combobox', { name: 'Search the knowledge base and your records' });
    const box = (await search.boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(120);
    expect(box.x + box.width).toBeLessThanOrEqual(800);

    // The sections sit behind a Menu button that says whether it is open, and Escape closes it.
    const menu = page.getByRole('button', { name: 'Menu' });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link', { name: 'Plans', exact: true }).isVisible()).toBe(false);
    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await screenshot(page, 'header-800-menu');
    await page.keyboard.press('Escape');
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Menu');

    // By keyboard: open, go to a section; the menu closes on arrival.
    await page.keyboard.press('Enter');
    await nav.getByRole('link', { name: 'Plans', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`${app.server.origin}/plans`);
    await expect.poll(() => menu.getAttribute('aria-expanded')).toBe('false');
  }

  it('names the panic button for what it does', async () => {
    expect(await page.getByRole('button', { name: 'Hide and lock', exact: true }).count()).toBe(1);
  });

  it('shows a failed save in the save bar and at the top, with the draft kept', async () => {
    await page.goto(newEntry);
    await page.getByLabel('Short title').fill('Call that will not save');
    await expect.poll(() => page.getByTestId('save-state').textContent()).toContain('Unsaved changes kept in the vault');
    // The connection drops for this one request only, as a flaky local server would.
    await page.route('**/rpc/engagements.save', (route) => route.abort('connectionrefused'));
    await page.getByRole('button', { name: /^Save/ }).first().click();
    const banner = page.getByTestId('save-failed');
    await banner.waitFor();
    const text = (await banner.textContent()) ?? '';
    expect(text).toContain('Not saved.');
    expect(text).toContain('kept as an unsaved draft in the vault');
    expect(text).toContain('press Save again');
    expect(await page.getByTestId('save-state').textContent()).toBe('Not saved');
    // The banner sits under the header, in view without scrolling.
    const top = (await banner.boundingBox())!.y;
    expect(top).toBeLessThan(150);
    await screenshot(page, 'save-failed');
    await page.unroute('**/rpc/engagements.save');
    await page.keyboard.press('Control+s');
    await page.waitForURL(/\/diary\/entries\/[0-9a-f-]{36}$/);
    await expect.poll(() => banner.count()).toBe(0);
  });

  it('shows the app’s own page with a way back when a screen cannot load', async () => {
    await page.goto(`${app.server.origin}/`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    // The code of the Assessments screen fails to arrive.
    await page.route(/\/assets\/AssessmentsPage-[\w-]+\.js$/, (route) => route.abort('failed'));
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Assessments', exact: true }).click();
    await page.getByRole('heading', { name: 'This screen could not be loaded' }).waitFor();
    expect(await page.textContent('body')).not.toMatch(/Unexpected Application Error|Hey developer|Error:/);
    await page.unroute(/\/assets\/AssessmentsPage-[\w-]+\.js$/);
    await page.getByRole('link', { name: 'Go to Home' }).click();
    await page.waitForURL(`${app.server.origin}/`);
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
  });

  it('keeps a light or dark choice on this device, outside the vault', async () => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(`${app.server.origin}/settings`);
    const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    const light = await background();
    await page.getByRole('radio', { name: 'Dark' }).check();
    const dark = await background();
    expect(dark).not.toBe(light);
    await page.reload();
    await page.getByRole('radio', { name: 'Dark' }).waitFor();
    expect(await page.getByRole('radio', { name: 'Dark' }).isChecked()).toBe(true);
    expect(await background()).toBe(dark);
    expect(await page.evaluate(() => window.localStorage.getItem('workbench.theme'))).toBe('dark');
    await page.getByRole('radio', { name: 'Follow the system' }).check();
    expect(await background()).toBe(light);
    expect(await page.evaluate(() => window.localStorage.getItem('workbench.theme'))).toBeNull();
  });

  it('takes a whole date typed into a date field with the caret on the day', async () => {
    await page.goto(`${app.server.origin}/diary`);
    const from = page.locator('#filter-from');
    await from.click();
    // Home on the first part of the field, then one part to the right: not where a date starts.
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.type('2026-10-15');
    await expect.poll(() => from.inputValue()).toBe('2026-10-15');
    await from.click();
    await page.keyboard.type('20250301');
    await expect.poll(() => from.inputValue()).toBe('2025-03-01');
  });

  it('turns the status pill red and says so on the page at once when the server stops, and offers no save', async () => {
    await page.goto(newEntry);
    await page.getByLabel('Short title').fill('Typed while the server stops');
    const pill = page.getByTestId('status-pill');
    expect(await pill.textContent()).toContain('Offline');
    const stoppedAt = Date.now();
    await app.server.stop();
    await page.getByTestId('server-gone').waitFor({ timeout: 10_000 });
    figure('server stopped to banner on screen', Date.now() - stoppedAt, 'ms');
    expect(await pill.textContent()).toContain('Server stopped');
    const colour = await pill.evaluate((el) => getComputedStyle(el).color);
    expect(colour).toBe('rgb(164, 38, 44)');
    expect(await page.getByTestId('save-state').textContent()).toBe('Not saved: the workbench server is not answering');
    expect(await page.getByRole('button', { name: /^Save/ }).first().isDisabled()).toBe(true);
    await screenshot(page, 'server-gone');
  });
});
