// Opens one language's search file (search-file.ts) as the search reads it. The arrays the file
// parsed into are used as they are: nothing is copied or rebuilt.
import { isLexiconData, Lexicon } from './lexicon';
import { KbIndex } from './postings';
import { SEARCH_FILE_FORMAT, type SearchFileData } from './search-file';

/**
 * digest: passagesDigest of the passages kb.sqlite holds in this language, when the caller has
 * them; a file built from other text is refused, since its passage numbers and positions would
 * point into the wrong passages.
 */
export function readSearchIndex(serialised: unknown, digest?: string): { index: KbIndex; lexicon: Lexicon } {
  const data = serialised as Partial<SearchFileData> | null;
  if (typeof data !== 'object' || data === null || data.format !== SEARCH_FILE_FORMAT) {
    throw new Error('The search index was written by another version of the app.');
  }
  if (digest !== undefined && data.digest !== digest) throw new Error('The search index was built from other passages than the knowledge base holds.');
  if (!Array.isArray(data.refs) || !Array.isArray(data.terms) || !Array.isArray(data.postings) || !isLexiconData(data.lexicon)) {
    throw new Error('The search index is incomplete.');
  }
  return { index: new KbIndex(data.refs, data.terms, data.postings), lexicon: new Lexicon(data.lexicon) };
}
