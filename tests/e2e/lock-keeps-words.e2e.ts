// Words typed a moment before a lock or panic are in the vault afterwards: every change reaches
// core at once and core writes it as the vault locks. Panic still blanks the page in the same
// frame; the time it takes is measured here next to a panic with nothing pending.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, signIn, startWebServer, type WebServer } from './harness';
import { createVaultThroughUi, E2E_PASSPHRASE } from './vault-ui';

declare global {
  interface Window {
    reportPanic?: (event: { blankMs: number }) => void;
  }
}

describe('locking right after typing', () => {
  let server: WebServer;
  let browser: Browser;
  let page: Page;
  const panics: Array<{ blankMs: number }> = [];

  beforeAll(async () => {
    server = await startWebServer();
    browser = await launchChromium();
    page = await (await browser.newContext()).newPage();
    await page.exposeFunction('reportPanic', (event: { blankMs: number }) => void panics.push(event));
    await signIn(page, server);
    await page.goto(`${server.origin}/diary/companies/new`);
    await createVaultThroughUi(page);
    await page.getByLabel('Name', { exact: true }).fill('Example Platform');
    await page.getByRole('button', { name: 'Save company' }).click();
    await page.waitForURL(/\/diary\/companies\/[0-9a-f-]{36}$/);
    await page.getByRole('link', { name: 'Log an engagement with this company' }).click();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function unlock(): Promise<void> {
    await page.getByLabel('Passphrase').fill(E2E_PASSPHRASE);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByLabel('Purpose').waitFor();
  }

  /** Times from the panic key to the page turning blank, in the page's own clock. */
  async function watchPanic(): Promise<void> {
    await page.evaluate(() => {
      // The app's own listener runs first and blanks the page; this one runs after it, so the
      // key's time comes from the event itself (when the browser dispatched it).
      let pressedAt = 0;
      let blankAt = 0;
      const report = () => {
        if (pressedAt && blankAt) window.reportPanic?.({ blankMs: blankAt - pressedAt });
      };
      window.addEventListener(
        'keydown',
        (event) => {
          if (!(event.ctrlKey && event.shiftKey && event.key.toLowerCase() === 'h')) return;
          pressedAt = event.timeStamp;
          report();
        },
        { capture: true },
      );
      new MutationObserver((_, observer) => {
        if (document.documentElement.style.visibility !== 'hidden') return;
        observer.disconnect();
        blankAt = performance.now();
        report();
      }).observe(document.documentElement, { attributes: true });
    });
  }

  it('keeps words typed just before Ctrl+Shift+L', async () => {
    const purpose = page.getByLabel('Purpose');
    await purpose.fill('Raise the removals');
    // No pause: the delayed draft save has not run when the lock key arrives.
    await purpose.pressSequentially(' of independent media', { delay: 5 });
    await purpose.press('Control+Shift+L');
    await page.getByRole('button', { name: 'Unlock' }).waitFor();
    await unlock();
    await expect.poll(() => page.getByLabel('Purpose').inputValue()).toBe('Raise the removals of independent media');
  });

  it('keeps words typed just before panic, and the page blanks at once', async () => {
    // Baseline: panic with nothing pending.
    await watchPanic();
    await page.keyboard.press('Control+Shift+H');
    await page.waitForURL(`${server.origin}/neutral`);
    await page.goto(`${server.origin}/diary/new`);
    await unlock();

    await watchPanic();
    const purpose = page.getByLabel('Purpose');
    await purpose.fill('');
    await purpose.pressSequentially('Ask for the escalation contact', { delay: 5 });
    await purpose.press('Control+Shift+H');
    await page.waitForURL(`${server.origin}/neutral`);
    await page.goto(`${server.origin}/diary/new`);
    await unlock();
    await expect.poll(() => page.getByLabel('Purpose').inputValue()).toBe('Ask for the escalation contact');

    expect(panics).toHaveLength(2);
    const [baseline, withWords] = panics as [{ blankMs: number }, { blankMs: number }];
    console.log(JSON.stringify({ name: 'panic to blank page, nothing pending', value: Number(baseline.blankMs.toFixed(1)), unit: 'ms' }));
    console.log(JSON.stringify({ name: 'panic to blank page, words pending', value: Number(withWords.blankMs.toFixed(1)), unit: 'ms' }));
    expect(withWords.blankMs - baseline.blankMs).toBeLessThan(100);
    expect(withWords.blankMs).toBeLessThan(100);
  });
});
