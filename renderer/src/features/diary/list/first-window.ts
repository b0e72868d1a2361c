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
  /** Settles once the answer (or its failure) is in, `arrived` set. */
  settled: Promise<void>;
  /**
   * Taken by a list. Kept, not dropped, so the diary page (whose effect runs after its list's,
   * when both mount in the same render) does not ask for the window its list already has.
   */
  taken?: boolean;
}
let early: Early | null = null;

/**
 * Asks for the first window of the list at `pathname` (with the filters in `search`) unless that
 * is already on its way or a list has just taken it; does nothing for other addresses. A locked
 * vault answers with an error, which the list never sees: it then asks for itself. Returns a
 * promise that settles once the answer is in (never rejects), or null when nothing was asked for.
 */
export function askForFirstWindow(pathname: string, search: string): Promise<void> | null {
  if (pathname.replace(/\/+$/, '') !== '/diary') return null;
  const params = new URLSearchParams(search);
  const key = listKey(params);
  if (early && early.key === key && performance.now() - early.askedAt < FRESH_MS) return early.settled;
  const answer = api().call('engagements.list', { ...filterFromParams(params), offset: 0, limit: WINDOW });
  // Nobody may take it: an unclaimed failure is not an error of the page.
  const asked: Early = { key, askedAt: performance.now(), answer, settled: answer.then((page) => void (asked.arrived = page)).catch(() => undefined) };
  early = asked;
  return asked.settled;
}

/** Whether `asked` is the early answer for the list keyed `key`, asked for recently and not taken yet. */
const freshFor = (asked: Early | null, key: string): asked is Early =>
  asked !== null && !asked.taken && asked.key === key && performance.now() - asked.askedAt < FRESH_MS;

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
  const asked = early;
  if (!freshFor(asked, key)) return null;
  asked.taken = true;
  return asked.answer.catch(() => null);
}
