// The frameworks table in Chromium, in Thai and in Burmese: the entries are in the reader's
// language under the notice that no native speaker has reviewed them, with the English original one
// link away; a framework found by its translated name in the search box opens in the reader's language.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, screenshot, startWebServer, type WebServer } from './harness';

interface Catalogue {
  translation: { unreviewed: string; readEnglish: string; englishShown: string; backToTranslation: string };
  frameworks: { title: string; inEnglish: string };
}
const catalogue = (language: string) => JSON.parse(fs.readFileSync(`renderer/src/i18n/locales/${language}/kb.json`, 'utf8')) as Catalogue;
const translated = (language: string) =>
  (JSON.parse(fs.readFileSync(path.join('resources/kb/translations', language, 'frameworks.json'), 'utf8')) as {
    frameworks: Record<string, { name: string; protects: string; whyItMatters?: string }>;
  }).frameworks;
const ENGLISH = (JSON.parse(fs.readFileSync('resources/kb/frameworks.json', 'utf8')) as Array<{ id: string; name: string; protects: string }>).find(
  (f) => f.id === 'iccpr-17',
)!;

describe.each([
  { language: 'th', script: /[\u0E00-\u0E7F]/ },
  { language: 'my', script: /[\u1000-\u109F]/ },
])('the frameworks table in $language', ({ language, script }) => {
  const ui = catalogue(language);
  const entry = translated(language)['iccpr-17']!;
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
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the entries in the reader\'s language, each marked with its language, under the unreviewed notice', async () => {
    // ?locale= is the tab's preview language, allowed under test automation (i18n/index.ts).
    await page.goto(`${server.origin}/kb/frameworks/iccpr-17?locale=${language}`);
    await page.getByRole('heading', { name: ui.frameworks.title }).waitFor();
    const row = page.locator('#framework-iccpr-17');
    await expect.poll(() => row.locator('th').first().textContent()).toContain(entry.name);
    expect(await row.getAttribute('lang')).toBe(language);
    expect(await row.locator('td p').first().textContent()).toBe(entry.protects);
    expect(entry.protects).toMatch(script);
    const notice = page.locator('.kb-translation-notice').first();
    expect(await notice.textContent()).toContain(ui.translation.unreviewed);
    // The selected row opens: its translated reasons are shown, and nothing in it falls back to English.
    expect(await row.locator('details').getAttribute('open')).not.toBeNull();
    await row.getByText(entry.whyItMatters!).waitFor();
    expect(await row.getByText(ui.frameworks.inEnglish).count()).toBe(0);
    // Every row of the table comes back translated: no entry is left in English.
    expect(await page.locator('tbody tr[lang="en"]').count()).toBe(0);
    await screenshot(page, `kb-frameworks-${language}`);
  });

  it('filters by words in the reader\'s language', async () => {
    const word = entry.name.split(/\s+/)[0]!;
    await page.getByRole('searchbox').fill(word);
    await expect.poll(() => page.locator('#framework-iccpr-17').count()).toBe(1);
    await page.getByRole('searchbox').fill('');
  });

  it('finds a framework by its name in the reader\'s language, and opens it in that language', async () => {
    const query = translated(language)['santa-clara']!.name;
    const box = page.getByRole('combobox').first();
    await box.fill(query);
    await page.locator(`[role="listbox"][data-query="${query}"]`).waitFor({ state: 'attached' });
    await page.locator('[role="listbox"] [role="option"]', { hasText: query }).first().click();
    await page.waitForURL(/\/kb\/frameworks\/santa-clara/);
    expect(page.url()).not.toMatch(/lang=en/);
    const row = page.locator('#framework-santa-clara');
    await expect.poll(() => row.getAttribute('lang')).toBe(language);
    expect(await row.locator('td p').first().textContent()).toBe(translated(language)['santa-clara']!.protects);
    await page.goto(`${server.origin}/kb/frameworks/iccpr-17?locale=${language}`);
    await page.locator('#framework-iccpr-17').waitFor();
  });

  it('shows the English original from the notice, and goes back to the translation', async () => {
    await page.getByRole('link', { name: ui.translation.readEnglish }).first().click();
    await page.waitForURL(/lang=en/);
    const row = page.locator('#framework-iccpr-17');
    await expect.poll(() => row.locator('td p').first().textContent()).toBe(ENGLISH.protects);
    expect(await row.getAttribute('lang')).toBeNull();
    expect(await page.getByText(ui.translation.unreviewed).count()).toBe(0);
    await page.getByText(ui.translation.englishShown).waitFor();
    await page.getByRole('link', { name: ui.translation.backToTranslation }).click();
    await expect.poll(() => row.locator('td p').first().textContent()).toBe(entry.protects);
    expect(pageErrors).toEqual([]);
  });
});
