// A Thai reader types years in the Buddhist era. In real Chromium, with the interface in Thai and
// the browser's own locale Thai: 2569 typed into a date field, as a whole date or into the field's
// own year part, is stored as 2026 and the field says so; a year between 2201 and 2399, which
// could be either era by centuries, is refused with the message giving both readings, and the
// field keeps the date it had, so the entry saved holds no year 543 years off.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium, rpc, signIn, startWebServer, type WebServer } from './harness';
import { messagesIn } from './languages-i18n';
import { createVaultThroughUi } from './vault-ui';

/** Puts the caret on the field's first part. */
async function caretAtStart(page: Page, field: Locator): Promise<void> {
  await field.click();
  for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowLeft');
}

/** Puts the caret on the second part of the field: not where a date starts. */
async function caretInTheMiddle(page: Page, field: Locator): Promise<void> {
  await caretAtStart(page, field);
  await page.keyboard.press('ArrowRight');
}

/** Puts the caret on the year, the third part whether the layout is day or month first. */
async function caretOnTheYear(page: Page, field: Locator): Promise<void> {
  await caretAtStart(page, field);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
}

const validationMessage = (field: Locator) => field.evaluate((input: HTMLInputElement) => input.validationMessage);

describe('Buddhist-era years typed into date fields in Thai, in Chromium', () => {
  let server: WebServer;
  let browser: Browser;
  let page: Page;
  let t: TFunction;
  let companyId = '';

  beforeAll(async () => {
    t = await messagesIn('th');
    server = await startWebServer();
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'th-TH' })).newPage();
    await signIn(page, server);
    // Created in English (the harness's helper reads English words); the entry is written in Thai.
    await page.goto(`${server.origin}/diary?locale=en`);
    await createVaultThroughUi(page);
    await page.getByRole('heading', { name: 'Engagement diary' }).waitFor({ timeout: 30_000 });
    companyId = (await rpc<{ id: string }>(page, 'companies.save', { name: 'Example Platform', sector: 'social-media' })).id;
    // ?locale= is the tab's preview language, allowed under test automation (i18n/index.ts).
    await page.goto(`${server.origin}/diary/new?companyId=${companyId}&locale=th`);
    await page.getByLabel(t('diary:editor.titleField'), { exact: true }).fill('ประชุมกับทีมความปลอดภัย');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('th');
    await page.getByRole('button', { name: t('diary:editor.addCommitment') }).click();
    await page.locator('#commitment-0-text').fill('ทบทวนโพสต์ที่ถูกลบ');
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const converted = () => t('common:dates.buddhistYear', { typed: 2569, year: 2026 });
  const ambiguous = (year: number) => t('common:dates.ambiguousYear', { year, common: year - 543, buddhist: year + 543, now: new Date().getFullYear() + 543 });

  it('stores 2569 typed as a whole date as 2026, and the field says so', async () => {
    const due = page.locator('#commitment-0-due');
    await caretInTheMiddle(page, due);
    await page.keyboard.type('30/11/2569');
    await expect.poll(() => due.inputValue()).toBe('2026-11-30');
    expect(await due.getAttribute('title')).toBe(converted());
    expect(await page.locator('#date-era-status').textContent()).toBe(converted());
    expect(await validationMessage(due)).toBe('');
  });

  it('refuses 2300 typed as a whole date with both readings, and keeps the date the field had', async () => {
    const due = page.locator('#commitment-0-due');
    await caretInTheMiddle(page, due);
    await page.keyboard.type('15/01/2300');
    await expect.poll(() => validationMessage(due)).toBe(ambiguous(2300));
    expect(ambiguous(2300)).toContain('1757');
    expect(ambiguous(2300)).toContain('2843');
    expect(await due.inputValue()).toBe('2026-11-30');
  });

  it('reads a year typed into the field\'s own year part the same way', async () => {
    const due = page.locator('#commitment-0-due');
    await caretOnTheYear(page, due);
    await page.keyboard.type('2300');
    await expect.poll(() => validationMessage(due)).toBe(ambiguous(2300));
    expect(await due.inputValue()).toBe('2026-11-30');
    await caretOnTheYear(page, due);
    await page.keyboard.type('2570');
    await expect.poll(() => due.inputValue()).toBe('2027-11-30');
    expect(await due.getAttribute('title')).toBe(t('common:dates.buddhistYear', { typed: 2570, year: 2027 }));
    expect(await validationMessage(due)).toBe('');
  });

  it('takes a Buddhist-era date and time in the entry\'s date-and-time field, and refuses an unclear one there too', async () => {
    const when = page.locator('#occurredAt');
    await caretInTheMiddle(page, when);
    await page.keyboard.type('30/11/2569 14:05');
    await expect.poll(() => when.inputValue()).toBe('2026-11-30T14:05');
    await caretInTheMiddle(page, when);
    await page.keyboard.type('01/12/2350 09:00');
    await expect.poll(() => validationMessage(when)).toBe(ambiguous(2350));
    expect(await when.inputValue()).toBe('2026-11-30T14:05');
  });

  it('saves the entry with the Common Era dates and no year 543 off', async () => {
    await page.getByRole('button', { name: t('diary:editor.save'), exact: true }).click();
    await page.waitForURL(/\/diary\/entries\/[0-9a-f-]{36}/, { timeout: 30_000 });
    const id = /entries\/([0-9a-f-]{36})/.exec(page.url())![1]!;
    const entry = await rpc<{ occurredAt: string; commitments: Array<{ dueDate: string | null }> }>(page, 'engagements.get', { id });
    expect(entry.commitments.map((c) => c.dueDate)).toEqual(['2027-11-30']);
    // Kept in UTC; typed as 14:05 in the browser's time zone on 30 November 2026.
    expect(new Date(entry.occurredAt).getTime()).toBe(new Date(2026, 10, 30, 14, 5).getTime());
  });
});
