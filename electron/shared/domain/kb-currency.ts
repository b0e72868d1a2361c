// How current a knowledge-base entry is. Entries and their dated facts carry the day (or month, or
// year, when the source was no more precise) they were checked; these rules decide what the reader
// is warned about. Pure functions of the dates, so the renderer and the tests agree.

/** An entry checked longer ago than this is shown with a warning to check it again. */
export const STALE_AFTER_MONTHS = 12;

/** The first day a check date can mean: "2022-03" → 2022-03-01, "2013" → 2013-01-01. */
export function earliestDay(asOf: string): string {
  if (/^\d{4}$/.test(asOf)) return `${asOf}-01-01`;
  if (/^\d{4}-\d{2}$/.test(asOf)) return `${asOf}-01`;
  return asOf;
}

/** The last day a date can mean: "2026-07" → 2026-07-31, "2025" → 2025-12-31. */
export function latestDay(date: string): string {
  if (/^\d{4}$/.test(date)) return `${date}-12-31`;
  if (/^\d{4}-\d{2}$/.test(date)) {
    const [year, month] = date.split('-').map(Number) as [number, number];
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return `${date}-${String(last).padStart(2, '0')}`;
  }
  return date;
}

/** Today as YYYY-MM-DD in UTC: the calendar the knowledge base's dates are written in. */
export const todayIso = (now: Date = new Date()): string => now.toISOString().slice(0, 10);

/**
 * True when the check is older than twelve months. A month or a year counts from its first day, so
 * an imprecise date warns early rather than late.
 */
export function isStale(asOf: string, today: string): boolean {
  const [year, month, day] = today.split('-').map(Number) as [number, number, number];
  const cutoff = new Date(Date.UTC(year, month - 1 - STALE_AFTER_MONTHS, day)).toISOString().slice(0, 10);
  return earliestDay(asOf) < cutoff;
}

/** A dated fact has lapsed once the last day it can cover has passed. */
export function hasLapsed(until: string | null, today: string): boolean {
  return until !== null && latestDay(until) < today;
}
