// Names in the order of the reader's language. SQLite's NOCASE folds only ASCII letters and then
// compares code points, so Vietnamese "Đ" came after "Z" and Thai names sorted by their leading
// vowel. Core orders the few names it sorts (companies, tags) here instead, with the collator the
// renderer uses for the lists it sorts itself.
import type { InterfaceLanguage } from '@shared/api/diary';
import { collatorFor } from '@shared/domain/collation';

/** Code-point order, for ties the collator calls equal, so every order is total and repeatable. */
const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Strings in the language's order. */
export function inLanguageOrder(values: readonly string[], language: InterfaceLanguage): string[] {
  const { compare } = collatorFor(language);
  return [...values].sort((a, b) => compare(a, b) || byCodePoint(a, b));
}

/** Records by name in the language's order, ties by id: a keyset over the order needs no two alike. */
export function byNameInLanguage<T extends { id: string; name: string }>(records: readonly T[], language: InterfaceLanguage): T[] {
  const { compare } = collatorFor(language);
  return [...records].sort((a, b) => compare(a.name, b.name) || byCodePoint(a.id, b.id));
}
