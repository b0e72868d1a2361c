// The search index ships as one file per language: English in index.json (which locate.ts checks
// for), each translation in index.<language>.json. A search reads the reader's language and
// English, so each language's word statistics (how rare a word is, how long a passage is) are its
// own: in one index of eight languages a Thai word was "rare" only because seven languages lack
// it, which flattened the difference between a decisive word and a common one.
import fs from 'node:fs';
import path from 'node:path';
import { KB_TRANSLATION_LANGUAGES } from '@shared/api/kb';
import { KB_FILES } from '../locate';

export const INDEX_ENGLISH = 'en';
/** English first: it is searched with every language and warmed up first. */
export const INDEX_LANGUAGES: readonly string[] = [INDEX_ENGLISH, ...KB_TRANSLATION_LANGUAGES];

/**
 * Which file a passage is indexed in: its language's, except a translated framework entry, which
 * has a file of its own beside its language's ("th.frameworks"). Added to a language's guidance,
 * the 28 short entries outranked the guidance and shifted its word statistics (Vietnamese 12/12 →
 * 9/12, Khmer 9/10 → 7/10 in the top 3 of the question suite); apart, the guidance ranks as before
 * and an entry is found when the question names it (kb-search.ts). English keeps its frameworks
 * with its guidance, where the suite's framework questions were tuned.
 */
export function indexKeyOf(row: { language: string; kind: string }): string {
  return row.language !== INDEX_ENGLISH && row.kind === 'framework' ? `${row.language}.frameworks` : row.language;
}

/** The language of an index key. */
export const languageOfKey = (key: string): string => key.split('.')[0]!;

export const indexFileName = (key: string): string => (key === INDEX_ENGLISH ? KB_FILES.index : KB_FILES.index.replace(/\.json$/, `.${key}.json`));

/** Languages with an index file in dir (English always counts: its absence is reported on search). */
export function languagesWithIndex(dir: string): string[] {
  return INDEX_LANGUAGES.filter((language) => language === INDEX_ENGLISH || fs.existsSync(path.join(dir, indexFileName(language))));
}
