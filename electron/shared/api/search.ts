// The one search box: the knowledge base and, while a vault is open, the user's own records, in
// one call. The two are returned as separate groups rather than merged into one ranking, because
// their scores come from different engines (lunr and FTS5) and do not compare; `first` says which
// group answers the question better, from how each matched (see HitMatch).
import { z } from 'zod';
import { RecordHit } from './diary';
import { SEARCH_KINDS } from '../domain/search-kinds';
import { KbHit, KbLanguage } from './kb';

export { SEARCH_KINDS };
export const SearchKind = z.enum(SEARCH_KINDS);
export type SearchKind = z.infer<typeof SearchKind>;

export const searchMethods = {
  'search.all': {
    input: z.object({
      q: z.string().max(200),
      kinds: z.array(SearchKind).max(SEARCH_KINDS.length).optional(),
      limit: z.number().int().min(1).max(50).default(12),
      /** The reader's language: a passage that matched in several languages comes back in this one. */
      language: KbLanguage.optional(),
    }),
    output: z.object({
      kb: z.array(KbHit),
      records: z.array(RecordHit),
      /** False while no vault is open: the box says records are searched once one is unlocked. */
      recordsSearched: z.boolean(),
      /** The group to show first: 'records' when the user's own records match every word and the knowledge base only loosely. */
      first: z.enum(['kb', 'records']),
    }),
  },
} as const;
