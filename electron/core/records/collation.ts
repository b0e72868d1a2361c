// Names in the order of the reader's language. SQLite's NOCASE folds only ASCII letters and then
// compares code points, so Vietnamese "Đ" came after "Z" and Thai names sorted by their leading
// vowel. Core orders the few names it sorts (companies, tags) here instead, with the same
// collation the renderer uses for the lists it sorts itself (renderer/src/i18n/locale-format.ts).
import type { InterfaceLanguage } from '@shared/api/diary';

// Building a collator is far slower than comparing with one; a sort compares n log n times.
const collators = new Map<InterfaceLanguage, Intl.Collator>();

/**
 * The language's collator: Vietnamese tones after their base letter and Đ after D, Thai leading
 * vowels (เ แ โ ใ ไ) skipped, Simplified Chinese by pinyin and Traditional by strokes; case and
 * accents second, and numbers by value ("Plan 2" before "Plan 10").
 */
export function collatorOf(language: InterfaceLanguage): Intl.Collator {
  let collator = collators.get(language);
  if (!collator) {
    collator = new Intl.Collator(language, { numeric: true });
    collators.set(language, collator);
  }
  return collator;
}

/** Code-point order, for ties the collator calls equal, so every order is total and repeatable. */
const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Strings in the language's order. */
export function inLanguageOrder(values: readonly string[], language: InterfaceLanguage): string[] {
  const { compare } = collatorOf(language);
  return [...values].sort((a, b) => compare(a, b) || byCodePoint(a, b));
}

/** Records by name in the language's order, ties by id: a keyset over the order needs no two alike. */
export function byNameInLanguage<T extends { id: string; name: string }>(records: readonly T[], language: InterfaceLanguage): T[] {
  const { compare } = collatorOf(language);
  return [...records].sort((a, b) => compare(a.name, b.name) || byCodePoint(a.id, b.id));
}
