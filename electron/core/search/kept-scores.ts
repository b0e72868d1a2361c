// What a phrase's top rows prove (top-rows.ts keeps them): the best rows of one phrase with their
// bm25 scores for it alone, and the score no other row reaches. From those alone, a query's top
// rows when nothing changed since (fromKept); otherwise how far a row outside them can score now
// (listBound), which the candidates FTS5 scored must clear. Pure functions of the lists.

/** A phrase's top rows, as built on the worker or read from the vault. */
export interface TopRows {
  phrase: string;
  /** The rows kept for the phrase, best first: every row scoring above `bound` when built. */
  rows: Int32Array;
  /** Their scores for the phrase alone when built (bm25 negated: higher is better). */
  scores: Float64Array;
  /** Indexes into `rows` in rowid order, to look a row up. */
  byRow: Int32Array;
  /** The highest score of a row not kept (0 when every matching row is kept). */
  bound: number;
  /** Rows holding the phrase, rows in the index and their average length, when built. */
  df: number;
  nRow: number;
  avgdl: number;
  /** The change count when the build started: rows changed since are scored with the kept ones. */
  since: number;
  /** How many rows the build was asked to keep. */
  depth: number;
  /** Read from the vault (STORED_ROWS rows at most), not built in this session. */
  fromVault?: true;
}

/** A row and its bm25 score as FTS5 gives it (negative: lower is better). */
export interface ScoredRow {
  rowid: number;
  score: number;
}

/** The list cut to its best `count` rows, its bound then the best score of the rest. */
export function topOf(list: TopRows, count: number): TopRows {
  if (list.rows.length <= count) return list;
  return { ...list, rows: list.rows.subarray(0, count), scores: list.scores.subarray(0, count), bound: list.scores[count]! };
}

/**
 * Nothing changed since the lists were built, so their scores are today's, and bm25 adds the
 * phrases' scores. The lists are walked best first, all at the same depth (Fagin's threshold
 * algorithm): each row met is scored in every other list by lookup, and a row missing from a list
 * that holds every row of its phrase does not match. No row not yet met can score more than the
 * sum of the scores at the next depth (a list walked to its end contributes its bound), so the
 * walk stops once the `limit`-th score reaches that. A row missing from a list that does not hold
 * every row has a score there only known to be at most the bound: it must stay below the answer.
 * No FTS5 query at all.
 */
export function fromKept(kept: TopRows[], limit: number): ScoredRow[] | null {
  const seen = new Set<number>();
  const top: ScoredRow[] = [];
  let uncertain = -Infinity;
  const kth = () => (top.length === limit ? -top[limit - 1]!.score : -Infinity);
  for (let depth = 0; ; depth++) {
    for (const list of kept) {
      if (depth >= list.rows.length) continue;
      const row = list.rows[depth]!;
      if (seen.has(row)) continue;
      seen.add(row);
      let total = 0;
      let missing = 0;
      let matches = true;
      for (const other of kept) {
        const score = other === list ? list.scores[depth]! : scoreIn(other, row);
        if (score !== undefined) total += score;
        else if (other.bound === 0) matches = false;
        else missing += other.bound;
      }
      if (!matches) continue;
      if (missing > 0) uncertain = Math.max(uncertain, total + missing);
      else if (total > kth()) insertTop(top, { rowid: row, score: -total }, limit);
    }
    // The most a row not met yet can score; -Infinity when a complete list has no row left.
    let next = 0;
    for (const list of kept) next += depth + 1 < list.rows.length ? list.scores[depth + 1]! : list.bound === 0 ? -Infinity : list.bound;
    const unmet = Math.max(next, uncertain);
    if (next === -Infinity || (top.length === limit && kth() >= next)) {
      if (top.length === limit ? kth() >= uncertain : uncertain === -Infinity) return top;
      return null;
    }
    if (kept.every((list) => depth + 1 >= list.rows.length) && unmet > kth()) return null;
  }
}

/** Keeps `top` sorted best first (bm25: lowest first) and at most `limit` long. */
function insertTop(top: ScoredRow[], hit: ScoredRow, limit: number): void {
  let at = top.length;
  while (at > 0 && top[at - 1]!.score > hit.score) at--;
  top.splice(at, 0, hit);
  if (top.length > limit) top.pop();
}

/** The row's kept score in `list`, found through the rows' rowid order; undefined when not kept. */
function scoreIn(list: TopRows, row: number): number | undefined {
  const { rows, byRow } = list;
  let low = 0;
  let high = byRow.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (rows[byRow[mid]!]! < row) low = mid + 1;
    else high = mid;
  }
  return low < byRow.length && rows[byRow[low]!] === row ? list.scores[byRow[low]!] : undefined;
}

/**
 * The most a row outside `list` can score for its phrase now. Kept scores were idf × term weight
 * at build time; since then the row count and average length moved and up to `changes` rows
 * changed, so the phrase's row count may have dropped by that many (a higher idf) and a longer
 * average length lifts every weight by at most its ratio.
 */
export function listBound(list: TopRows, changes: number, now: { nRow: number; avgdl: number }): number {
  if (list.bound === 0) return 0;
  const then = idf(list.nRow, list.df);
  const upper = idf(now.nRow, Math.max(0, list.df - changes));
  return list.bound * (upper / then) * Math.max(1, now.avgdl / list.avgdl);
}

/** FTS5's bm25 idf (fts5_aux.c), with its floor. */
function idf(nRow: number, hits: number): number {
  const value = Math.log((nRow - hits + 0.5) / (hits + 0.5));
  return value > 0 ? value : 1e-6;
}
