// Binary search over arrays kept sorted (by JavaScript's < on numbers, or on strings by code unit):
// the knowledge base's postings and typo keys, and record search's vocabulary.

/** The first place in `sorted` whose value is not below `value` (sorted.length when none). */
export function lowerBound<T extends number | string>(sorted: readonly T[], value: T): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]! < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The place of `value` in `sorted`, or -1. */
export function sortedIndexOf<T extends number | string>(sorted: readonly T[], value: T): number {
  const at = lowerBound(sorted, value);
  return sorted[at] === value ? at : -1;
}
