// The diary list grouped by company, in Chromium through browser mode, in the reader's language:
// the Thai interface groups Thai companies skipping their leading vowels and the Vietnamese one
// puts Á with A and Đ after D, the same order the companies page and its filter list use. Core
// pages the list in that order, so the groups come out whole however the windows are fetched.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, rpc, signIn, startWebServer, type WebServer } from './harness';
import { createVaultThroughUi } from './vault-ui';

const THAI = ['กสิกรไทย', 'แกรมมี่', 'ทรู คอร์ปอเรชั่น', 'ไทยพาณิชย์', 'เอไอเอส'];
const VIETNAMESE = ['Ánh Dương', 'Bảo Việt', 'Dệt May', 'Đông Á Bank', 'Zalo'];

describe('the diary grouped by company in the reader\'s language, in Chromium', () => {
  let server: WebServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startWebServer();
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 1400 } })).newPage();
    await signIn(page, server);
    await page.goto(`${server.origin}/diary?locale=en`);
    await createVaultThroughUi(page);
    await page.getByRole('heading', { name: 'Engagement diary' }).waitFor({ timeout: 30_000 });
    // Saved in an order that is neither the Thai nor the Vietnamese one, two entries each.
    for (const [i, name] of [...THAI, ...VIETNAMESE].reverse().entries()) {
      const company = await rpc<{ id: string }>(page, 'companies.save', { name, sector: 'other' });
      for (const day of [1, 2]) await rpc(page, 'engagements.save', { occurredAt: `2026-0${1 + (i % 9)}-1${day}T09:00:00Z`, companyId: company.id, channel: 'call', title: `${name} ${day}` });
    }
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** The companies of the list's rows, each once, in the order the groups appear. */
  async function groups(): Promise<string[]> {
    const list = page.getByTestId('entry-list');
    await expect.poll(() => list.locator('.entry-row:not(.pending)').count(), { timeout: 30_000 }).toBe(20);
    const names = await list.locator('.entry-row strong').allTextContents();
    return names.filter((name, i) => names[i - 1] !== name);
  }

  it.each([
    ['th', THAI],
    ['vi', VIETNAMESE],
  ])('groups the entries in %s order', async (code, expected) => {
    await page.goto(`${server.origin}/diary?sort=company&locale=${code}`);
    const order = await groups();
    // Each company is one group, and the script's companies are in the language's order.
    expect(order).toHaveLength(10);
    expect(order.filter((name) => expected.includes(name))).toEqual(expected);
  });
});
