// Build time: turns lunr's serialised index into the postings the search reads (search-file.ts).
// lunr keeps, per term, a map of field → ref → positions, and per field and passage a vector of
// BM25 weights; a search needs, per term, the passages holding it with one weight each. Working
// that out once here, instead of in every app start, took 20–150 ms per language off the warm-up
// and left the app one copy of the index in memory instead of lunr's form and the postings.
import { KB_FIELDS, type KbField } from '../lunr-index';
import type { FieldPositions, StoredPostings } from './search-file';

/** The parts of lunr's serialised index (lunr.Index#toJSON) that the postings come from. */
export interface SerialisedLunrIndex {
  fields: string[];
  fieldVectors: Array<[string, number[]]>;
  invertedIndex: Array<[string, Record<string, unknown> & { _index: number }]>;
}

export function postingsFromLunr(serialised: SerialisedLunrIndex): { refs: string[]; terms: string[]; postings: StoredPostings[] } {
  // Read here, not at module load: lunr-index.ts imports this module before defining KB_FIELDS.
  const fields = Object.keys(KB_FIELDS) as KbField[];
  if (fields.some((field) => !serialised.fields.includes(field))) throw new Error('The lunr index lacks a field the search reads.');
  const vectors = new Map(serialised.fieldVectors);
  const refs: string[] = [];
  const docOf = new Map<string, number>();
  for (const [fieldRef] of serialised.fieldVectors) {
    const ref = fieldRef.slice(fieldRef.indexOf('/') + 1);
    if (!docOf.has(ref)) {
      docOf.set(ref, refs.length);
      refs.push(ref);
    }
  }
  const terms: string[] = [];
  const postings: StoredPostings[] = [];
  for (const [term, posting] of serialised.invertedIndex) {
    const byDoc = new Map<number, { weight: number; positions: FieldPositions }>();
    for (const field of fields) {
      const byRef = posting[field] as Record<string, { position?: Array<[number, number]> }> | undefined;
      for (const [ref, metadata] of Object.entries(byRef ?? {})) {
        const doc = docOf.get(ref);
        if (doc === undefined) continue;
        const entry = byDoc.get(doc) ?? { weight: 0, positions: {} };
        // Summed in field order, as the search summed them when it did this on first use.
        entry.weight += elementOf(vectors.get(`${field}/${ref}`), posting._index);
        entry.positions[field] = metadata.position ?? [];
        byDoc.set(doc, entry);
      }
    }
    const docs = [...byDoc.keys()].sort((a, b) => a - b);
    terms.push(term);
    postings.push([docs, docs.map((doc) => byDoc.get(doc)!.weight), docs.map((doc) => byDoc.get(doc)!.positions)]);
  }
  return { refs, terms, postings };
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
