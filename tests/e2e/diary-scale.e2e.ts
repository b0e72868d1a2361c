// The diary list reaches every entry of a large vault: 20,001 entries (one more than the list
// used to stop at) are written straight into a real encrypted vault file before browser mode opens
// it, then the list in Chromium must count them all, let Tab walk down its rows, show the oldest
// at the very end of the scroll, and jump to a date; the due dashboard pages through the 300
// commitments they left overdue.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page, Request } from 'playwright-core';
import { EngagementDraft, type Engagement } from '@shared/api/diary';
import { EventBus } from '../../electron/core/events';
import { insertOrReplaceCompany, insertOrReplaceEngagement } from '../../electron/core/diary/repository';
import { VaultService } from '../../electron/core/vault/service';
import { tempDir } from '../helpers/temp';
import { TEST_KDF } from '../helpers/core';
import { launchChromium, startWebServer, type WebServer } from './harness';
import { E2E_PASSPHRASE } from './vault-ui';

const COUNT = 20_001;
const FIRST_DAY = Date.UTC(2020, 0, 1, 9, 0);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const OVERDUE = 300;

/** Rows as the diary writes them (the list reads only these), without revisions or search entries. */
async function largeVault(): Promise<string> {
  const dataDir = tempDir('workbench-diary-scale-');
  const vault = new VaultService({ dataDir, events: new EventBus(), kdf: TEST_KDF });
  await vault.create('Large diary', E2E_PASSPHRASE);
  const db = vault.database();
  const at = new Date(FIRST_DAY).toISOString();
  const company = { id: crypto.randomUUID(), name: 'Example Platform', sector: 'social-media' as const, hqCountry: '', policies: '', contacts: [], createdAt: at, updatedAt: at };
  db.transaction(() => {
    insertOrReplaceCompany(db, company);
    for (let i = 0; i < COUNT; i++) {
      const occurredAt = new Date(FIRST_DAY + i * HOUR).toISOString();
      // Entries no other test looks at each left a commitment, long overdue: a pile the due dashboard pages through.
      const n = i - 1_000;
      const commitments = n >= 0 && n < OVERDUE ? [{ id: crypto.randomUUID(), text: `Overdue commitment ${n + 1}`, dueDate: new Date(FIRST_DAY + n * DAY).toISOString().slice(0, 10) }] : [];
      const draft = EngagementDraft.parse({ occurredAt, companyId: company.id, channel: 'meeting', title: `Entry number ${i + 1}`, commitments });
      const engagement: Engagement = { ...draft, id: crypto.randomUUID(), attachments: [], createdAt: occurredAt, updatedAt: occurredAt };
      insertOrReplaceEngagement(db, engagement);
    }
  })();
  vault.lock('user');
  return dataDir;
}

