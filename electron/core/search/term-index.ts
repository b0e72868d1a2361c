// Ranking lists kept at save time, so a search for common words ranks a few hundred records
// instead of every match. FTS5 computes bm25 for every row a query matches (at 100,000 entries a
// common word matches tens of thousands); here each word keeps the records where it weighs most
// (impact-ordered postings, top LIST_LENGTH per word), and each record keeps its own word counts
// in a small blob. A search reads the lists of its words, scores the records found there with
// the same bm25 as FTS5 (same k1, b, column weights, document length and averages, read from
// FTS5's own averages record), and keeps the result only when no record outside the lists can
// beat the last one shown: each list remembers the highest impact it ever dropped (its floor),
// which bounds every record it does not hold. Otherwise, or when some word is rare enough for
// FTS5 to rank its matches quickly, the caller asks FTS5 (records/search-index.ts).
//
// Tables (migration 017): record_search_terms (one row per word: document frequency, floor,
// list size, lowest entry), record_search_top (the lists), record_search_counts (each record's
// counts, by its FTS5 row),
// record_search_term_state (whether every record's counts are in: a vault migrated from an
// older version fills them in the background after unlock, and searches use FTS5 until then; and
// the average record length the lists' impacts were computed with).
//
// Impacts depend on the average record length, which moves as records are saved. Every list is
// computed with one reference average; a record outside a list then scores at most its floor
// times (current average ÷ reference) when the average has grown, which the bound uses. When the
// average has moved by more than a tenth, the lists are computed again from the records' counts:
// within the save for a small vault, in the background after unlock for a large one.
import type { Statement } from 'better-sqlite3-multiple-ciphers';
import type { VaultDatabase } from '../vault/open';
import { indexTokens } from './index-tokens';

/** bm25 as FTS5 computes it for record_search, with the title weighted five times the body. */
export const BM25 = { k1: 1.2, b: 0.75, titleWeight: 5, bodyWeight: 1 } as const;

export interface TermIndexOptions {
  /** Records kept per word, best first. */
  listLength: number;
  /** When some word of the query is in at most this many records, FTS5 ranks the matches itself. */
  directBelow: number;
}

// Below about 5,000 matches FTS5 ranks in a few milliseconds, about what reading the lists costs
// (measured at 10,000 entries: the lists were no faster there); above, its cost grows with the
// matches while the lists' stays flat.
export const TERM_INDEX_DEFAULTS: TermIndexOptions = { listLength: 128, directBelow: 5_000 };

/** How far the average record length may move before the lists are computed again. */
const DRIFT = 0.1;
/** Up to this many records, a save that finds the average moved recomputes the lists itself. */
const RELIST_WITHIN_SAVE = 5_000;

/** A prefix that expands to more words than this (one or two letters typed) is left to FTS5. */
const MAX_EXPANSIONS = 64;

interface Statements {
  complete: Statement;
  reference: Statement;
  setReference: Statement;
  averages: Statement;
  blob: Statement;
  setBlob: Statement;
  dropBlob: Statement;
  addTerm: Statement;
  dropTerm: Statement;
  forget: Statement;
  lowest: Statement;
  insertTop: Statement;
  deleteTop: Statement;
  deleteEntry: Statement;
  setList: Statement;
  exact: Statement;
  prefix: Statement;
  list: Statement;
  count: Statement;
}

/**
 * Whether the vault has the lists (migration 017): the current index also writes to vaults of an
 * older schema while they are being made or moved, and those keep only their FTS5 index.
 */
const hasLists = new WeakMap<VaultDatabase, boolean>();
function withLists(db: VaultDatabase): boolean {
  let has = hasLists.get(db);
  if (has === undefined) {
    has = db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'record_search_term_state'").get() !== undefined;
    hasLists.set(db, has);
  }
  return has;
}

