// The translated knowledge base in Chromium: with the UI in Vietnamese, a Vietnamese question
// typed without diacritics finds the Vietnamese passage, which opens in Vietnamese under the
// notice that no native speaker has reviewed it, with the English original one link away.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, screenshot, startWebServer, type WebServer } from './harness';

const VI = {
  unreviewed: 'Bản dịch chưa được người bản ngữ duyệt lại',
  readEnglish: 'Đọc bản gốc tiếng Anh',
  englishShown: 'Bạn đang đọc bản gốc tiếng Anh.',
  backToTranslation: 'Quay lại bản dịch',
};

/** The first heading of docs/safety.md, which the page shows in English. */
const ENGLISH_SAFETY_TITLE = /^# (.+)$/m.exec(fs.readFileSync('docs/safety.md', 'utf8'))![1];

describe('the knowledge base in Vietnamese', () => {
  let server: WebServer;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startWebServer();
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(server.url);
    await page.locator('main h1').first().waitFor();
    // ?locale= is the tab's preview language, allowed under test automation (i18n/index.ts).
    await page.goto(`${server.origin}/?locale=vi`);
    await page.waitForFunction(() => document.documentElement.lang === 'vi');
    await page.locator('main h1').first().waitFor();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('finds a Vietnamese question typed without diacritics and opens the Vietnamese passage with the notice', async () => {
    const query = 'lam sao lien he dung nguoi o cong ty';
    const box = page.getByRole('combobox').first();
    await box.fill(query);
    await page.locator(`[role="listbox"][data-query="${query}"]`).waitFor({ state: 'attached' });
    const first = page.locator('[role="listbox"] [role="option"]').first();
    expect(await first.textContent()).toContain('02 Làm việc với đúng người');
    await screenshot(page, 'kb-vi-search-results');
    await box.press('Enter');
    await page.waitForURL(/\/kb\/sections\/safe-engagement\?.*lang=vi.*#02-engage-the-right-people$/);

    const article = page.locator('article.kb-article');
    await expect.poll(() => article.getAttribute('lang')).toBe('vi');
    await page.getByText(VI.unreviewed).waitFor();
    const heading = page.locator('[id="02-engage-the-right-people"]');
    expect(await heading.textContent()).toBe('02 Làm việc với đúng người');
    await expect.poll(() => heading.getAttribute('class')).toContain('kb-passage-highlight');
    await screenshot(page, 'kb-vi-translated-passage');
  });

  it('shows the English original from the notice, at the same passage, and goes back to the translation', async () => {
    await page.getByRole('link', { name: VI.readEnglish }).first().click();
    await page.waitForURL(/lang=en.*#02-engage-the-right-people$/);
    const article = page.locator('article.kb-article');
    await expect.poll(() => article.getAttribute('lang')).toBe('en');
    const heading = page.locator('[id="02-engage-the-right-people"]');
    await expect.poll(() => heading.textContent()).toBe('02 Engage the Right People');
    expect(await page.getByText(VI.unreviewed).count()).toBe(0);
    await page.getByText(VI.englishShown).waitFor();
    await screenshot(page, 'kb-vi-english-original');

    await page.getByRole('link', { name: VI.backToTranslation }).click();
    await expect.poll(() => heading.textContent()).toBe('02 Làm việc với đúng người');
  });

  it('shows a mechanism\'s how-to steps in Vietnamese with the notice, and the English steps on request', async () => {
    await page.goto(`${server.origin}/kb/mechanisms/upr?locale=vi`);
    const steps = page.locator('ol.kb-steps');
    await steps.waitFor();
    expect(await steps.getAttribute('lang')).toBe('vi');
    expect(await steps.locator('li').first().textContent()).toMatch(/^Đăng ký/);
    expect(await page.getByText(VI.unreviewed).count()).toBeGreaterThan(0);
    await page.getByRole('link', { name: VI.readEnglish }).first().click();
    await expect.poll(() => steps.locator('li').first().textContent()).toMatch(/^Register on OHCHR/);
  });

  it('shows the Safety page in Vietnamese with the notice, and the English original on request', async () => {
    await page.goto(`${server.origin}/safety?locale=vi`);
    const title = page.locator('main article h1').first();
    await expect.poll(() => title.textContent()).toBe('An toàn');
    await page.getByText(VI.unreviewed).waitFor();
    await screenshot(page, 'kb-vi-safety');
    await page.getByRole('link', { name: VI.readEnglish }).first().click();
    await expect.poll(() => title.textContent()).toBe(ENGLISH_SAFETY_TITLE);
    await page.getByText(VI.englishShown).waitFor();
    expect(pageErrors).toEqual([]);
  });
});