describe('a diary of 20,001 entries in browser mode', () => {
  let server: WebServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startWebServer(await largeVault());
    browser = await launchChromium();
    page = await (await browser.newContext()).newPage();
    await page.goto(server.url);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.goto(`${server.origin}/diary`);
    await page.getByRole('heading', { name: 'Unlock' }).waitFor({ timeout: 30_000 });
    await page.getByLabel('Passphrase').fill(E2E_PASSPHRASE);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByRole('heading', { name: 'Engagement diary' }).waitFor({ timeout: 30_000 });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('counts every entry and shows the newest first', async () => {
    const list = page.getByTestId('entry-list');
    await list.getByRole('listitem').first().waitFor({ timeout: 30_000 });
    await page.getByRole('status').filter({ hasText: /^20,?001 entries$/ }).waitFor();
    await list.getByText(new RegExp(`Entry number ${COUNT}$`)).waitFor();
    // Virtualised: a few dozen rows in the page, not twenty thousand.
    expect(await list.getByRole('listitem').count()).toBeLessThan(100);
  });

  it('opens the diary address with its code preloaded and asks for the first rows once, before the vault status', async () => {
    // The page sent for the address preloads the diary's code, not Home's.
    const html = await (await page.request.get(`${server.origin}/diary`)).text();
    expect(html).toMatch(/<link rel="modulepreload"[^>]*href="\/assets\/DiaryPage-[\w-]+\.js"/);
    expect(html).not.toContain('HomePage-');

    // Off the app first: a call the earlier page still makes must not count as this load's.
    await page.goto('about:blank');
    const calls: string[] = [];
    const onRequest = (request: Request) => {
      if (request.url().includes('/rpc/')) calls.push(`${request.url().split('/rpc/')[1]} ${request.postData() ?? ''}`);
    };
    page.on('request', onRequest);
    await page.goto(`${server.origin}/diary`);
    await page.getByTestId('entry-list').getByText(new RegExp(`Entry number ${COUNT}$`)).waitFor({ timeout: 30_000 });
    page.off('request', onRequest);
    // Asked for while the page's code was still arriving, and taken by the list instead of asked again.
    const firstWindow = calls.filter((call) => call.startsWith('engagements.list') && call.includes('"offset":0'));
    expect(firstWindow).toHaveLength(1);
    // Before the vault status, whenever this load asks for it.
    const firstRows = calls.indexOf(firstWindow[0]!);
    const status = calls.findIndex((call) => call.startsWith('vault.status '));
    if (status >= 0) expect(firstRows).toBeLessThan(status);
  });

  it('asks for the vault status before the page first renders, and shows the open vault and its first rows in its first render', async () => {
    // In the page, before its scripts: when each call left, and when React first replaced the static shell.
    const context = await browser.newContext();
    const probe = await context.newPage();
    await probe.addInitScript(() => {
      const marks: { calls: Array<[string, number]>; rendered?: number; rowsAtRender?: boolean } = { calls: [] };
      (window as unknown as { __marks: typeof marks }).__marks = marks;
      const original = window.fetch;
      window.fetch = function (input: RequestInfo | URL, init?: RequestInit) {
        const url = input instanceof Request ? input.url : String(input);
        if (url.includes('/rpc/')) marks.calls.push([url.split('/rpc/')[1]!, performance.now()]);
        return original.call(this, input, init);
      };
      new MutationObserver(() => {
        const root = document.getElementById('root');
        if (marks.rendered === undefined && root && !root.querySelector(':scope > div[aria-hidden="true"]')) {
          marks.rendered = performance.now();
          marks.rowsAtRender = root.querySelector('[data-testid="entry-list"] [aria-posinset="1"]') !== null;
        }
      }).observe(document, { childList: true, subtree: true });
    });
    // The tab's session, as the main page has it.
    const token = await page.evaluate(() => sessionStorage.getItem('workbench.session'));
    await probe.goto(`${server.origin}/neutral`);
    await probe.evaluate((value) => sessionStorage.setItem('workbench.session', value!), token);
    await probe.goto(`${server.origin}/diary`);
    await probe.getByTestId('entry-list').getByText(new RegExp(`Entry number ${COUNT}$`)).waitFor({ timeout: 30_000 });
    const marks = await probe.evaluate(() => (window as unknown as { __marks: { calls: Array<[string, number]>; rendered: number; rowsAtRender: boolean } }).__marks);
    // The first render waited for the first answers: it drew the list with its rows, not a loading line first.
    expect(marks.rowsAtRender).toBe(true);
    const statusCalls = marks.calls.filter(([method]) => method === 'vault.status');
    expect(statusCalls.length).toBeGreaterThan(0);
    expect(statusCalls[0]![1]).toBeLessThan(marks.rendered);
    // The open vault showed without the list of vaults, which only the unlock screen needs, being
    // asked again after the first render.
    expect(marks.calls.filter(([method, at]) => method === 'vault.list' && at > marks.rendered)).toEqual([]);
    await context.close();
  });

  it('shows every item of a long overdue pile on the due dashboard, a page at a time', async () => {
    await page.getByRole('button', { name: `Show all ${OVERDUE}` }).click();
    const all = page.getByRole('list', { name: `Overdue (${OVERDUE})` });
    await all.getByText('Overdue commitment 1', { exact: true }).waitFor({ timeout: 30_000 });
    // Oldest due first; the last item arrives with the pages the scroll asks for.
    await all.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
    await all.getByText(`Overdue commitment ${OVERDUE}`, { exact: true }).waitFor({ timeout: 30_000 });
    expect(await all.getByRole('listitem').count()).toBeLessThan(50);
    await page.getByRole('button', { name: 'Show fewer' }).click();
  });

  it('moves through the rows with the Tab key past those first put in the page', async () => {
    // About 25 rows are in the page at first; each row focused scrolls into view and brings the next ones.
    const list = page.getByTestId('entry-list');
    await list.locator('[aria-posinset="1"]').focus();
    for (let i = 0; i < 40; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-posinset'))).toBe('41');
    expect(await list.evaluate((element) => element.scrollTop)).toBeGreaterThan(0);
  });

  it('reaches the oldest entry at the end of the scroll', async () => {
    const list = page.getByTestId('entry-list');
    await list.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
    const last = list.locator(`[aria-posinset="${COUNT}"]`);
    await expect.poll(() => last.textContent(), { timeout: 30_000 }).toMatch(/Entry number 1$/);
    expect(await last.getAttribute('aria-setsize')).toBe(String(COUNT));
  });

  it('jumps to a date in the middle', async () => {
    // Newest first, a day starts at its latest entry: the last hour of that day.
    const day = '2021-02-21';
    const latestThatDay = Math.floor((Date.parse(`${day}T23:59:59Z`) - FIRST_DAY) / HOUR) + 1;
    await page.getByLabel('Go to date').fill(day);
    await page.getByRole('button', { name: 'Go', exact: true }).click();
    const row = page.getByTestId('entry-list').locator('[aria-posinset]').filter({ hasText: new RegExp(`Entry number ${latestThatDay}$`) });
    await row.waitFor({ timeout: 30_000 });
    const position = Number(await row.getAttribute('aria-posinset'));
    expect(position).toBe(COUNT - latestThatDay + 1);
  });

  it('jumps back to the newest entry from the middle', async () => {
    // From the middle, where the jump above left the list, back to its first row.
    const list = page.getByTestId('entry-list');
    expect(await list.evaluate((element) => element.scrollTop)).toBeGreaterThan(0);
    const newestDay = new Date(FIRST_DAY + (COUNT - 1) * HOUR).toISOString().slice(0, 10);
    await page.getByLabel('Go to date').fill(newestDay);
    await page.getByRole('button', { name: 'Go', exact: true }).click();
    await expect.poll(() => list.evaluate((element) => element.scrollTop), { timeout: 30_000 }).toBe(0);
    await expect.poll(() => list.locator('[aria-posinset="1"]').textContent()).toMatch(new RegExp(`Entry number ${COUNT}$`));
  });
});
