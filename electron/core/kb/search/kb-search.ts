// Ranked search over one language's passages: lunr's BM25 (with the title and heading boosts
// stored in the index), multiplied by how much of the question a passage answers. That share is
// weighted by how rare each word is: in "reprisals after meeting a company", "reprisals" occurs in
// one passage and "company" in most, so the one passage about reprisals must not lose to the many
// that mention meeting a company. Counting every word alike buried it below the twelfth hit.
// Among the best, passages that hold the question's words side by side come first (proximity.ts).
import type { HitMatch, KbHit, KbKind } from '@shared/api/kb';
import { sortedIndexOf } from '../../sorted';
import type { PassageRow } from '../compile/write-database';
import type { KbField } from '../lunr-index';
import type { Lexicon } from './lexicon';
import type { FieldPositions, KbIndex } from './postings';
import { planQuery, type PlanVocabulary, type TermGroup } from './query-plan';
import { adjacentShare } from './proximity';
import { markAll, snippet, type Positions } from './snippet';

/** The answered share of the question counts more than raw score: ×1 for all of it, ×0.25 for half. */
const COVERAGE_EXPONENT = 2;

/** A passage holding every neighbouring pair of the question's words side by side scores ×(1 + this). */
const PROXIMITY_WEIGHT = 1.5;
/** Share of a question's words this language lacks from which the question is taken for another language's. */
const FOREIGN_SHARE = 0.5;
/** Indexes whose passages are written in Latin letters (names and quotes included). */
const LATIN_INDEXES = new Set(['en', 'vi', 'id']);
const HAS_LATIN_OR_DIGIT = /[\p{Script=Latin}\p{Nd}]/u;
/** How many of the best-scored passages word order may reorder. */
const PROXIMITY_DEPTH = 30;

const MATCH_RANK: Readonly<Record<HitMatch, number>> = { exact: 0, close: 1, typo: 2 };

/** A question as planned against one language's vocabulary: its words, and each index term's boost. */
export interface Plan {
  groups: TermGroup[];
  boosts: Map<string, number>;
}
export interface Candidate {
  doc: number;
  score: number;
}
export interface Ranking {
  search: KbSearch;
  plan: Plan;
  ranked: Candidate[];
  /** Some passage holds every word of the question (or a term standing for it). */
  complete: boolean;
  /** Half the question's words or more are not words of this language (none, or only typo corrections). */
  foreign: boolean;
}

export class KbSearch {
  private readonly docs: Array<PassageRow | undefined>;
  private readonly vocabulary: PlanVocabulary;

  constructor(
    private readonly index: KbIndex,
    private readonly lexicon: Lexicon,
    passages: ReadonlyMap<string, PassageRow>,
    /** The language of this index's passages. */
    readonly language: string,
    /**
     * Rank a passage only when its title or heading holds every word of the question: the
     * translated framework entries, looked up by name, never ranked against guidance by their text.
     */
    private readonly byNameOnly = false,
  ) {
    this.docs = index.refs.map((ref) => passages.get(ref));
    this.vocabulary = {
      has: (term) => index.has(term),
      completions: (prefix, limit) => lexicon.completions(prefix, limit),
      near: (word) => lexicon.near(word),
      mayHold: LATIN_INDEXES.has(language) ? (word) => HAS_LATIN_OR_DIGIT.test(word) : undefined,
    };
  }

  /** A question in this index's own words, for the warm-up (lexicon.ts). */
  warmUpQuestion(): string {
    return this.lexicon.warmUpQuestion();
  }

