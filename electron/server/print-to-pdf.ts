// PDF exports in browser mode (and tests): Debian's Chromium driven by playwright-core prints the
// export's self-contained HTML. One browser is started on first use and closed after a minute
// idle; each export gets a fresh context whose every network request is aborted.
import type { Browser } from 'playwright-core';
import type { PdfPage, PrintToPdf } from '../core/exports/pdf';

// Headless, and none of Chromium's own background traffic (component updates, sync, QUIC probes).
// The end-to-end harness launches Chromium with the same switches.
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
const IDLE_MS = 60_000;

export interface ChromiumPrinter {
  printToPdf: PrintToPdf;
  close(): Promise<void>;
}

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function chromiumPrinter(executablePath = CHROMIUM_PATH): ChromiumPrinter {
  let browser: Promise<Browser> | null = null;
  let idle: ReturnType<typeof setTimeout> | undefined;
  let busy = 0;

  const launch = async (): Promise<Browser> => {
    // Loaded on first export only: browser mode starts without it.
    const { chromium } = await import('playwright-core');
    const started = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
    started.on('disconnected', () => (browser = null));
    return started;
  };

  const close = async () => {
    clearTimeout(idle);
    const current = browser;
    browser = null;
    if (current) await (await current).close().catch(() => undefined);
  };

  const printToPdf: PrintToPdf = async (html: string, page: PdfPage) => {
    clearTimeout(idle);
    busy++;
    try {
      browser ??= launch();
      const context = await (await browser).newContext({ javaScriptEnabled: false, offline: true });
      try {
        await context.route('**/*', (route) => route.abort());
        const tab = await context.newPage();
        await tab.setContent(html, { waitUntil: 'load' });
        return await tab.pdf({
          format: 'A4',
          printBackground: true,
          displayHeaderFooter: true,
          headerTemplate: page.headerTemplate,
          footerTemplate: page.footerTemplate,
          margin: page.margins,
        });
      } finally {
        await context.close();
      }
    } catch (error) {
      browser = null;
      throw error;
    } finally {
      busy--;
      if (busy === 0) idle = setTimeout(() => void close(), IDLE_MS).unref() as ReturnType<typeof setTimeout>;
    }
  };

  return { printToPdf, close };
}
