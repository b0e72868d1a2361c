// Dates, numbers and sorting in the chosen language's locale (languages.ts), with ISO dates kept
// as they are everywhere else. Free of start-up side effects, so anything may import it.
import i18next from 'i18next';
import type { InterfaceLanguage } from '@shared/api/diary';
import { intlLocaleFor } from './language-choice';
import { languageByCode, SOURCE_LANGUAGE } from './languages';

/** The locale dates, numbers and sorting follow: the chosen language's (see languages.ts). */
export const userLocale = (): string => intlLocaleFor(i18next.language ?? SOURCE_LANGUAGE, globalThis.navigator?.language ?? SOURCE_LANGUAGE);

/**
 * The interface language as core knows it, for the lists core sorts in the reader's order (the
 * diary grouped by company, tag lists); the pseudo-locale sorts as English.
 */
export const sortLanguage = (): InterfaceLanguage => (languageByCode(i18next.language ?? SOURCE_LANGUAGE)?.code ?? SOURCE_LANGUAGE) as InterfaceLanguage;

/**
 * Whether this runtime's Intl has data for the locale. Chromium builds trimmed to fewer locales
 * (Debian's among them) lack Burmese and Khmer, and Intl would silently write their dates in
 * English ("Oct 15, 2026").
 */
const hasDateData = (locale: string): boolean => Intl.DateTimeFormat.supportedLocalesOf(locale).length > 0;

/** Options that spell a date with digits only, for a locale Intl has no words for. */
function digitsOnly({ dateStyle, timeStyle, ...rest }: Intl.DateTimeFormatOptions): Intl.DateTimeFormatOptions {
  const date: Intl.DateTimeFormatOptions = dateStyle ? { year: 'numeric', month: '2-digit', day: '2-digit' } : {};
  const time: Intl.DateTimeFormatOptions = timeStyle ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : {};
  const { month, weekday: _weekday, era: _era, ...kept } = rest;
  return { ...kept, ...(month ? { month: '2-digit' as const } : {}), ...date, ...time };
}

/**
 * A date formatter in the locale, or, where the runtime lacks the locale's words, day/month/year
 * in digits (the order Burmese and Khmer write them) rather than English month names.
 */
export function dateFormatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  // One per locale and options: building one (and asking Intl for the locale's data) cost more
  // than formatting with it, and a diary page formats dozens of dates as it first renders.
  const key = `${locale}|${JSON.stringify(options)}`;
  let formatter = dateFormatters.get(key);
  if (!formatter) {
    formatter = hasDateData(locale) ? new Intl.DateTimeFormat(locale, options) : new Intl.DateTimeFormat('en-GB', digitsOnly(options));
    dateFormatters.set(key, formatter);
  }
  return formatter;
}
const dateFormatters = new Map<string, Intl.DateTimeFormat>();

export const formatDate = (iso: string, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }): string =>
  dateFormatter(userLocale(), options).format(new Date(iso));

/** A calendar day (YYYY-MM-DD) shown as that same day, whatever the time zone. */
export const formatDay = (isoDate: string): string =>
  dateFormatter(userLocale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));

export const formatDateTime = (iso: string): string => formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' });

export const formatNumber = (value: number, options?: Intl.NumberFormatOptions): string =>
  new Intl.NumberFormat(userLocale(), options).format(value);

/** The reader's order for names; pass userLocale(), read while rendering. */
export { collatorFor } from '@shared/domain/collation';
