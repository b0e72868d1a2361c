// Names in the order of the reader's language, one collator for core and the renderer alike, so
// a list core pages (the diary grouped by company, tags) and one the renderer sorts agree.

// One collator per locale: building one is far slower than comparing with it, and a sort calls it
// n log n times.
const collators = new Map<string, Intl.Collator>();

/**
 * Orders names as a locale does (Vietnamese tones after their base letter and Đ after D, Thai
 * leading vowels skipped, Simplified Chinese by pinyin and Traditional by strokes), case and
 * accents second, and numbers by value ("Plan 2" before "Plan 10").
 */
export function collatorFor(locale: string): Intl.Collator {
  let collator = collators.get(locale);
  if (!collator) {
    collator = new Intl.Collator(locale, { numeric: true });
    collators.set(locale, collator);
  }
  return collator;
}
