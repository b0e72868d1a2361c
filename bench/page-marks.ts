// Waiting for a page's own milestones without putting anything of Playwright into the page. A
// locator (or page.evaluate's utility world) injects Playwright's script, whose tens of
// milliseconds on the page's thread land in the middle of what is being timed; this asks over
// CDP instead, with a short expression that polls the marks an init script records in
// window.__marks.
import type { CDPSession } from 'playwright-core';

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

/** The page's requests still on their way (but for the event stream, which stays open) and the bytes received since `reset`. */
export interface RequestWatch {
  readonly inFlight: ReadonlySet<string>;
  readonly bytes: number;
  reset(): void;
}

export async function watchRequests(cdp: CDPSession): Promise<RequestWatch> {
  await cdp.send('Network.enable');
  const inFlight = new Set<string>();
  let bytes = 0;
  cdp.on('Network.requestWillBeSent', (event: { requestId: string; request: { url: string } }) => {
    if (new URL(event.request.url).pathname !== '/events') inFlight.add(event.requestId);
  });
  cdp.on('Network.loadingFinished', (event: { requestId: string; encodedDataLength: number }) => {
    bytes += event.encodedDataLength;
    inFlight.delete(event.requestId);
  });
  cdp.on('Network.loadingFailed', (event: { requestId: string }) => inFlight.delete(event.requestId));
  return {
    inFlight,
    get bytes() {
      return bytes;
    },
    reset() {
      bytes = 0;
      inFlight.clear();
    },
  };
}

/** How long the page must go without a request on its way to count as done. */
const QUIET_MS = 200;

/**
 * Waits until the page has done what it does after its first screen (the fonts of other scripts,
 * the dashboards and filters of the diary, catalogues fetched when idle): nothing on its way for
 * QUIET_MS, then an idle moment of its own thread; three seconds at most. Left running, that work
 * landed inside the next load's timings: Home's after-first-screen stylesheet alone took 18 ms of
 * style on the page's thread, and at 100,000 entries the server was still answering the diary's
 * later calls when the next load asked for its page (up to 380 ms late).
 */
export async function pageAtRest(cdp: CDPSession, requests: RequestWatch): Promise<void> {
  const deadline = performance.now() + 3000;
  let quietSince = performance.now();
  while (performance.now() < deadline) {
    if (requests.inFlight.size > 0) quietSince = performance.now();
    else if (performance.now() - quietSince >= QUIET_MS) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const idle = 'new Promise((resolve) => requestIdleCallback(() => resolve(true), { timeout: 1000 }))';
  await cdp.send('Runtime.evaluate', { expression: idle, awaitPromise: true });
}
