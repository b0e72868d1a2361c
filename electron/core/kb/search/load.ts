// Opens what the build wrote to one language's index file: lunr's serialised index and the lexicon beside it.
import { isLexiconData, Lexicon } from './lexicon';
import { KbIndex, type SerialisedLunrIndex } from './postings';

export function readSearchIndex(serialised: unknown): { index: KbIndex; lexicon: Lexicon } {
  const data = serialised as (SerialisedLunrIndex & { lexicon?: unknown }) | null;
  if (typeof data !== 'object' || data === null || !isLexiconData(data.lexicon)) {
    throw new Error('The search index was written by another version of the app.');
  }
  return { index: new KbIndex(data), lexicon: new Lexicon(data.lexicon) };
}
