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

export const indexFileName = (language: string): string =>
  language === INDEX_ENGLISH ? KB_FILES.index : KB_FILES.index.replace(/\.json$/, `.${language}.json`);

/** Languages with an index file in dir (English always counts: its absence is reported on search). */
export function languagesWithIndex(dir: string): string[] {
  return INDEX_LANGUAGES.filter((language) => language === INDEX_ENGLISH || fs.existsSync(path.join(dir, indexFileName(language))));
}
