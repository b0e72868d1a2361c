// Waiting for a page's own milestones without putting anything of Playwright into the page. A
// locator (or page.evaluate's utility world) injects Playwright's script, whose tens of
// milliseconds on the page's thread land in the middle of what is being timed; this asks over
// CDP instead, with a short expression that polls the marks an init script records in
// window.__marks.
import type { CDPSession, Page } from 'playwright-core';
import { childrenAtRest, REST_LIMIT_S } from './process-rest';

/** How often the page looks at its marks: the most a wall-clock time waits after the mark. */
export const POLL_MS = 20;

/** The page's first contentful paint and its marks, from navigation start. */
export type PageMarks = { fcp: number } & Record<string, number | undefined>;

/**
 * Resolves once the page has painted (first contentful paint) and recorded every one of `marks`,
 * to that paint and every mark. A navigation still committing when it is asked may take the
 * question with the old document; it is then asked again of the new one.
 */
export async function settledMarks(cdp: CDPSession, marks: string[] = []): Promise<PageMarks> {
  const expression = `new Promise((resolve) => {
    const check = () => {
      const recorded = window.__marks || {};
      const paint = performance.getEntriesByName('first-contentful-paint')[0];
      if (paint && ${JSON.stringify(marks)}.every((mark) => recorded[mark] !== undefined)) resolve({ fcp: paint.startTime, ...recorded });
      else setTimeout(check, ${POLL_MS});
    };
    check();
  })`;
  for (let attempt = 0; ; attempt++) {
    try {
      const answer = (await cdp.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true })) as {
        result: { value?: PageMarks };
        exceptionDetails?: unknown;
      };
      if (answer.result.value) return answer.result.value;
      throw new Error('the page gave no marks');
    } catch (error) {
      if (attempt >= 2) throw error;
    }
  }
}

/**
 * Waits until the page has done what it does after its first screen (the fonts of other scripts,
 * the dashboards and filters of the diary, catalogues fetched when idle): the bench's child
 * processes (the browser's and browser mode's server) at rest, then an idle moment of the page's
 * own thread. Left running, that work landed inside the next load's timings: Home's
 * after-first-screen stylesheet alone took 18 ms of style on the page's thread, and at 100,000
 * entries the server was still answering the diary's later calls when the next load asked for its
 * page (up to 380 ms late). Rest is read from CPU time, not from DevTools' network events: with the
 * Network domain on, every request of the page was reported to DevTools as it went, which made
 * the diary's first row 15 to 26 ms later at 100,000 entries and the blank page no later.
 * Resolves to false when the processes did not rest within childrenAtRest's limit.
 */
export async function pageAtRest(cdp: CDPSession): Promise<boolean> {
  const rested = (await childrenAtRest()) < REST_LIMIT_S;
  const idle = 'new Promise((resolve) => requestIdleCallback(() => resolve(true), { timeout: 1000 }))';
  await cdp.send('Runtime.evaluate', { expression: idle, awaitPromise: true });
  return rested;
}

/**
 * Loads `url` once with DevTools' network events on, and resolves to the bytes it received as
 * sent (compressed) once the page is at rest. Kept out of the timed loads (see pageAtRest).
 */
export async function bytesOfLoad(page: Page, cdp: CDPSession, url: string): Promise<number> {
  let bytes = 0;
  const received = (event: { encodedDataLength: number }) => (bytes += event.encodedDataLength);
  await cdp.send('Network.enable');
  cdp.on('Network.loadingFinished', received);
  try {
    await page.goto(url, { waitUntil: 'load' });
    await pageAtRest(cdp);
    return bytes;
  } finally {
    cdp.off('Network.loadingFinished', received);
    await cdp.send('Network.disable');
  }
}
