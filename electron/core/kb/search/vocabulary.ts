/** The index's terms, sorted once at load so prefix and near-length lookups need no scan. */
export class Vocabulary {
  private readonly sorted: string[];
  private readonly set: Set<string>;
  private readonly byLength = new Map<number, string[]>();

  constructor(terms: Iterable<string>) {
    this.sorted = [...terms].sort();
    this.set = new Set(this.sorted);
    for (const term of this.sorted) {
      const bucket = this.byLength.get(term.length);
      if (bucket) bucket.push(term);
      else this.byLength.set(term.length, [term]);
    }
  }

  get size(): number {
    return this.sorted.length;
  }

  has(term: string): boolean {
    return this.set.has(term);
  }

  /** Terms that start with prefix (not the prefix itself), shortest first, at most `limit`. */
  withPrefix(prefix: string, limit: number): string[] {
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.sorted[mid]! < prefix) low = mid + 1;
      else high = mid;
    }
    const found: string[] = [];
    for (let i = low; i < this.sorted.length && this.sorted[i]!.startsWith(prefix); i++) {
      if (this.sorted[i] !== prefix) found.push(this.sorted[i]!);
    }
    return found.sort((a, b) => a.length - b.length).slice(0, limit);
  }

  *withLengthNear(length: number, within: number): Generator<string> {
    for (let l = length - within; l <= length + within; l++) yield* this.byLength.get(l) ?? [];
  }
}
