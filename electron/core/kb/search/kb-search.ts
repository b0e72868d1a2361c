// Ranked knowledge-base search: lunr's BM25 (with the title and heading boosts stored in the
// index), multiplied by how much of the question a passage answers. That share is weighted by how
// rare each word is: in "reprisals after meeting a company", "reprisals" occurs in one passage and
// "company" in most, so the one passage about reprisals must not lose to the many that mention
// meeting a company. Counting every word alike buried it below the twelfth hit.
import type { HitMatch, KbHit, KbKind } from '@shared/api/kb';
import type { PassageRow } from '../compile/write-database';
import type { KbField } from '../lunr-index';
import type { Lexicon } from './lexicon';
import type { FieldPositions, KbIndex } from './postings';
import { planQuery, type PlanVocabulary, type TermGroup } from './query-plan';
import { markAll, snippet, type Positions } from './snippet';

/** The answered share of the question counts more than raw score: ×1 for all of it, ×0.25 for half. */
const COVERAGE_EXPONENT = 2;

const MATCH_RANK: Readonly<Record<HitMatch, number>> = { exact: 0, close: 1, typo: 2 };

export class KbSearch {
  private readonly docs: Array<PassageRow | undefined>;
  private readonly vocabulary: PlanVocabulary;

  constructor(
    private readonly index: KbIndex,
    private readonly lexicon: Lexicon,
    passages: ReadonlyMap<string, PassageRow>,
  ) {
    this.docs = index.refs.map((ref) => passages.get(ref));
    this.vocabulary = {
      has: (term) => index.has(term),
      completions: (prefix, limit) => lexicon.completions(prefix, limit),
      near: (word) => lexicon.near(word),
    };
  }

  /** Everything a first search would otherwise build on the spot. */
  prepare(): void {
    this.index.compileAll();
    this.lexicon.deletionIndex();
  }

  search(query: string, options: { kinds?: readonly KbKind[] | undefined; limit: number; language?: string | undefined }): KbHit[] {
    const groups = planQuery(query, this.vocabulary);
    const boosts = new Map<string, number>();
    for (const group of groups) for (const [term, boost] of group.terms) boosts.set(term, (boosts.get(term) ?? 0) + boost);
    if (boosts.size === 0) return [];

    const count = this.docs.length;
    const bm25 = new Float64Array(count);
    let length = 0;
    for (const [term, boost] of boosts) {
      length += boost * boost;
      const postings = this.index.postings(term);
      if (!postings) continue;
      for (let k = 0; k < postings.docs.length; k++) bm25[postings.docs[k]!]! += boost * postings.weights[k]!;
    }
    // lunr divides by the query vector's length; kept so scores read the same as before.
    const norm = Math.sqrt(length);
    const { covered, total } = this.coverage(groups, count);

    const kinds = options.kinds && options.kinds.length > 0 ? new Set(options.kinds) : null;
    const ranked: Array<{ doc: number; score: number }> = [];
    for (let doc = 0; doc < count; doc++) {
      if (bm25[doc] === 0) continue;
      const row = this.docs[doc];
      if (!row || (kinds && !kinds.has(row.kind))) continue;
      ranked.push({ doc, score: (bm25[doc]! / norm) * (covered[doc]! / total) ** COVERAGE_EXPONENT });
    }
    ranked.sort((a, b) => b.score - a.score);
    // Snippets only for what is shown: building them is the costliest step per hit.
    return this.onePerPassage(ranked, options.limit, options.language ?? 'en')
      .map(({ doc, score }) => toHit(this.docs[doc]!, this.positionsOf(doc, boosts.keys()), score, this.matchOf(doc, groups)));
  }

  /**
   * Each passage once, at the rank of its best-scoring language: a name every translation keeps
   * ("CLARITI", "UPR") would otherwise fill the list with one entry in several languages. Shown in
   * the reader's language when that version matched too, else in the language that matched.
   */
  private onePerPassage(ranked: Array<{ doc: number; score: number }>, limit: number, language: string): Array<{ doc: number; score: number }> {
    const passageOf = (doc: number) => {
      const row = this.docs[doc]!;
      return `${row.kind}:${row.id}#${row.anchor ?? ''}`;
    };
    const preferred = new Map<string, { doc: number; score: number }>();
    for (const hit of ranked) if (this.docs[hit.doc]!.language === language) preferred.set(passageOf(hit.doc), hit);
    const seen = new Set<string>();
    const out: Array<{ doc: number; score: number }> = [];
    for (const hit of ranked) {
      const passage = passageOf(hit.doc);
      if (seen.has(passage)) continue;
      seen.add(passage);
      out.push(preferred.get(passage) ?? hit);
      if (out.length === limit) break;
    }
    return out;
  }

  /**
   * How the passage matched, by its loosest word: for each word the closest term of it the passage
   * holds. A word the passage lacks altogether makes it a looser ('close') match.
   */
  private matchOf(doc: number, groups: TermGroup[]): HitMatch {
    let loosest: HitMatch = 'exact';
    for (const group of groups) {
      let best: HitMatch | null = null;
      for (const [term, match] of group.matches) {
        const postings = this.index.postings(term);
        if (!postings || indexOf(postings.docs, doc) < 0) continue;
        if (best === null || MATCH_RANK[match] < MATCH_RANK[best]) best = match;
      }
      const word = best ?? 'close';
      if (MATCH_RANK[word] > MATCH_RANK[loosest]) loosest = word;
    }
    return loosest;
  }

  /**
   * Per passage, the worth of the question's words it contains. A word is worth its rarest term
   * (inverse document frequency × the term's boost, so a typo or synonym match counts less than
   * the word itself); a passage earns for each word the best term of it that it holds.
   */
  private coverage(groups: TermGroup[], count: number): { covered: Float64Array; total: number } {
    const covered = new Float64Array(count);
    const best = new Float64Array(count);
    let total = 0;
    for (const group of groups) {
      let worth = 0;
      best.fill(0);
      for (const [term, boost] of group.terms) {
        const postings = this.index.postings(term);
        if (!postings) continue;
        const value = postings.idf * boost;
        if (value > worth) worth = value;
        for (const doc of postings.docs) if (value > best[doc]!) best[doc] = value;
      }
      total += worth;
      for (let doc = 0; doc < count; doc++) covered[doc]! += best[doc]!;
    }
    return { covered, total: total || 1 };
  }

  private positionsOf(doc: number, terms: Iterable<string>): FieldPositions {
    const out: Partial<Record<KbField, Array<readonly [number, number]>>> = {};
    for (const term of terms) {
      const postings = this.index.postings(term);
      const at = postings ? indexOf(postings.docs, doc) : -1;
      if (at < 0) continue;
      for (const [field, positions] of Object.entries(postings!.positions[at]!) as Array<[KbField, Positions]>) {
        (out[field] ??= []).push(...positions);
      }
    }
    return out;
  }
}

function indexOf(sorted: number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]! < value) low = mid + 1;
    else high = mid;
  }
  return sorted[low] === value ? low : -1;
}

function toHit(row: PassageRow, positions: FieldPositions, score: number, match: HitMatch): KbHit {
  const none: Positions = [];
  const base = {
    id: row.id,
    title: markAll(row.title, positions.title ?? none),
    snippet: snippet(row.body, positions.body ?? none),
    score: Number(score.toFixed(4)),
    match,
    language: row.language,
  };
  if (row.kind === 'section') {
    return { ...base, kind: 'section', anchor: row.anchor ?? '', heading: markAll(row.heading, positions.heading ?? none) };
  }
  return { ...base, kind: row.kind };
}
