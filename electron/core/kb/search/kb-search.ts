// Ranked knowledge-base search over the prebuilt lunr index: BM25 with title and heading boosts
// (from the index), then a coverage factor so a passage matching every word of the question beats
// one that repeats a single word.
import type lunr from 'lunr';
import type { KbHit, KbKind } from '@shared/api/kb';
import type { PassageRow } from '../compile/write-database';
import { indexTerms, type KbField } from '../lunr-index';
import { planQuery, type TermGroup } from './query-plan';
import { markAll, snippet, type Positions } from './snippet';
import { Vocabulary } from './vocabulary';

type FieldPositions = Partial<Record<KbField, Array<[number, number]>>>;
/** lunr's match data: term → field → whitelisted metadata (here, token positions). */
type Metadata = Record<string, Record<string, { position?: Array<[number, number]> }>>;

/** Coverage counts more than raw score: ×1 for all words matched, ×0.25 for half of them. */
const COVERAGE_EXPONENT = 2;

export class KbSearch {
  private readonly vocabulary: Vocabulary;

  constructor(
    private readonly index: lunr.Index,
    private readonly passages: ReadonlyMap<string, PassageRow>,
  ) {
    this.vocabulary = new Vocabulary(indexTerms(index));
  }

  search(query: string, options: { kinds?: readonly KbKind[]; limit: number }): KbHit[] {
    const groups = planQuery(query, this.vocabulary);
    if (!groups.some((group) => group.terms.size > 0)) return [];
    const results = this.index.query((q) => {
      for (const group of groups) {
        for (const [term, boost] of group.terms) q.term(term, { boost, usePipeline: false });
      }
    });

    const kinds = options.kinds && options.kinds.length > 0 ? new Set(options.kinds) : null;
    const ranked: Array<{ score: number; row: PassageRow; metadata: Metadata }> = [];
    for (const result of results) {
      const row = this.passages.get(result.ref);
      if (!row || (kinds && !kinds.has(row.kind))) continue;
      const metadata = result.matchData.metadata as Metadata;
      const coverage = matchedGroups(groups, metadata) / groups.length;
      ranked.push({ score: result.score * coverage ** COVERAGE_EXPONENT, row, metadata });
    }
    ranked.sort((a, b) => b.score - a.score);
    // Snippets only for what is shown: building them is the costliest step per hit.
    return ranked.slice(0, options.limit).map(({ score, row, metadata }) => toHit(row, collectPositions(metadata), score));
  }
}

function matchedGroups(groups: TermGroup[], metadata: Record<string, unknown>): number {
  let matched = 0;
  for (const group of groups) {
    for (const term of group.terms.keys()) {
      if (term in metadata) {
        matched++;
        break;
      }
    }
  }
  return matched;
}

function collectPositions(metadata: Metadata): FieldPositions {
  const out: FieldPositions = {};
  for (const fields of Object.values(metadata)) {
    for (const [field, data] of Object.entries(fields)) {
      (out[field as KbField] ??= []).push(...(data.position ?? []));
    }
  }
  return out;
}

function toHit(row: PassageRow, positions: FieldPositions, score: number): KbHit {
  const none: Positions = [];
  const base = {
    id: row.id,
    title: markAll(row.title, positions.title ?? none),
    snippet: snippet(row.body, positions.body ?? none),
    score: Number(score.toFixed(4)),
  };
  if (row.kind === 'section') {
    return { ...base, kind: 'section', anchor: row.anchor ?? '', heading: markAll(row.heading, positions.heading ?? none) };
  }
  return { ...base, kind: row.kind };
}
