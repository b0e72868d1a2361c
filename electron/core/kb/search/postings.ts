// Reads the postings of the serialised lunr index directly. lunr's own query expands every clause
// through its token-set automaton and rebuilds match metadata per field, which was most of the cost
// of a search; the query plan already names exact index terms, so each term is one lookup here.
// Scores are lunr's: the BM25 weights the builder stored per field (with the field boosts),
// multiplied by the clause boosts and normalised by the query's length, as lunr.Index#query does.
import { KB_FIELDS, type KbField } from '../lunr-index';
import type { Positions } from './snippet';

/** The parts of lunr's serialised index (lunr.Index#toJSON) that searching needs. */
export interface SerialisedLunrIndex {
  fields: string[];
  fieldVectors: Array<[string, number[]]>;
  invertedIndex: Array<[string, Record<string, unknown> & { _index: number }]>;
}

export type FieldPositions = Partial<Record<KbField, Positions>>;

export interface TermPostings {
  /** How rare the term is across passages: ln(1 + (N − n + ½) / (n + ½)), n passages hold it. */
  idf: number;
  /** Passage numbers holding the term, ascending, and per passage its BM25 weight summed over fields. */
  docs: number[];
  weights: number[];
  /** Per passage (same order), where the term occurs in each field. */
  positions: FieldPositions[];
}

const FIELDS = Object.keys(KB_FIELDS) as KbField[];

export class KbIndex {
  /** Passage refs in index order; postings name passages by their number here. */
  readonly refs: string[];
  private readonly docOf = new Map<string, number>();
  private readonly inverted: Map<string, Record<string, unknown> & { _index: number }>;
  private readonly vectors: Map<string, number[]>;
  private readonly compiled = new Map<string, TermPostings | null>();

  constructor(serialised: SerialisedLunrIndex) {
    if (!Array.isArray(serialised.fieldVectors) || !Array.isArray(serialised.invertedIndex) || FIELDS.some((f) => !serialised.fields.includes(f))) {
      throw new Error('The search index does not have the fields this version expects.');
    }
    this.vectors = new Map(serialised.fieldVectors);
    this.inverted = new Map(serialised.invertedIndex);
    this.refs = [];
    for (const [fieldRef] of serialised.fieldVectors) {
      const ref = fieldRef.slice(fieldRef.indexOf('/') + 1);
      if (!this.docOf.has(ref)) {
        this.docOf.set(ref, this.refs.length);
        this.refs.push(ref);
      }
    }
  }

  has(term: string): boolean {
    return this.inverted.has(term);
  }

  /** Works out every term's postings; the service does this while warming up, so no search pays for it. */
  compileAll(): void {
    for (const term of this.inverted.keys()) this.postings(term);
  }

  /** The term's postings, worked out on first use and kept: the knowledge base never changes while the app runs. */
  postings(term: string): TermPostings | null {
    const cached = this.compiled.get(term);
    if (cached !== undefined) return cached;
    const posting = this.inverted.get(term);
    const compiled = posting ? this.compile(posting) : null;
    this.compiled.set(term, compiled);
    return compiled;
  }

  private compile(posting: Record<string, unknown> & { _index: number }): TermPostings {
    const byDoc = new Map<number, { weight: number; positions: FieldPositions }>();
    for (const field of FIELDS) {
      const refs = posting[field] as Record<string, { position?: Array<[number, number]> }> | undefined;
      for (const [ref, metadata] of Object.entries(refs ?? {})) {
        const doc = this.docOf.get(ref);
        if (doc === undefined) continue;
        const weight = elementOf(this.vectors.get(`${field}/${ref}`), posting._index);
        const entry = byDoc.get(doc) ?? { weight: 0, positions: {} };
        entry.weight += weight;
        entry.positions[field] = metadata.position ?? [];
        byDoc.set(doc, entry);
      }
    }
    const docs = [...byDoc.keys()].sort((a, b) => a - b);
    const n = docs.length;
    const total = this.refs.length;
    return {
      idf: Math.log(1 + (total - n + 0.5) / (n + 0.5)),
      docs,
      weights: docs.map((doc) => byDoc.get(doc)!.weight),
      positions: docs.map((doc) => byDoc.get(doc)!.positions),
    };
  }
}

/** A lunr vector is [index, value, index, value, …] sorted by index. */
function elementOf(vector: number[] | undefined, index: number): number {
  if (!vector) return 0;
  let low = 0;
  let high = vector.length / 2;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const at = vector[mid * 2]!;
    if (at === index) return vector[mid * 2 + 1]!;
    if (at < index) low = mid + 1;
    else high = mid;
  }
  return 0;
}