const cache = new WeakMap<VaultDatabase, Statements>();
function statements(db: VaultDatabase): Statements {
  let s = cache.get(db);
  if (!s) {
    s = {
      complete: db.prepare('SELECT complete FROM record_search_term_state WHERE id = 1'),
      reference: db.prepare('SELECT avg_length FROM record_search_term_state WHERE id = 1'),
      setReference: db.prepare(
        `INSERT INTO record_search_term_state (id, complete, avg_length) VALUES (1, 1, ?)
           ON CONFLICT (id) DO UPDATE SET avg_length = excluded.avg_length`,
      ),
      averages: db.prepare('SELECT block FROM record_search_data WHERE id = 1'),
      blob: db.prepare('SELECT terms FROM record_search_counts WHERE row = ?'),
      setBlob: db.prepare('INSERT INTO record_search_counts (row, terms) VALUES (?, ?) ON CONFLICT (row) DO UPDATE SET terms = excluded.terms'),
      dropBlob: db.prepare('DELETE FROM record_search_counts WHERE row = ?'),
      // One statement for most words of a save: counted, and when the word's list is full and
      // the record weighs no more than its last entry, left out with the floor raised.
      addTerm: db.prepare(
        `INSERT INTO record_search_terms (term, df, floor, listed, lowest) VALUES (:term, 1, 0, 0, 0)
           ON CONFLICT (term) DO UPDATE SET df = df + 1,
             floor = CASE WHEN listed >= :size AND :value <= lowest THEN max(floor, :value) ELSE floor END
           RETURNING id, floor, listed, lowest`,
      ),
      dropTerm: db.prepare(
        `UPDATE record_search_terms SET df = df - 1, listed = listed - :deleted,
           lowest = CASE WHEN :deleted THEN coalesce((SELECT min(impact) FROM record_search_top WHERE term_id = :id), 0) ELSE lowest END
         WHERE id = :id RETURNING df`,
      ),
      forget: db.prepare('DELETE FROM record_search_terms WHERE id = ?'),
      lowest: db.prepare('SELECT impact, row FROM record_search_top WHERE term_id = ? ORDER BY impact, row LIMIT 1'),
      insertTop: db.prepare('INSERT INTO record_search_top (term_id, impact, row) VALUES (?, ?, ?)'),
      deleteTop: db.prepare('DELETE FROM record_search_top WHERE term_id = ? AND impact = ? AND row = ?'),
      deleteEntry: db.prepare('DELETE FROM record_search_top WHERE term_id = ? AND row = ?'),
      setList: db.prepare('UPDATE record_search_terms SET floor = ?, listed = ?, lowest = ? WHERE id = ?'),
      exact: db.prepare('SELECT id, df, floor FROM record_search_terms WHERE term = ? AND df > 0'),
      prefix: db.prepare('SELECT id, df, floor FROM record_search_terms WHERE term >= ? AND term < ? AND df > 0 LIMIT ?'),
      list: db.prepare('SELECT row FROM record_search_top WHERE term_id = ?'),
      count: db.prepare('SELECT count(*) FROM record_search WHERE record_search MATCH ?'),
    };
    cache.set(db, s);
  }
  return s!;
}

// ---- each record's word counts: varint length, then per word (id delta × 2 + in title), body
// count, and title count when in the title.

interface Counts {
  length: number;
  /** term id → [title count, body count] */
  terms: Map<number, [number, number]>;
}

function putVarint(out: number[], value: number): void {
  let v = value;
  while (v >= 0x80) {
    out.push((v & 0x7f) | 0x80);
    v = Math.floor(v / 128);
  }
  out.push(v);
}

function encodeCounts(length: number, terms: Array<[id: number, title: number, body: number]>): Buffer {
  const out: number[] = [];
  putVarint(out, length);
  let previous = 0;
  for (const [id, title, body] of terms.sort((a, b) => a[0] - b[0])) {
    putVarint(out, (id - previous) * 2 + (title > 0 ? 1 : 0));
    putVarint(out, body);
    if (title > 0) putVarint(out, title);
    previous = id;
  }
  return Buffer.from(out);
}

