// PDF exports in browser mode (and tests): Debian's Chromium driven by playwright-core prints the
// export's self-contained HTML.
//
// One locked-down browser context per printer (one per browser-mode session) serves every export:
// JavaScript off, offline, every request aborted. Each export gets a fresh page that has shown
// nothing but the app's own sample document, and the page is closed and the context's cookies
// cleared after it, so no export can see another's content. Starting a context per export cost
// 3–4× the print itself; readying the next page and closing the last happen between exports, off
// the export's path. The browser starts on first use and closes after a minute idle, or when the
// printer is closed (on lock).
import fs from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DomainError } from '../core/rpc/domain-error';
import type { PdfPage, PrintToPdf } from '../core/exports/pdf';
import { warmUpPrint } from '../core/exports/warm-up-print';

// A closed port on loopback: any request Chromium might still try goes nowhere, and with a proxy
// set Chromium resolves no host names itself, so there is no DNS lookup to leak either.
const DEAD_PROXY = '127.0.0.1:9';

// Headless, and none of Chromium's own background traffic (component updates, sync, field
// trials, QUIC probes, crash reports, domain reliability beacons). Playwright adds its own
// switches for the rest (its --disable-features list turns off optimisation hints, network time
// queries and search preconnects; passing another --disable-features would replace that list).
// The end-to-end harness launches Chromium with the same switches.
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-domain-reliability',
  '--disable-breakpad',
  '--disable-client-side-phishing-detection',
  '--no-first-run',
  '--no-pings',
  '--disable-quic',
  `--proxy-server=${DEAD_PROXY}`,
];
const IDLE_MS = 60_000;

export interface ChromiumPrinter {
  printToPdf: PrintToPdf;
  close(): Promise<void>;
}

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** What a user who has no Chromium can do about it. */
export function chromiumMissingMessage(executablePath: string): string {
  return (
    `PDF export needs Chromium, and none was found at ${executablePath}. ` +
    'Install it (on Debian or Ubuntu: sudo apt-get install chromium), or set CHROMIUM_PATH to a Chromium or Chrome program, then restart the workbench. ' +
    'Until then, export HTML and print it to PDF from your browser.'
  );
}

interface Session {
  browser: Browser;
  context: BrowserContext;
  /** A page readied ahead of the next export. */
  spare: Promise<Page> | null;
}

/** A page no export has used: the spare if there is one, else a new one. */
async function freshPage(session: Session): Promise<Page> {
  const spare = session.spare;
  session.spare = null;
  if (spare) {
    const page = await spare.catch(() => null);
    if (page && !page.isClosed()) return page;
  }
  return session.context.newPage();
}

/**
 * A new page with the app's own sample document printed on it (warm-up-print.ts). A fresh page's
 * first print cost twice the print of an already-used page (measured: 190 against 90 ms); after
 * this one, the export's costs 1.1-1.3× that.
 */
async function readiedPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  const sample = warmUpPrint();
  await print(page, sample.html, sample.page);
  return page;
}

async function print(tab: Page, html: string, page: PdfPage): Promise<Buffer> {
  await tab.setContent(html, { waitUntil: 'load' });
  // The export's fonts are data: URLs with font-display: block, decoded after 'load' when the
  // machine is busy; printed before then, text in them came out blank in the PDF.
  await tab.evaluate('document.fonts.ready.then(() => undefined)');
  return tab.pdf({
    format: 'A4',
    printBackground: true,
    // Tagged, with an outline from the headings, so screen readers can read and navigate it.
    tagged: true,
    outline: true,
    displayHeaderFooter: true,
    headerTemplate: page.headerTemplate,
    footerTemplate: page.footerTemplate,
    margin: page.margins,
  });
}

/** After an export: close its page, clear what a page could have left, ready the next page. */
async function tidyAfter(session: Session, used: Page): Promise<void> {
  await used.close();
  await session.context.clearCookies();
  if (session.spare) return;
  const spare = readiedPage(session.context);
  spare.catch(() => undefined);
  session.spare = spare;
}

export function chromiumPrinter(executablePath = CHROMIUM_PATH): ChromiumPrinter {
  let session: Promise<Session> | null = null;
  let idle: ReturnType<typeof setTimeout> | undefined;
  let busy = 0;

  const launch = async (): Promise<Session> => {
    if (!fs.existsSync(executablePath)) throw new DomainError('UNAVAILABLE', 'exports.chromiumMissing', chromiumMissingMessage(executablePath), { params: { path: executablePath } });
    // Loaded on first export only: browser mode starts without it.
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
    browser.on('disconnected', () => (session = null));
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true, serviceWorkers: 'block' });
    await context.route('**/*', (route) => route.abort());
    return { browser, context, spare: null };
  };

  const close = async () => {
    clearTimeout(idle);
    const current = session;
    session = null;
    if (current) await (await current).browser.close().catch(() => undefined);
  };

  const printToPdf: PrintToPdf = async (html: string, page: PdfPage) => {
    clearTimeout(idle);
    busy++;
    try {
      session ??= launch();
      const current = await session;
      const tab = await freshPage(current);
      try {
        return await print(tab, html, page);
      } finally {
        // Pages run no script and reach no network, so nothing can be stored; the cookies are
        // cleared all the same. A failure here only costs the spare page.
        void tidyAfter(current, tab).catch(() => undefined);
      }
    } catch (error) {
      if (!(error instanceof DomainError)) void close();
      else session = null;
      throw error;
    } finally {
      busy--;
      if (busy === 0) idle = setTimeout(() => void close(), IDLE_MS).unref() as ReturnType<typeof setTimeout>;
    }
  };

  return { printToPdf, close };
}
