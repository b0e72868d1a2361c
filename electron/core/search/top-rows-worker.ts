// The program of the worker that builds record search's top rows (top-rows.ts), on a read-only
// connection of its own, and what it posts back.
import type { ReaderProgram } from '../vault/background';

/** What the worker posts back: the vocabulary, a phrase's top rows, or the code of its failure. */
export type WorkerReply =
  | { type: 'vocabulary'; terms: string[]; docs: number[] }
  | { type: 'phrase'; phrase: string; rows: Int32Array; scores: Float64Array; byRow: Int32Array; bound: number; df: number; totals: Uint8Array | null }
  | { type: 'failed'; code: string };

/**
 * The worker's program (vault/background.ts runVaultReader): serialised into the worker, so it
 * uses only its arguments. One job per message. A phrase's rows are scored in one statement (FTS5
 * counts a phrase's rows for bm25 once per statement) and read in one transaction with the
 * index's totals, so both come from one state of the index. SQLite keeps the best rows as it
 * scores, so only those cross into JavaScript: reading every match and sorting it here took twice
 * as long (3.1 s against 1.45 s for the 60 most common words at 100,000 entries). The page cache
 * is let go after each job.
 */
export function buildInWorker(db: Parameters<ReaderProgram>[0], port: Parameters<ReaderProgram>[1]): void {
  // fts5vocab lives in temp, in memory only: nothing is written to the vault.
  db.exec("CREATE VIRTUAL TABLE temp.record_search_terms USING fts5vocab(main, 'record_search', 'row')");
  const terms = db.prepare('SELECT term, doc FROM temp.record_search_terms').raw();
  const totals = db.prepare('SELECT block FROM record_search_data WHERE id = 1').pluck();
  const best = db.prepare('SELECT rowid, bm25(record_search, 5.0, 1.0) AS score FROM record_search WHERE record_search MATCH ? ORDER BY score LIMIT ?').raw();
  const matching = db.prepare('SELECT count(*) FROM record_search WHERE record_search MATCH ?').pluck();
  /**
   * The best rows of a phrase, best first (FTS5's bm25 is negative: lower is better), enough to
   * keep `topRows` of them with every row tied with the last one and to see the first worse row,
   * which is the bound; and how many rows hold the phrase.
   */
  const bestRows = (phrase: string, topRows: number): { rows: Array<[number, number]>; df: number } => {
    for (let limit = topRows + 64; ; limit *= 2) {
      const rows = best.all(phrase, limit) as Array<[number, number]>;
      if (rows.length < limit) return { rows, df: rows.length };
      if (rows[limit - 1]![1] > rows[topRows - 1]![1]) return { rows, df: matching.get(phrase) as number };
    }
  };
  port.on('message', (job: { type: 'vocabulary' } | { type: 'phrase'; phrase: string; topRows: number }) => {
    try {
      if (job.type === 'vocabulary') {
        const rows = terms.all() as Array<[string, number]>;
        // fts5vocab sorts by bytes; lookups compare JavaScript strings.
        rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
        port.postMessage({ type: 'vocabulary', terms: rows.map((row) => row[0]), docs: rows.map((row) => row[1]) });
        return;
      }
      const read = db.transaction(() => ({ block: totals.get() as Uint8Array | undefined, ...bestRows(job.phrase, job.topRows) }));
      const { block, rows, df } = read();
      // Kept: every row scoring at least the topRows-th, ties included; the bound is the best
      // score of a row not kept.
      let kept = Math.min(job.topRows, rows.length);
      while (kept > 0 && kept < rows.length && rows[kept]![1] <= rows[kept - 1]![1]) kept++;
      const ids = new Int32Array(kept);
      const scores = new Float64Array(kept);
      for (let i = 0; i < kept; i++) {
        ids[i] = rows[i]![0];
        scores[i] = -rows[i]![1];
      }
      const bound = kept < rows.length ? -rows[kept]![1] : 0;
      const byRow = Int32Array.from(ids.keys()).sort((a, b) => ids[a]! - ids[b]!);
      port.postMessage({ type: 'phrase', phrase: job.phrase, rows: ids, scores, byRow, bound, df, totals: block ?? null }, [ids.buffer, scores.buffer, byRow.buffer]);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      port.postMessage({ type: 'failed', code: typeof code === 'string' ? code : 'FAILED' });
    } finally {
      db.pragma('shrink_memory');
    }
  });
}
