// The postings the build worked out from lunr's index (build-postings.ts), as the search reads
// them: each term is one lookup. Scores are lunr's: the BM25 weights the builder stored per field
// (with the field boosts), multiplied by the clause boosts and normalised by the query's length,
// as lunr.Index#query does, without lunr's token-set automaton and per-field match metadata,
// which were most of the cost of a search.
import type { FieldPositions, StoredPostings } from './search-file';

export type { FieldPositions } from './search-file';

export interface TermPostings {
  /** How rare the term is across passages: ln(1 + (N − n + ½) / (n + ½)), n passages hold it. */
  idf: number;
  /** Passage numbers holding the term, ascending, and per passage its BM25 weight summed over fields. */
  docs: readonly number[];
  weights: readonly number[];
  /** Per passage (same order), where the term occurs in each field. */
  positions: readonly FieldPositions[];
}

export class KbIndex {
  private readonly byTerm = new Map<string, TermPostings>();

  /** refs: passage refs in index order; postings[i] belongs to terms[i]. The arrays are kept, not copied. */
  constructor(
    readonly refs: readonly string[],
    terms: readonly string[],
    postings: readonly StoredPostings[],
  ) {
    if (terms.length !== postings.length) throw new Error('The search index names more terms than it has postings for.');
    const total = refs.length;
    terms.forEach((term, i) => {
      const [docs, weights, positions] = postings[i]!;
      if (docs.length !== weights.length || docs.length !== positions.length) throw new Error('The search index has a malformed posting.');
      const n = docs.length;
      this.byTerm.set(term, { idf: Math.log(1 + (total - n + 0.5) / (n + 0.5)), docs, weights, positions });
    });
  }

  has(term: string): boolean {
    return this.byTerm.has(term);
  }

  postings(term: string): TermPostings | null {
    return this.byTerm.get(term) ?? null;
  }
}
