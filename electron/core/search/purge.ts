// A deleted record's words stayed in the vault file. The record search index (FTS5, contentless,
// with deletes) answers a deletion with a tombstone and leaves the record's postings, every word
// with its positions (enough to rebuild much of the text), in the segment that holds them, until
// FTS5 happens to merge that segment. secure_delete does not reach them: they sit in live rows of
// the index's own table, and FTS5's 'secure-delete' option does not apply to this kind of table.
// So a deletion leaves a mark, in its own transaction (record_search_purge, migration 017), and
// merging the whole index into one segment, which drops every tombstoned posting, clears it. The
// merge runs in short slices while the vault is open and idle; what is left of it at lock is
// finished before the file is closed (not at panic or suspend, which must not wait; the mark then
// makes the next unlock finish it).
import type { VaultDatabase } from '../vault/open';

/**
 * FTS5 keeps tombstone pages under rowids with bit 53 set in its data table (segment id + 2^16,
 * shifted past page, height and doclist-index bits): any such row means a posting awaits removal.
 */
export const TOMBSTONE_ROWIDS_FROM = 2 ** 53;
/**
 * Leaf pages one merge step writes, so calls are answered between steps. A step costs about 6 ms
 * whatever its size, but its tail grows with it: after one deletion at 100,000 entries, steps of
 * 16 pages took 43 ms at p95 and up to 456 ms, steps of 4 took 33 and 137 ms, for the same total.
 */
const PAGES_PER_STEP = 4;
/** How long one slice may merge before it lets other calls run. */
const SLICE_MS = 12;
/** How long after the last deletion the merge waits, so a run of deletions is merged once. */
const IDLE_MS = 2_000;

/** Marks that a deletion's words wait to leave the index; call in the deletion's transaction. */
export function markDeletion(db: VaultDatabase): void {
  db.prepare('INSERT OR IGNORE INTO record_search_purge (pending) VALUES (1)').run();
}

export function purgePending(db: VaultDatabase): boolean {
  return db.prepare('SELECT EXISTS (SELECT 1 FROM record_search_purge)').pluck().get() === 1;
}

/** Whether the index still holds tombstoned postings (of a deletion or of a replaced text). */
export function holdsTombstones(db: VaultDatabase): boolean {
  return db.prepare(`SELECT EXISTS (SELECT 1 FROM record_search_data WHERE id >= ${TOMBSTONE_ROWIDS_FROM})`).pluck().get() === 1;
}

/**
 * One merge step towards a single segment. FTS5 tells that a step found nothing to do only by
 * the change count: it moves by less than 2 (see "The 'merge' command" in the FTS5 docs).
 */
function mergeStep(db: VaultDatabase): boolean {
  const before = db.prepare('SELECT total_changes()').pluck().get() as number;
  db.prepare("INSERT INTO record_search (record_search, rank) VALUES ('merge', ?)").run(-PAGES_PER_STEP);
  return (db.prepare('SELECT total_changes()').pluck().get() as number) - before >= 2;
}

/** Clears the mark once nothing is left to merge and no tombstone remains; true when done. */
function settle(db: VaultDatabase): boolean {
  if (holdsTombstones(db)) return false;
  db.prepare('DELETE FROM record_search_purge').run();
  return true;
}

/**
 * Merges for about `budgetMs` (one step at least); true when the purge is complete. Each step is its own
 * transaction, so a save between slices is never held up by more than one step.
 */
export function purgeSlice(db: VaultDatabase, budgetMs = SLICE_MS): boolean {
  const start = performance.now();
  // At least one step, however small the budget.
  do {
    if (!mergeStep(db)) {
      if (settle(db)) return true;
      // One segment left, with tombstones of its own: 'optimize' rewrites it without them.
      db.prepare("INSERT INTO record_search (record_search) VALUES ('optimize')").run();
      return settle(db);
    }
  } while (performance.now() - start < budgetMs);
  return false;
}

/** Finishes a pending purge in one go, as lock does before closing the file. */
export function finishPurge(db: VaultDatabase): void {
  if (!purgePending(db)) return;
  db.prepare("INSERT INTO record_search (record_search) VALUES ('optimize')").run();
  if (!settle(db)) throw new Error('the search index still holds deleted entries after optimize');
}

const scheduled = new WeakMap<VaultDatabase, NodeJS.Timeout>();

/**
 * Purges in slices once the vault has been left alone for IDLE_MS, while this connection stays
 * open (a lock closes it, and lock finishes what is left itself). Errors are logged by class only:
 * messages can quote the index.
 */
export function schedulePurge(db: VaultDatabase, delayMs = IDLE_MS): void {
  clearTimeout(scheduled.get(db));
  const run = () => {
    scheduled.delete(db);
    if (!db.open) return;
    // Never inside another call's transaction: try again when it is over.
    if (db.inTransaction) return schedulePurge(db, delayMs);
    try {
      if (!purgePending(db) || purgeSlice(db)) return;
    } catch (error) {
      console.error(`[core] search index purge failed (${error instanceof Error ? error.name : 'unknown'})`);
      return;
    }
    later(run, 0);
  };
  // A pending purge must not keep a test run or a closing server alive; lock finishes it.
  const later = (fn: () => void, ms: number) => scheduled.set(db, setTimeout(fn, ms).unref());
  later(run, delayMs);
}

/**
 * At lock, before the file closes: finishes a pending purge, so the file the checkpoint then
 * writes holds no deleted record's words. Not when the close may not wait (panic, suspend): the
 * mark stays for the next unlock. A failure is logged by class and leaves the mark for the next unlock.
 */
export function purgeBeforeClose(db: VaultDatabase, { mayWait }: { mayWait: boolean }): void {
  if (!mayWait) return;
  try {
    finishPurge(db);
  } catch (error) {
    console.error(`[core] search index purge at lock failed (${error instanceof Error ? error.name : 'unknown'})`);
  }
}

/** After unlock: a purge a crash, a panic or a failure left behind resumes when the vault is idle. */
export function resumePurge(db: VaultDatabase | null): void {
  if (db && purgePending(db)) schedulePurge(db);
}
