// Date and date-and-time fields in Chromium take a whole date typed in one go with the caret in
// the middle of the field, or pasted: "2026-11-30 14:05" into the diary's "Date and time",
// "30/11/2026" into a due date. Chromium alone would scramble the first and ignore a paste.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium, rpc, signIn, startWebServer, type WebServer } from './harness';
import { createVaultThroughUi } from './vault-ui';

/** A paste as the browser delivers it, with the text on the clipboard. */
function paste(field: Locator, text: string): Promise<boolean> {
  return field.evaluate((input, value) => {
    const data = new DataTransfer();
    data.setData('text/plain', value);
    const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
    input.dispatchEvent(event);
    return event.defaultPrevented;
  }, text);
}

/** Puts the caret on the second part of the field: not where a date starts. */
async function caretInTheMiddle(page: Page, field: Locator): Promise<void> {
  await field.click();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowRight');
}

describe('typing and pasting whole dates in Chromium', () => {
  let server: WebServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startWebServer();
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' })).newPage();
    await signIn(page, server);
    await page.goto(`${server.origin}/diary`);
    await createVaultThroughUi(page);
    await page.getByRole('heading', { name: 'Engagement diary' }).waitFor({ timeout: 30_000 });
    const company = await rpc<{ id: string }>(page, 'companies.save', { name: 'Example Platform', sector: 'social-media' });
    await page.goto(`${server.origin}/diary/new?companyId=${company.id}`);
    await page.getByLabel('Short title').waitFor({ timeout: 30_000 });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('takes a date and time typed in one go into a date-and-time field, wherever the caret is', async () => {
    const when = page.getByLabel('Date and time', { exact: true });
    await caretInTheMiddle(page, when);
    await page.keyboard.type('2026-11-30 14:05');
    await expect.poll(() => when.inputValue()).toBe('2026-11-30T14:05');
    // Only a date, day first as it is unambiguous: the time stays.
    await caretInTheMiddle(page, when);
    await page.keyboard.type('29/10/2026');
    await expect.poll(() => when.inputValue()).toBe('2026-10-29T14:05');
  });

  it('takes a pasted date and time, and leaves a paste that is not a date alone', async () => {
    const when = page.getByLabel('Date and time', { exact: true });
    expect(await paste(when, '30/11/2026 09:15')).toBe(true);
    expect(await when.inputValue()).toBe('2026-11-30T09:15');
    expect(await paste(when, 'next Tuesday')).toBe(false);
    expect(await when.inputValue()).toBe('2026-11-30T09:15');
  });

  it('takes a whole date typed or pasted into a date field, month first in an American locale', async () => {
    await page.getByRole('button', { name: 'Add a commitment' }).click();
    const due = page.locator('#commitment-0-due');
    await caretInTheMiddle(page, due);
    await page.keyboard.type('30/11/2026');
    await expect.poll(() => due.inputValue()).toBe('2026-11-30');
    await caretInTheMiddle(page, due);
    await page.keyboard.type('11/03/2026');
    await expect.poll(() => due.inputValue()).toBe('2026-11-03');
    expect(await paste(due, '2026-12-24T18:00:00')).toBe(true);
    expect(await due.inputValue()).toBe('2026-12-24');
  });

  it('saves the typed date with the entry', async () => {
    await page.getByLabel('Short title').fill('Typed dates');
    await page.locator('#commitment-0-text').fill('Reply in writing');
    await page.keyboard.press('Control+s');
    await page.waitForURL(/\/diary\/entries\/[0-9a-f-]{36}$/);
    const id = page.url().split('/').pop()!;
    const saved = await rpc<{ occurredAt: string; commitments: Array<{ dueDate: string }> }>(page, 'engagements.get', { id });
    expect(saved.commitments[0]!.dueDate).toBe('2026-12-24');
    expect(new Date(saved.occurredAt).getTime()).toBe(new Date('2026-11-30T09:15').getTime());
  });
});