function decodeCounts(blob: Buffer): Counts {
  let at = 0;
  const next = () => {
    let value = 0;
    let scale = 1;
    for (;;) {
      const byte = blob[at++]!;
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 128;
    }
  };
  const length = next();
  const terms = new Map<number, [number, number]>();
  let id = 0;
  while (at < blob.length) {
    const head = next();
    id += Math.floor(head / 2);
    const body = next();
    terms.set(id, [head % 2 === 1 ? next() : 0, body]);
  }
  return { length, terms };
}

// ---- FTS5's own totals: the averages record (id 1 of record_search_data) holds the number of
// rows, then each column's token total, as SQLite varints.

interface Averages {
  rows: number;
  avgLength: number;
}

function readAverages(db: VaultDatabase): Averages | null {
  const block = statements(db).averages.pluck().get() as Buffer | undefined;
  if (!block) return null;
  let at = 0;
  const next = () => {
    let value = 0;
    for (let i = 0; i < 8; i++) {
      const byte = block[at++]!;
      value = value * 128 + (byte & 0x7f);
      if (byte < 0x80) return value;
    }
    return value * 256 + block[at++]!;
  };
  const rows = next();
  let total = 0;
  while (at < block.length) total += next();
  return rows > 0 ? { rows, avgLength: total / rows } : null;
}

/** bm25's per-word part for a weighted frequency in a record of `length` tokens. */
function impact(frequency: number, length: number, avgLength: number): number {
  const { k1, b } = BM25;
  return (frequency * (k1 + 1)) / (frequency + k1 * (1 - b + (b * length) / avgLength));
}

/**
 * The most a record held by none of a phrase's lists can score for it (before idf), from the
 * words' floors. Each word's impact f(k1+1)/(f+K) at most its floor caps its frequency at
 * K·floor/(k1+1−floor) whatever the record's length (K), so the phrase's summed frequency gives
 * (k1+1)·S/(1+S) with S the sum of floor/(k1+1−floor): the floor itself for a single word.
 */
function phraseBound(floors: number[]): number {
  const top = BM25.k1 + 1;
  const sum = floors.reduce((s, floor) => s + floor / Math.max(top - floor, Number.EPSILON), 0);
  return (top * sum) / (1 + sum);
}

function idf(rows: number, hits: number): number {
  const value = Math.log((rows - hits + 0.5) / (hits + 0.5));
  return value <= 0 ? 1e-6 : value;
}

// ---- writing

/** Takes one record's counts out: its words' frequencies and its places in their lists. */
export function removeTerms(db: VaultDatabase, row: number): void {
  if (!withLists(db)) return;
  const s = statements(db);
  const blob = s.blob.pluck().get(row) as Buffer | null | undefined;
  if (!blob) return;
  writes.set(db, (writes.get(db) ?? 0) + 1);
  const { terms } = decodeCounts(blob);
  for (const id of terms.keys()) {
    const deleted = s.deleteEntry.run(id, row).changes;
    const { df } = s.dropTerm.get({ id, deleted }) as { df: number };
    if (df <= 0) s.forget.run(id);
  }
  s.dropBlob.run(row);
}

/**
 * Puts one record's counts in, replacing any it had: `title` and `body` are the segmented texts
 * FTS5 indexed for `row`, which must already be written (its averages include the record).
 */
