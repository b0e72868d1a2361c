// The diary list's first window, asked for as soon as the address says the list is about to show:
// at start-up while the page's code is still downloading, and when the diary page mounts while
// the vault gate is still asking for the vault's status. The list takes the answer instead of
// asking again, so its first rows no longer wait for the code, then the status, then the list in
// turn. Kept small and free of the zod schemas: main.tsx's entry chunk imports it.
import type { EngagementFilter, EngagementPage } from '@shared/api/diary';
import { api } from '../../../api/client';
import { sortLanguage } from '../../../i18n/locale-format';

/** Rows fetched per call: a few screens of the list. */
export const WINDOW = 100;

/** An answer older than this is not taken: the diary may have changed since it was asked for. */
const FRESH_MS = 3000;

/** The filter keys the list keeps in the address. */
export const FILTER_KEYS = ['companyId', 'channel', 'status', 'tag', 'from', 'to', 'sort'] as const;

/**
 * Filters live in the address, so a filtered list survives reloads and the back button. The
 * interface language comes along: the company sort groups companies in its order.
 */
export function filterFromParams(params: URLSearchParams): EngagementFilter {
  const filter: Record<string, string> = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value) filter[key] = value;
  }
  return { ...filter, locale: sortLanguage() } as EngagementFilter;
}

/** The list's key for a filter (useEntryWindows is keyed by it): the address's query and the language. */
export const listKey = (params: URLSearchParams): string => `${params.toString()}#${sortLanguage()}`;

interface Early {
  key: string;
  askedAt: number;
  answer: Promise<EngagementPage>;
  /** The answer, once it has arrived: the list's first render can show it without waiting a turn. */
  arrived?: EngagementPage;
}
let early: Early | null = null;

/**
 * Asks for the first window of the list at `pathname` (with the filters in `search`) unless that
 * is already on its way; does nothing for other addresses. A locked vault answers with an error,
 * which the list never sees: it then asks for itself.
 */
export function askForFirstWindow(pathname: string, search: string): void {
  if (pathname.replace(/\/+$/, '') !== '/diary') return;
  const params = new URLSearchParams(search);
  const key = listKey(params);
  if (early && early.key === key && performance.now() - early.askedAt < FRESH_MS) return;
  const answer = api().call('engagements.list', { ...filterFromParams(params), offset: 0, limit: WINDOW });
  const asked: Early = { key, askedAt: performance.now(), answer };
  // Nobody may take it: an unclaimed failure is not an error of the page.
  answer.then((page) => (asked.arrived = page)).catch(() => undefined);
  early = asked;
}

/** Whether `taken` is the early answer for the list keyed `key`, asked for recently. */
const freshFor = (taken: Early | null, key: string): taken is Early => taken !== null && taken.key === key && performance.now() - taken.askedAt < FRESH_MS;

/**
 * The early answer for the list keyed `key` if it has already arrived, without taking it (the
 * list takes it with takeFirstWindow as it mounts); otherwise null. Lets the list's first render
 * show the rows instead of a loading line and a second render.
 */
export function arrivedFirstWindow(key: string): EngagementPage | null {
  return freshFor(early, key) ? (early.arrived ?? null) : null;
}

/**
 * The early answer for the list keyed `key`, once, if it was asked for recently; otherwise null.
 * A failed early answer resolves to null, so the caller asks again.
 */
export function takeFirstWindow(key: string): Promise<EngagementPage | null> | null {
  const taken = early;
  early = null;
  if (!freshFor(taken, key)) return null;
  return taken.answer.catch(() => null);
}
