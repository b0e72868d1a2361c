// The first record search of a process paid for preparing its statement, loading the index's
// structure and compiling the snippet code on top of the search itself (at 100,000 entries about
// 40 ms of CPU more than the next search; about half of that with this warm-up). Right after
// unlock, once unlock has answered, one search for a word no record holds does that work in a
// few milliseconds, before a person can reach the search box. It reads no record's text.
import type { RecordIndex } from '../records/search-index';
import type { VaultDatabase } from '../vault/open';
import { buildSnippet } from './snippet';
import { startTopRows, type OpenReader } from './top-rows';

/** Not a word of any language the index segments, so the warm-up never ranks a match. */
const ABSENT_WORD = 'qqzxwarmupqqzx';

/**
 * V8 runs a regular expression's first match in its interpreter and compiles it to machine code
 * on a later one; the snippet code's Unicode classes take milliseconds to compile. Three runs here
 * spare the first search that (20 snippets: 5–8 ms after one run, 2–3 ms after three).
 */
const SNIPPET_RUNS = 3;

export function warmRecordSearch(db: VaultDatabase, index: RecordIndex): void {
  index.search(db, ABSENT_WORD, 1);
  for (let run = 0; run < SNIPPET_RUNS; run++) buildSnippet('Nền tảng đã gỡ bỏ nội dung, 账号被封禁, เนื้อหาถูกลบ', 'go bo');
}

/** Rows of the index's document lengths read per slice: about ten pages, 1–2 ms. */
const LENGTHS_PER_SLICE = 10_000;
/** What the lengths table takes per row, rounded up: 1,572,864 bytes for 100,000 rows (16 KB pages). */
const LENGTH_BYTES_PER_ROW = 16;

/**
 * bm25 reads the length of every row it scores from the index's table of lengths. The first full
 * ranking of a session read that table's pages from the file, decrypting each: at 100,000 entries
 * (96 pages) it took 10–17 ms longer than with them read here first, into the page cache, in
 * slices between which other calls are answered. The pages hold token counts, no text. Not when
 * the table would not fit in the page cache (from about 128,000 rows with SQLite's default): its
 * pages would only evict one another and whatever else the cache held.
 */
export function warmDocLengths(openDatabase: () => VaultDatabase | null, db: VaultDatabase, rowsPerSlice = LENGTHS_PER_SLICE): void {
  const read = db.prepare('SELECT count(sz) FROM record_search_docsize WHERE id > ? AND id <= ?');
  const last = (db.prepare('SELECT max(id) FROM record_search_docsize').pluck().get() as number | null) ?? 0;
  // Ids left unused by deletions count too: the estimate errs towards leaving the table cold.
  if (last * LENGTH_BYTES_PER_ROW > pageCacheBytes(db)) return;
  const slice = (from: number) => {
    if (from >= last || openDatabase() !== db || !db.open) return;
    try {
      read.get(from, from + rowsPerSlice);
      setImmediate(() => slice(from + rowsPerSlice));
    } catch (error) {
      console.error(`[core] record search warm-up failed (${error instanceof Error ? error.name : 'unknown'})`);
    }
  };
  slice(0);
}

/** The connection's page cache: cache_size counts KiB when negative (the default, -2000), else pages. */
function pageCacheBytes(db: VaultDatabase): number {
  const size = db.pragma('cache_size', { simple: true }) as number;
  return size < 0 ? -size * 1024 : size * (db.pragma('page_size', { simple: true }) as number);
}

/**
 * Warms the search of the vault open now, after the current call has answered, starts building
 * its common phrases' top rows (top-rows.ts) and reads its row lengths. A vault locked in
 * the meantime is left alone. A failure only means the first search pays the cost itself (and
 * reports its own error, if it meets one): it is logged by error class, never by message, since
 * messages may quote record content.
 */
export function warmRecordSearchSoon(openDatabase: () => VaultDatabase | null, index: RecordIndex, openReader: OpenReader): void {
  const db = openDatabase();
  if (!db) return;
  setImmediate(() => {
    if (openDatabase() !== db || !db.open) return;
    try {
      warmRecordSearch(db, index);
      // Then, on a worker, the top rows that spare common words a full ranking.
      startTopRows(db, openReader);
      warmDocLengths(openDatabase, db);
    } catch (error) {
      console.error(`[core] record search warm-up failed (${error instanceof Error ? error.name : 'unknown'})`);
    }
  });
}