  /**
   * This language's passages that match the question, best first, before one-per-passage and
   * snippets: searching several languages merges these lists by score.
   */
  rank(query: string, kinds: ReadonlySet<KbKind> | null, tokens?: readonly string[]): Ranking {
    const groups = planQuery(query, this.vocabulary, this.language, tokens ? [...tokens] : undefined);
    const strangers = groups.filter((group) => ![...group.matches.values()].some((match) => match !== 'typo')).length;
    const foreign = groups.length > 0 && strangers / groups.length >= FOREIGN_SHARE;
    const boosts = new Map<string, number>();
    for (const group of groups) for (const [term, boost] of group.terms) boosts.set(term, (boosts.get(term) ?? 0) + boost);
    const plan = { groups, boosts };
    if (boosts.size === 0) return { search: this, plan, ranked: [], complete: false, foreign };

    const count = this.docs.length;
    const bm25 = new Float64Array(count);
    let length = 0;
    for (const [term, boost] of boosts) {
      length += boost * boost;
      const postings = this.index.postings(term);
      if (!postings) continue;
      for (let k = 0; k < postings.docs.length; k++) bm25[postings.docs[k]!]! += boost * postings.weights[k]!;
    }
    // lunr divides by the query vector's length; kept so scores read the same as lunr's.
    const norm = Math.sqrt(length);
    const { covered, total } = this.coverage(groups, count);

    const ranked: Candidate[] = [];
    let complete = false;
    for (let doc = 0; doc < count; doc++) {
      if (bm25[doc] === 0) continue;
      const row = this.docs[doc];
      if (!row || (kinds && !kinds.has(row.kind))) continue;
      if (this.byNameOnly && !this.named(doc, groups)) continue;
      const share = covered[doc]! / total;
      if (share > 1 - 1e-9) complete = true;
      ranked.push({ doc, score: (bm25[doc]! / norm) * share ** COVERAGE_EXPONENT });
    }
    ranked.sort((a, b) => b.score - a.score);
    // Word order only among the best: it reorders close calls and costs a look at positions.
    const head = ranked.slice(0, PROXIMITY_DEPTH);
    for (const candidate of head) candidate.score *= 1 + PROXIMITY_WEIGHT * adjacentShare(this.index, candidate.doc, groups);
    head.sort((a, b) => b.score - a.score);
    return { search: this, plan, ranked: [...head, ...ranked.slice(PROXIMITY_DEPTH)], complete, foreign };
  }

  /** The passage a result stands for, the same in every language: "section:clariti#case-study-china". */
  passageOf(doc: number): string {
    const row = this.docs[doc]!;
    return `${row.kind}:${row.id}#${row.anchor ?? ''}`;
  }

  languageOf(doc: number): string {
    return this.docs[doc]!.language;
  }

  /** The result as shown, with its words marked; built only for what is shown, as snippets are the costliest step. */
  hit(doc: number, score: number, plan: Plan): KbHit {
    return toHit(this.docs[doc]!, this.positionsOf(doc, plan.boosts.keys()), score, this.matchOf(doc, plan.groups));
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
        if (!postings || sortedIndexOf(postings.docs, doc) < 0) continue;
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
   * the word itself); a passage earns for each word the best term of it that it holds. A word
   * this language's passages never hold is worth what the rarest word is: it is the same loss for
   * every passage here, but a language that lacks half the question (the English passages, for
   * a Burmese question naming "OECD") must not rank as if it answered all of it.
   */
  private coverage(groups: TermGroup[], count: number): { covered: Float64Array; total: number } {
    const covered = new Float64Array(count);
    const best = new Float64Array(count);
    let total = 0;
    const unknown = Math.log(1 + (count + 0.5) / 0.5);
    for (const group of groups) {
      if (group.terms.size === 0) {
        total += unknown;
        continue;
      }
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

  /** Every word of the question that this language has is in the entry's name or instrument. */
  private named(doc: number, groups: TermGroup[]): boolean {
    const inName = (term: string) => {
      const postings = this.index.postings(term);
      const at = postings ? sortedIndexOf(postings.docs, doc) : -1;
      return at >= 0 && Boolean(postings!.positions[at]!.title || postings!.positions[at]!.heading);
    };
    return groups.every((group) => group.terms.size === 0 || [...group.terms.keys()].some(inName));
  }

  private positionsOf(doc: number, terms: Iterable<string>): FieldPositions {
    const out: Partial<Record<KbField, Array<readonly [number, number]>>> = {};
    for (const term of terms) {
      const postings = this.index.postings(term);
      const at = postings ? sortedIndexOf(postings.docs, doc) : -1;
      if (at < 0) continue;
      for (const [field, positions] of Object.entries(postings!.positions[at]!) as Array<[KbField, Positions]>) {
        (out[field] ??= []).push(...positions);
      }
    }
    return out;
  }
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
