// Record search's top rows (top-rows.ts) are built on a worker after each unlock, which takes
// seconds at 100,000 entries; until then a common word is ranked in full (20–40 ms). So the best
// rows of each common phrase are also kept in the vault, in one row of record_search_top_rows
// (migration 020), and the first searches of the next unlock are answered from them.
//
// What is stored is exact for the index as it is now: every write to the index deletes it, in
// the write's own transaction (clearStoredTopRows, from noteRowChanged), and it is written again
// when the builder is idle. Rows changed between a list's build and the store are stored with it,
// as the kept lists in memory carry them, so a list loaded later is treated as one built then.
// It holds row numbers, scores and the common phrases themselves (words held by thousands of
// rows), never a phrase only a search asked for. The index's totals are stored with it and
// compared on loading, so a write that bypassed the clear is caught rather than trusted.
import os from 'node:os';
import type { Statement } from 'better-sqlite3-multiple-ciphers';
import type { VaultDatabase } from '../vault/open';

/**
 * Rows kept per phrase in the vault: enough to prove the top twenty of a search of one common
 * word (the search box asks for twelve), ties included. At 100,000 entries, 854 common phrases
 * store about 370 KB; a search of several words waits for the lists built after unlock.
 */
export const STORED_ROWS = 32;

export interface StoredList {
  phrase: string;
  rows: Int32Array;
  scores: Float64Array;
  bound: number;
  df: number;
  nRow: number;
  avgdl: number;
  /** Changes made to the index between the list's build and the store. */
  changesSince: number;
  /**
   * When no other word began with the phrase's word as the vocabulary was read, the list answers
   * the word typed as a prefix too: how many changes before the store the vocabulary was read.
   */
  aloneChangesSince: number | null;
}

/** A stored list as read: its rows and scores are copied out only when a search needs them. */
export type StoredEntry = Omit<StoredList, 'rows' | 'scores'> & { read(): { rows: Int32Array; scores: Float64Array } };

export interface StoredTopRows {
  lists: StoredList[];
  /** Rows changed before the store, with how many changes ago (0: the last one). */
  changed: Array<[row: number, age: number]>;
}

const clears = new WeakMap<VaultDatabase, Statement | null>();

/** Deletes what is stored; nothing in a vault older than migration 020 (a salvage rebuilding one). */
export function clearStoredTopRows(db: VaultDatabase): void {
  let clear = clears.get(db);
  if (clear === undefined) {
    const exists = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'record_search_top_rows'").get();
    clear = exists ? db.prepare('DELETE FROM record_search_top_rows') : null;
    clears.set(db, clear);
  }
  clear?.run();
}

/** Whether the vault holds stored top rows (they are then exact: see the header). */
export function hasStoredTopRows(db: VaultDatabase): boolean {
  return db.prepare('SELECT 1 FROM record_search_top_rows').get() !== undefined;
}

// Rows and scores are copied as this machine lays them out in memory; a store written on a
// big-endian machine (none the app runs on) is neither written nor read.
const LITTLE_ENDIAN = os.endianness() === 'LE';

/** Replaces what is stored, with the index's totals now. */
export function writeStoredTopRows(db: VaultDatabase, totals: Uint8Array, stored: StoredTopRows): void {
  if (!LITTLE_ENDIAN) return;
  db.transaction(() => {
    db.prepare('DELETE FROM record_search_top_rows').run();
    db.prepare('INSERT INTO record_search_top_rows (id, totals, lists) VALUES (1, ?, ?)').run(totals, encode(stored));
  })();
}

/** What is stored, by phrase, if anything, and only if it was stored for the index's totals now. */
export function readStoredTopRows(db: VaultDatabase, totals: Uint8Array | undefined): { lists: Map<string, StoredEntry>; changed: StoredTopRows['changed'] } | null {
  const row = db.prepare('SELECT totals, lists FROM record_search_top_rows WHERE id = 1').get() as { totals: Uint8Array; lists: Uint8Array } | undefined;
  if (!LITTLE_ENDIAN || !row || !totals || Buffer.compare(row.totals, totals) !== 0) return null;
  return decode(Buffer.from(row.lists));
}

