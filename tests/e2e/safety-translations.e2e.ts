// The Safety page in each of its seven translations, in Chromium: the translation is shown under
// the notice that no native speaker has reviewed it, the notice says the English changed exactly
// when the hash the translation records is not that of docs/safety.md (hashed here in Node, in the
// page by the browser, so the two must agree on the bytes), and the English original one link
// away has as many list items as the translation.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, screenshot, startWebServer, type WebServer } from './harness';

const ROOT = path.resolve('resources/kb/translations');
const englishSha256 = crypto.createHash('sha256').update(fs.readFileSync('docs/safety.md')).digest('hex');
const languages = fs.readdirSync(ROOT).filter((language) => fs.existsSync(path.join(ROOT, language, 'safety.md')));

/** What a translation file says about itself, and the notice's words in its language. */
function expected(language: string) {
  const source = fs.readFileSync(path.join(ROOT, language, 'safety.md'), 'utf8');
  const words = JSON.parse(fs.readFileSync(`renderer/src/i18n/locales/${language}/kb.json`, 'utf8')) as {
    translation: { unreviewed: string; outdated: string; readEnglish: string };
  };
  return {
    title: /^# (.+)$/m.exec(source)![1]!,
    reviewed: /^reviewed: true$/m.test(source),
    outdated: /^sourceSha256: ([0-9a-f]{64})$/m.exec(source)?.[1] !== englishSha256,
    words: words.translation,
  };
}

describe('the Safety page in its translations', () => {
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

  it('has a translation in each of the seven languages besides English', () => {
    expect(languages.sort()).toEqual(['id', 'km', 'my', 'th', 'vi', 'zh-Hans', 'zh-Hant']);
  });

  it.each(languages)('%s: shows the translation with its notice, outdated only if the English changed, and the English one link away', async (language) => {
    const want = expected(language);
    // ?locale= is the tab's preview language, allowed under test automation (i18n/index.ts).
    await page.goto(`${server.origin}/safety?locale=${language}`);
    await page.waitForFunction((code) => document.documentElement.lang === code, language);
    const translated = page.locator(`main article div[lang="${language}"]`);
    await expect.poll(() => translated.locator('h1').first().textContent()).toBe(want.title);

    const notice = page.locator('main article .kb-translation-notice');
    const noticeText = (await notice.textContent()) ?? '';
    expect(noticeText.includes(want.words.unreviewed)).toBe(!want.reviewed);
    expect(noticeText.includes(want.words.outdated), `${language}: the page and docs/safety.md disagree on whether the English changed`).toBe(want.outdated);
    const translatedItems = await translated.locator('li').count();
    await screenshot(page, `safety-translation-${language}`);

    await notice.getByRole('link', { name: want.words.readEnglish }).click();
    const english = page.locator('main article div[lang="en"]');
    await english.locator('h1').first().waitFor();
    expect(await english.locator('li').count()).toBe(translatedItems);
    expect(pageErrors).toEqual([]);
  });
});
