// Words of the question that stand next to each other in a passage, as they do in the question.
// In Vietnamese a word is several syllables ("đánh giá" assess, "rủi ro" risk) and in Thai,
// Chinese, Khmer and Burmese the segmenter may cut a phrase of the question into other pieces than
// the same phrase in the text; either way, single words match everywhere ("giá" is in half the
// passages) while the phrase "đánh giá rủi ro trước" stands in the one passage that says it.
import { sortedIndexOf } from '../../sorted';
import type { KbField } from '../lunr-index';
import type { KbIndex } from './postings';
import type { TermGroup } from './query-plan';

/** Characters allowed between two neighbours: a space, or a stop word such as "to" or "và". */
const MAX_GAP = 4;

/**
 * The share of the question's neighbouring word pairs (consecutive groups that matched here) that
 * stand side by side, in order, in one field of the passage: 0 when none do, 1 when all do.
 */
export function adjacentShare(index: KbIndex, doc: number, groups: readonly TermGroup[]): number {
  let pairs = 0;
  let adjacent = 0;
  let previous: Map<KbField, number[]> | null = null;
  for (const group of groups) {
    if (group.terms.size === 0) {
      previous = null;
      continue;
    }
    const starts = new Map<KbField, number[]>();
    const ends = new Map<KbField, number[]>();
    for (const term of group.terms.keys()) {
      const postings = index.postings(term);
      const at = postings ? sortedIndexOf(postings.docs, doc) : -1;
      if (at < 0) continue;
      for (const [field, positions] of Object.entries(postings!.positions[at]!) as Array<[KbField, ReadonlyArray<readonly [number, number]>]>) {
        for (const [start, length] of positions) {
          (starts.get(field) ?? starts.set(field, []).get(field)!).push(start);
          (ends.get(field) ?? ends.set(field, []).get(field)!).push(start + length);
        }
      }
    }
    if (previous) {
      pairs++;
      if (follows(previous, starts)) adjacent++;
    }
    previous = ends;
  }
  return pairs === 0 ? 0 : adjacent / pairs;
}

function follows(ends: Map<KbField, number[]>, starts: Map<KbField, number[]>): boolean {
  for (const [field, fieldEnds] of ends) {
    const fieldStarts = starts.get(field);
    if (!fieldStarts) continue;
    for (const end of fieldEnds) for (const start of fieldStarts) if (start >= end && start - end <= MAX_GAP) return true;
  }
  return false;
}