// The layout, little-endian: list count (u32), changed count (u32), changed rows (i32 row, u32 age)
// each; then per list: phrase length in bytes (u16), phrase (UTF-8), df, changes since, changes
// since the vocabulary (u32 each; NONE when the list answers no prefix), bound, nRow, avgdl (f64
// each), row count (u32), rows (i32 each), scores (f64 each).
const NONE = 0xffffffff;
const LIST_HEADER = 40;

function encode({ lists, changed }: StoredTopRows): Buffer {
  const phrases = lists.map((list) => Buffer.from(list.phrase, 'utf8'));
  const size = 8 + changed.length * 8 + lists.reduce((sum, list, i) => sum + 2 + phrases[i]!.length + LIST_HEADER + list.rows.length * 12, 0);
  const out = Buffer.alloc(size);
  let at = out.writeUInt32LE(lists.length, 0);
  at = out.writeUInt32LE(changed.length, at);
  for (const [row, age] of changed) {
    at = out.writeInt32LE(row, at);
    at = out.writeUInt32LE(age, at);
  }
  lists.forEach((list, i) => {
    at = out.writeUInt16LE(phrases[i]!.length, at);
    at += phrases[i]!.copy(out, at);
    at = out.writeUInt32LE(list.df, at);
    at = out.writeUInt32LE(list.changesSince, at);
    at = out.writeUInt32LE(list.aloneChangesSince ?? NONE, at);
    at = out.writeDoubleLE(list.bound, at);
    at = out.writeDoubleLE(list.nRow, at);
    at = out.writeDoubleLE(list.avgdl, at);
    at = out.writeUInt32LE(list.rows.length, at);
    at += Buffer.from(list.rows.buffer, list.rows.byteOffset, list.rows.byteLength).copy(out, at);
    at += Buffer.from(list.scores.buffer, list.scores.byteOffset, list.scores.byteLength).copy(out, at);
  });
  return out;
}

function decode(bytes: Buffer): { lists: Map<string, StoredEntry>; changed: StoredTopRows['changed'] } {
  // Every length is checked before it is used: a row that does not read whole is not used at all,
  // rather than answering searches with rows or scores cut short.
  const need = (at: number, length: number) => {
    if (at + length > bytes.length) throw new RangeError('stored top rows cut short');
  };
  need(0, 8);
  const count = bytes.readUInt32LE(0);
  const changedCount = bytes.readUInt32LE(4);
  let at = 8;
  need(at, changedCount * 8);
  const changed: Array<[number, number]> = [];
  for (let i = 0; i < changedCount; i++, at += 8) changed.push([bytes.readInt32LE(at), bytes.readUInt32LE(at + 4)]);
  const lists = new Map<string, StoredEntry>();
  for (let i = 0; i < count; i++) {
    need(at, 2);
    const length = bytes.readUInt16LE(at);
    need(at + 2, length + LIST_HEADER);
    const phrase = bytes.toString('utf8', at + 2, at + 2 + length);
    at += 2 + length;
    const alone = bytes.readUInt32LE(at + 8);
    const n = bytes.readUInt32LE(at + 36);
    if (n > STORED_ROWS) throw new RangeError('stored top rows too long');
    need(at + LIST_HEADER, n * 12);
    // Copies, so each array starts on its own aligned buffer.
    const rowsAt = bytes.byteOffset + at + LIST_HEADER;
    const scoresAt = rowsAt + n * 4;
    lists.set(phrase, {
      phrase,
      df: bytes.readUInt32LE(at),
      changesSince: bytes.readUInt32LE(at + 4),
      aloneChangesSince: alone === NONE ? null : alone,
      bound: bytes.readDoubleLE(at + 12),
      nRow: bytes.readDoubleLE(at + 20),
      avgdl: bytes.readDoubleLE(at + 28),
      read: () => ({ rows: new Int32Array(bytes.buffer.slice(rowsAt, scoresAt)), scores: new Float64Array(bytes.buffer.slice(scoresAt, scoresAt + n * 8)) }),
    });
    at += LIST_HEADER + n * 12;
  }
  if (at !== bytes.length) throw new RangeError('stored top rows longer than their lists');
  return { lists, changed };
}
