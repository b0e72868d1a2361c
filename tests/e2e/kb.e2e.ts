import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { compileKb } from '../../electron/core/kb/compile/compile-kb';
import { tempDir } from '../helpers/temp';
import { foreignRequests, launchChromium, recordRequests, screenshot, SESSION_STORAGE_KEY, startWebServer, type WebServer } from './harness';

describe('the knowledge base in browser mode', () => {
  let server: WebServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let requests: string[];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startWebServer();
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    requests = recordRequests(context);
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && pageErrors.push(message.text()));
    await page.goto(server.url);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const searchBox = () => page.getByRole('combobox', { name: 'Search the knowledge base' });

  async function search(query: string) {
    await searchBox().fill(query);
    await page.locator(`[role="listbox"][data-query="${query}"]`).waitFor({ state: 'attached' });
  }

  it('starts from an entry point on Home and lands on the six principles', async () => {
    await page.getByRole('link', { name: /Planning to engage a tech company\?/ }).click();
    await page.waitForURL(`${server.origin}/kb/sections/safe-engagement`);
    await page.getByRole('heading', { name: 'Six Principles for Responsible Engagement' }).waitFor();
    await screenshot(page, 'kb-reader');
  });

  it('focuses search with "/" and opens principle 02 as the first result, scrolled to and highlighted', async () => {
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('/');
    expect(await searchBox().evaluate((element) => element === document.activeElement)).toBe(true);
    await search('who to contact at the platform');
    const first = page.locator('[role="listbox"] [role="option"]').first();
    expect(await first.textContent()).toContain('02 Engage the Right People');
    await screenshot(page, 'kb-search-results');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/kb\/sections\/safe-engagement\?q=.*#02-engage-the-right-people$/);
    const heading = page.locator('[id="02-engage-the-right-people"]');
    await expect.poll(() => heading.getAttribute('class')).toContain('kb-passage-highlight');
    const passage = page.locator('.kb-passage-highlight');
    expect(await passage.count()).toBe(2); // the heading and its paragraph
    expect(await passage.nth(1).textContent()).toContain('Target teams responsible for human rights');
    const box = await heading.boundingBox();
    expect(box && box.y >= 0 && box.y < 800).toBe(true);
    await screenshot(page, 'kb-passage-highlighted');
  });

  it('moves through results with the arrow keys and filters by kind', async () => {
    await page.keyboard.press('Control+K');
    expect(await searchBox().evaluate((element) => element === document.activeElement)).toBe(true);
    await page.getByRole('combobox', { name: 'Search the knowledge base' }).press('Control+A');
    await page.getByLabel('Search in').selectOption('framework');
    await search('OECD complain');
    const options = page.locator('[role="listbox"] [role="option"]');
    expect(await options.count()).toBeGreaterThan(0);
    for (const text of await options.allTextContents()) expect(text.startsWith('Framework')).toBe(true);
    await searchBox().press('ArrowDown');
    expect(await options.nth(1).getAttribute('aria-selected')).toBe('true');
    await page.getByLabel('Search in').selectOption('all');
    await search('zzqqxx');
    await page.getByText('Nothing matches “zzqqxx”.').waitFor();
    await screenshot(page, 'kb-search-empty');
    await searchBox().press('Escape');
  });

  it('filters the mechanism directory and opens a mechanism', async () => {
    await page.goto(`${server.origin}/kb/mechanisms`);
    await page.getByRole('heading', { name: 'Mechanism directory' }).waitFor();
    const cards = page.locator('.kb-directory > li');
    const all = await cards.count();
    await page.getByLabel('Use it to').selectOption('complaint-route');
    await expect.poll(() => cards.count()).toBeLessThan(all);
    for (const text of await cards.allTextContents()) expect(text).toContain('Complaint route');
    await page.getByLabel('Reach').selectOption('national');
    await page.getByRole('status').filter({ hasText: 'mechanisms shown' }).waitFor();
    await screenshot(page, 'kb-directory-filtered');
    await page.getByLabel('Reach').selectOption('all');
    await page.getByRole('link', { name: 'OECD National Contact Points (NCPs)' }).click();
    await page.waitForURL(`${server.origin}/kb/mechanisms/oecd-ncp`);
    await page.getByRole('heading', { name: 'How to use it' }).waitFor();
    expect(await page.getByRole('complementary', { name: 'Not verified' }).count()).toBe(1);
    await page.getByRole('link', { name: 'Using Findings for Advocacy & Accountability' }).waitFor();
    await screenshot(page, 'kb-mechanism');
  });

  it('sorts and filters the frameworks table', async () => {
    await page.goto(`${server.origin}/kb/frameworks`);
    await page.getByRole('heading', { name: 'Human rights frameworks' }).waitFor();
    await page.getByLabel('Scope').selectOption('asean');
    // The four ASEAN frameworks the toolkit names and the three the app adds (AHRD, data protection, AI guide).
    await expect.poll(() => page.locator('.kb-table > tbody > tr').count()).toBe(7);
    await page.getByRole('button', { name: /Framework/ }).click();
    const names = await page.locator('.kb-table > tbody > tr > th').allTextContents();
    expect(names[0]!.startsWith('Article') || names[0]!.startsWith('ASEAN')).toBe(true);
    expect(await page.locator('th[aria-sort="descending"]').count()).toBe(1);
  });

  it('made no request to any host but 127.0.0.1 and raised no page errors', () => {
    expect(foreignRequests(requests)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});

describe('hostile Markdown in the knowledge base', () => {
  let root: string;
  let child: ReturnType<typeof spawn>;
  let browser: Browser;

  // A copy of the built app whose knowledge base was compiled from sources carrying payloads.
  beforeAll(async () => {
    root = tempDir('kb-hostile-');
    fs.cpSync('resources', path.join(root, 'resources'), { recursive: true });
    const conclusion = path.join(root, 'resources/kb/sections/08-conclusion.md');
    fs.appendFileSync(
      conclusion,
      [
        '',
        'Payload one <script>window.pwned = 1</script> and <img src="x" onerror="window.pwned = 2">.',
        '',
        '<iframe src="https://example.org/"></iframe>',
        '',
        '[a javascript link](javascript:window.pwned=3) and [a data link](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
        '',
        '![tracker](https://tracker.example/pixel.png)',
        '',
      ].join('\n'),
    );
    compileKb(path.join(root, 'resources/kb'), path.join(root, 'out/kb'));
    fs.mkdirSync(path.join(root, 'out/server'), { recursive: true });
    fs.copyFileSync('out/server/index.js', path.join(root, 'out/server/index.js'));
    fs.symlinkSync(path.resolve('out/renderer'), path.join(root, 'out/renderer'));
    fs.symlinkSync(path.resolve('node_modules'), path.join(root, 'node_modules'));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    child?.kill('SIGTERM');
  });

  it('renders script, handlers, frames and dangerous links inert', async () => {
    child = spawn(process.execPath, [path.join(root, 'out/server/index.js'), '--no-open', '--data-dir', tempDir('kb-hostile-data-')], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('browser mode did not start')), 20_000);
      readline.createInterface({ input: child.stdout! }).on('line', (line) => {
        clearTimeout(timer);
        resolve((JSON.parse(line) as { url: string }).url);
      });
    });
    const context = await browser.newContext();
    const requests = recordRequests(context);
    const page = await context.newPage();
    await page.goto(url);
    // Let the page trade its single-use launch token before navigating on.
    await page.waitForFunction((key) => window.sessionStorage.getItem(key) !== null, SESSION_STORAGE_KEY);
    const origin = new URL(url).origin;
    await page.goto(`${origin}/kb/sections/conclusion`);
    await page.getByText('Payload one').waitFor();
    const report = await page.evaluate(() => {
      const prose = document.querySelector('.kb-prose')!;
      return {
        pwned: (window as unknown as { pwned?: number }).pwned ?? null,
        dangerous: prose.querySelectorAll('script, iframe, object, embed').length,
        handlers: [...prose.querySelectorAll('*')].flatMap((e) => [...e.attributes].map((a) => a.name)).filter((n) => n.startsWith('on')),
        hrefs: [...prose.querySelectorAll('a')].map((a) => a.getAttribute('href')),
      };
    });
    expect(report.pwned).toBeNull();
    expect(report.dangerous).toBe(0);
    expect(report.handlers).toEqual([]);
    for (const href of report.hrefs) expect(href === null || /^(https?:|mechanism:|framework:|#|\/)/.test(href)).toBe(true);
    await page.getByText('a javascript link').click();
    expect(page.url()).toBe(`${origin}/kb/sections/conclusion`);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned ?? null)).toBeNull();
    expect(foreignRequests(requests)).toEqual([]);
    await screenshot(page, 'kb-hostile-inert');
  });
});