export function writeTerms(db: VaultDatabase, row: number, title: string, body: string, options: TermIndexOptions): void {
  if (!withLists(db)) return;
  const s = statements(db);
  removeTerms(db, row);
  const counts = new Map<string, [number, number]>();
  let length = 0;
  for (const [column, text] of [title, body].entries()) {
    for (const token of indexTokens(text)) {
      let entry = counts.get(token);
      if (!entry) counts.set(token, (entry = [0, 0]));
      entry[column]!++;
      length++;
    }
  }
  const averages = readAverages(db);
  let avgLength = s.reference.pluck().get() as number | null;
  if (!avgLength) s.setReference.run((avgLength = averages?.avgLength || 1));
  const stored: Array<[number, number, number]> = [];
  for (const [term, [inTitle, inBody]] of counts) {
    const value = impact(BM25.titleWeight * inTitle + BM25.bodyWeight * inBody, length, avgLength);
    const word = s.addTerm.get({ term, value, size: options.listLength }) as { id: number; floor: number; listed: number; lowest: number };
    const { id, floor, listed, lowest } = word;
    stored.push([id, inTitle, inBody]);
    if (value <= floor || (listed >= options.listLength && value <= lowest)) continue;
    if (listed < options.listLength) {
      s.insertTop.run(id, value, row);
      s.setList.run(floor, listed + 1, listed === 0 ? value : Math.min(lowest, value), id);
      continue;
    }
    // The list is full and the record beats its last entry, which leaves and raises the floor.
    const last = s.lowest.get(id) as { impact: number; row: number };
    s.deleteTop.run(id, last.impact, last.row);
    s.insertTop.run(id, value, row);
    s.setList.run(Math.max(floor, last.impact), listed, (s.lowest.get(id) as { impact: number }).impact, id);
  }
  s.setBlob.run(row, encodeCounts(length, stored));
  writes.set(db, (writes.get(db) ?? 0) + 1);
  if (averages && averages.rows <= RELIST_WITHIN_SAVE && drifted(avgLength, averages.avgLength)) relist(db, options);
}

const drifted = (reference: number, current: number) => Math.abs(current / reference - 1) > DRIFT;

/** Writes of counts per connection, so a background relist notices saves made while it read. */
const writes = new WeakMap<VaultDatabase, number>();

/** The best `size` impacts seen for one word, in a min-heap, and the best one left out. */
class TopList {
  impacts: number[] = [];
  rows: number[] = [];
  floor = 0;
  constructor(private readonly size: number) {}

  offer(impact: number, row: number): void {
    if (this.impacts.length < this.size) {
      this.impacts.push(impact);
      this.rows.push(row);
      this.up(this.impacts.length - 1);
    } else if (impact > this.impacts[0]!) {
      this.floor = Math.max(this.floor, this.impacts[0]!);
      this.impacts[0] = impact;
      this.rows[0] = row;
      this.down(0);
    } else this.floor = Math.max(this.floor, impact);
  }

  private swap(i: number, j: number): void {
    [this.impacts[i], this.impacts[j]] = [this.impacts[j]!, this.impacts[i]!];
    [this.rows[i], this.rows[j]] = [this.rows[j]!, this.rows[i]!];
  }

