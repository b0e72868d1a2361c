// Compares a language's catalogues with the English ones, key by key: what a translation must
// contain given the language's own plural categories, what it lacks, what it has that English
// does not, and where its placeholders differ. Pure functions over parsed JSON, so the test can
// prove on small made-up catalogues that each kind of fault is caught.

const PLURAL_SUFFIX = /^(.*)_(ordinal_)?(zero|one|two|few|many|other)$/;

/** Leaf messages of a catalogue by dotted key (arrays by index, as i18next reads them). */
export function flattenMessages(value: unknown, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) flattenMessages(v, prefix ? `${prefix}.${key}` : key, out);
  } else out.set(prefix, value);
  return out;
}

/** What a message asks i18next and React to fill in: {{variables}}, $t(nested keys) and <Trans> tags. */
export function placeholders(message: string): string[] {
  const found = new Set<string>();
  for (const [, name] of message.matchAll(/\{\{\s*([^,}\s]+)[^}]*\}\}/g)) found.add(`{{${name}}}`);
  for (const [, key] of message.matchAll(/\$t\(\s*([^,)\s]+)/g)) found.add(`$t(${key})`);
  for (const [, tag] of message.matchAll(/<\/?([\w-]+)\s*\/?>/g)) found.add(`<${tag}>`);
  return [...found].sort();
}

export interface CatalogueDiff {
  /** Keys the language needs, from English and its plural categories. */
  expected: number;
  missing: string[];
  extra: string[];
  /** "key: English {{a}} / translation {{b}}" where placeholders differ. */
  placeholderMismatches: string[];
  /** Keys whose value is empty or not a string where English has a string. */
  empty: string[];
}

/**
 * The keys a language must have: English keys as they are, except plural groups, which need one
 * key per plural category of the language (CLDR, as Intl and i18next know them), plus `_zero`
 * when English has one, since i18next uses `_zero` for a count of 0 in every language.
 */
export function expectedKeys(english: Map<string, unknown>, language: string): Map<string, string> {
  const cardinal = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
  const ordinal = new Intl.PluralRules(language, { type: 'ordinal' }).resolvedOptions().pluralCategories;
  /** expected key → the English key whose placeholders it must carry */
  const expected = new Map<string, string>();
  for (const key of english.keys()) {
    const plural = PLURAL_SUFFIX.exec(key);
    if (!plural) {
      expected.set(key, key);
      continue;
    }
    const [, base, ordinalPrefix = '', category] = plural as unknown as [string, string, string | undefined, string];
    const categories: readonly string[] = ordinalPrefix ? ordinal : cardinal;
    const other = `${base}_${ordinalPrefix}other`;
    // English's own forms are kept in every language, said as its "other": tools that read
    // catalogues key by key, without plural rules, then find nothing missing.
    if (!categories.includes(category)) expected.set(key, category === 'zero' ? key : other);
    for (const wanted of categories) {
      const translated = `${base}_${ordinalPrefix}${wanted}`;
      // The language's form says what English's same form says, or English's "other" if English has no such form.
      expected.set(translated, english.has(translated) ? translated : other);
    }
  }
  return expected;
}

export function diffCatalogue(english: Map<string, unknown>, translation: Map<string, unknown>, language: string): CatalogueDiff {
  const expected = expectedKeys(english, language);
  const diff: CatalogueDiff = { expected: expected.size, missing: [], extra: [], placeholderMismatches: [], empty: [] };
  for (const [key, source] of expected) {
    if (!translation.has(key)) {
      diff.missing.push(key);
      continue;
    }
    const value = translation.get(key);
    const englishValue = english.get(source);
    if (typeof englishValue !== 'string') continue;
    if (typeof value !== 'string' || value.trim() === '') {
      diff.empty.push(key);
      continue;
    }
    const want = placeholders(englishValue).join(' ');
    const have = placeholders(value).join(' ');
    if (want !== have) diff.placeholderMismatches.push(`${key}: English ${want || '(none)'} / translation ${have || '(none)'}`);
  }
  for (const key of translation.keys()) if (!expected.has(key)) diff.extra.push(key);
  return diff;
}
