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
 * Resolves once the page has painted (first contentful paint) and recorded `mark` (none: the
 * paint alone), to that paint and every mark. A navigation still committing when it is asked may
 * take the question with the old document; it is then asked again of the new one.
 */
export async function settledMarks(cdp: CDPSession, mark = ''): Promise<PageMarks> {
  const expression = `new Promise((resolve) => {
    const check = () => {
      const marks = window.__marks || {};
      const paint = performance.getEntriesByName('first-contentful-paint')[0];
      if (paint && (${JSON.stringify(mark)} === '' || marks[${JSON.stringify(mark)}] !== undefined)) resolve({ fcp: paint.startTime, ...marks });
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