  private up(at: number): void {
    for (let i = at; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (this.impacts[parent]! <= this.impacts[i]!) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private down(at: number): void {
    for (let i = at; ; ) {
      let least = i;
      for (const child of [2 * i + 1, 2 * i + 2]) if (child < this.impacts.length && this.impacts[child]! < this.impacts[least]!) least = child;
      if (least === i) return;
      this.swap(i, least);
      i = least;
    }
  }
}

/** Every word's list from the counts of `blobs`, with impacts for the average length `reference`. */
function listsFrom(blobs: Iterable<{ row: number; terms: Buffer }>, reference: number, options: TermIndexOptions): Map<number, TopList> {
  const lists = new Map<number, TopList>();
  for (const { row, terms: blob } of blobs) {
    const { length, terms } = decodeCounts(blob);
    for (const [id, [inTitle, inBody]] of terms) {
      let list = lists.get(id);
      if (!list) lists.set(id, (list = new TopList(options.listLength)));
      list.offer(impact(BM25.titleWeight * inTitle + BM25.bodyWeight * inBody, length, reference), row);
    }
  }
  return lists;
}

function writeLists(db: VaultDatabase, lists: Map<number, TopList>, reference: number): void {
  const s = statements(db);
  db.exec('DELETE FROM record_search_top; UPDATE record_search_terms SET floor = 0, listed = 0, lowest = 0;');
  for (const [id, list] of lists) {
    list.rows.forEach((row, i) => s.insertTop.run(id, list.impacts[i]!, row));
    // The heap's root is its smallest impact.
    s.setList.run(list.floor, list.rows.length, list.impacts[0] ?? 0, id);
  }
  s.setReference.run(reference);
}

const ALL_COUNTS = 'SELECT row, terms FROM record_search_counts';

/** Computes every list again with the current average length (the caller's transaction). */
function relist(db: VaultDatabase, options: TermIndexOptions): void {
  const averages = readAverages(db);
  if (!averages) return;
  writeLists(db, listsFrom(db.prepare(ALL_COUNTS).iterate() as Iterable<{ row: number; terms: Buffer }>, averages.avgLength, options), averages.avgLength);
}

/**
 * For a large vault whose average record length has moved: reads every record's counts a batch at
 * a time, pausing between batches, then writes the new lists in one transaction, unless a save
 * came in meanwhile (it then tries again at the next unlock). Returns whether the lists are current.
 */
export async function relistIfDrifted(db: VaultDatabase, options: TermIndexOptions, stop: () => boolean): Promise<boolean> {
  if (!withLists(db)) return true;
  const averages = readAverages(db);
  const reference = statements(db).reference.pluck().get() as number | null;
  if (!averages || !reference || !drifted(reference, averages.avgLength)) return true;
  const before = writes.get(db) ?? 0;
  const page = db.prepare('SELECT row, terms FROM record_search_counts WHERE row > ? ORDER BY row LIMIT 2000');
  const blobs: Array<{ row: number; terms: Buffer }> = [];
  for (let after = -1; ; ) {
    const batch = page.all(after) as Array<{ row: number; terms: Buffer }>;
    if (batch.length === 0) break;
    blobs.push(...batch);
    after = batch.at(-1)!.row;
    await new Promise((resolve) => setImmediate(resolve));
    if (stop()) return false;
  }
  if ((writes.get(db) ?? 0) !== before) return false;
  const lists = listsFrom(blobs, averages.avgLength, options);
  db.transaction(() => writeLists(db, lists, averages.avgLength))();
  return true;
}

/** Empties every list and count, for a rebuild that writes every record again. */
export function clearTerms(db: VaultDatabase, complete: boolean): void {
  if (!withLists(db)) return;
  db.exec('DELETE FROM record_search_top; DELETE FROM record_search_terms; DELETE FROM record_search_counts;');
  statements(db).setReference.run(null);
  markComplete(db, complete);
}

export function markComplete(db: VaultDatabase, complete: boolean): void {
  if (!withLists(db)) return;
  db.prepare(
    `INSERT INTO record_search_term_state (id, complete) VALUES (1, ?)
       ON CONFLICT (id) DO UPDATE SET complete = excluded.complete`,
  ).run(complete ? 1 : 0);
}

/** Whether every record's counts are in (a vault without the lists has nothing to count). */
export function termsComplete(db: VaultDatabase): boolean {
  return !withLists(db) || (statements(db).complete.pluck().get() ?? 1) === 1;
}

// ---- ranking

/** One whitespace-separated part of a query: the phrases any of which it matches. */
export interface QueryChunk {
  phrases: string[];
  /** The part is the start of a word (the last one typed). */
  prefix: boolean;
}

interface RankedPhrase {
  ids: number[];
  text: string;
  /** Records matching the phrase, -1 until counted. */
  hits: number;
  idf: number;
  /** Its words' floors: what records outside their lists scored at most, at the reference average. */
  floors: number[];
  chunk: number;
}

/**
 * The rows of the best `limit` matches, best first, ranked by bm25 over the lists; or null when
 * FTS5 should rank: counts not complete, a phrase of several tokens (Chinese, Thai) or a prefix
 * of many words, a rare word (few matches: FTS5 is fast and exact), or a record outside the
 * lists that could still beat the last one shown.
 */
export function rankByTerms(db: VaultDatabase, chunks: QueryChunk[], limit: number, options: TermIndexOptions): number[] | null {
  if (chunks.length === 0 || !withLists(db) || !termsComplete(db)) return null;
  const s = statements(db);
  const averages = readAverages(db);
  const reference = s.reference.pluck().get() as number | null;
  if (!averages || !reference) return null;
  // Records outside the lists were weighed with the reference average; a longer average since
  // raises what they may score now by at most the ratio.
  const growth = Math.max(1, averages.avgLength / reference);
  const phrases: RankedPhrase[] = [];
  for (const [index, chunk] of chunks.entries()) {
    let chunkHits = 0;
    for (const text of chunk.phrases) {
      const tokens = indexTokens(text);
      if (tokens.length !== 1) return null;
      const token = tokens[0]!;
      const words = (chunk.prefix ? s.prefix.all(token, `${token}\u{10ffff}`, MAX_EXPANSIONS + 1) : s.exact.all(token)) as Array<{ id: number; df: number; floor: number }>;
      if (words.length > MAX_EXPANSIONS) return null;
      const hits = words.reduce((sum, w) => sum + w.df, 0);
      chunkHits += hits;
      phrases.push({ ids: words.map((w) => w.id), text, idf: 0, hits: words.length <= 1 ? (words[0]?.df ?? 0) : -1, floors: words.map((w) => w.floor), chunk: index });
    }
    if (chunkHits <= options.directBelow) return null;
  }
  for (const phrase of phrases) {
    // A prefix's records are counted by FTS5 (one pass over its matches, no ranking), as bm25
    // does; only the relative weight of several phrases depends on it.
    if (phrase.hits < 0) phrase.hits = phrases.length === 1 ? 0 : (s.count.pluck().get(`"${phrase.text.replaceAll('"', '""')}"*`) as number);
    phrase.idf = idf(averages.rows, phrase.hits);
  }

  const candidates = new Set<number>();
  for (const phrase of phrases) for (const id of phrase.ids) for (const row of s.list.pluck().all(id) as number[]) candidates.add(row);

  const { k1, b, titleWeight, bodyWeight } = BM25;
  const scored: Array<[row: number, score: number]> = [];
  const frequencies = new Float64Array(phrases.length);
  const matched = new Uint8Array(chunks.length);
  for (const row of candidates) {
    const blob = s.blob.pluck().get(row) as Buffer | null | undefined;
    if (!blob) return null;
    const { length, terms } = decodeCounts(blob);
    matched.fill(0);
    phrases.forEach((phrase, p) => {
      let f = 0;
      for (const id of phrase.ids) {
        const entry = terms.get(id);
        if (entry) f += titleWeight * entry[0] + bodyWeight * entry[1];
      }
      frequencies[p] = f;
      if (f > 0) matched[phrase.chunk] = 1;
    });
    if (!matched.every((m) => m === 1)) continue;
    const norm = k1 * (1 - b + (b * length) / averages.avgLength);
    let score = 0;
    phrases.forEach((phrase, p) => {
      const f = frequencies[p]!;
      if (f > 0) score += (phrase.idf * f * (k1 + 1)) / (f + norm);
    });
    scored.push([row, score]);
  }
  scored.sort((x, y) => y[1] - x[1] || x[0] - y[0]);
  const outside = phrases.reduce((sum, phrase) => sum + phrase.idf * phraseBound(phrase.floors.map((floor) => floor * growth)), 0);
  if (outside > 0 && (scored.length < limit || scored[limit - 1]![1] < outside)) return null;
  return scored.slice(0, limit).map(([row]) => row);
}
