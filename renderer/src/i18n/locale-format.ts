// Dates, numbers and sorting in the chosen language's locale (languages.ts), with ISO dates kept
// as they are everywhere else. Free of start-up side effects, so anything may import it.
import i18next from 'i18next';
import { intlLocaleFor } from './language-choice';
import { SOURCE_LANGUAGE } from './languages';

/** The locale dates, numbers and sorting follow: the chosen language's (see languages.ts). */
export const userLocale = (): string => intlLocaleFor(i18next.language ?? SOURCE_LANGUAGE, globalThis.navigator?.language ?? SOURCE_LANGUAGE);

export const formatDate = (iso: string, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }): string =>
  new Intl.DateTimeFormat(userLocale(), options).format(new Date(iso));

/** A calendar day (YYYY-MM-DD) shown as that same day, whatever the time zone. */
export const formatDay = (isoDate: string): string =>
  new Intl.DateTimeFormat(userLocale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));

export const formatDateTime = (iso: string): string => formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' });

export const formatNumber = (value: number, options?: Intl.NumberFormatOptions): string =>
  new Intl.NumberFormat(userLocale(), options).format(value);

// One collator per locale: building one is far slower than comparing with it, and a sort calls it
// n log n times.
const collators = new Map<string, Intl.Collator>();

/**
 * Orders names as a locale does (Vietnamese tones after their base letter, Thai leading vowels
 * skipped, Simplified Chinese by pinyin and Traditional by strokes), case and accents second,
 * and numbers by value ("Plan 2" before "Plan 10"). Pass userLocale(), read while rendering.
 */
export function collatorFor(locale: string): Intl.Collator {
  let collator = collators.get(locale);
  if (!collator) {
    collator = new Intl.Collator(locale, { numeric: true });
    collators.set(locale, collator);
  }
  return collator;
}
