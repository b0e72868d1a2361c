// Full-text search over the user's records with SQLite FTS5, written in the same transaction as
// the record. The FTS5 table is contentless (migration 012): it keeps the index, never a copy of
// the text, so snippets are built from the record's own document (RecordTexts). Text is segmented into words before FTS5 sees it (Intl.Segmenter, joined with
// zero-width spaces), so Chinese, Thai, Burmese and Khmer words inside unspaced sentences are
// tokens; unicode61 folds diacritics at index and query time, so Vietnamese matches without them.
import type { RecordHit } from '@shared/api/diary';
import { wordSpanChunks, wordSpans, type WordSpan } from '@shared/search/normalise';
import { buildSnippet } from '../search/snippet';
import { BM25, clearTerms, markComplete, rankByTerms, relistIfDrifted, removeTerms, TERM_INDEX_DEFAULTS, termsComplete, writeTerms, type QueryChunk, type TermIndexOptions } from '../search/term-index';
import type { EntityKind } from './revisions';
import type { Statement } from 'better-sqlite3-multiple-ciphers';
import type { VaultDatabase } from '../vault/open';

const ZWSP = '\u200b';

/**
 * The text itself with a zero-width space wherever two words touch (unspaced scripts) and between
 * Han characters, so FTS5's unicode61 tokenizer sees each word. Words are cut by the same
 * normaliser as the knowledge-base index. Removing the spaces gives back the original text.
 */
export function segmentForIndex(text: string): string {
  const builder = new IndexTextBuilder(text.normalize('NFC'));
  for (const spans of wordSpanChunks(builder.text)) builder.add(spans);
  return builder.finish();
}

/**
 * The same, pausing every few milliseconds so other calls (a lock, a search) are answered while a
 * large text is segmented. Imports use it before their transaction (see preparedIndex).
 */
export async function segmentForIndexInSlices(text: string, sliceMs = 8): Promise<string> {
  const builder = new IndexTextBuilder(text.normalize('NFC'));
  let sliceStart = performance.now();
  for (const spans of wordSpanChunks(builder.text)) {
    builder.add(spans);
    if (performance.now() - sliceStart > sliceMs) {
      await new Promise((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
  }
  return builder.finish();
}

class IndexTextBuilder {
  private out = '';
  private at = 0;
  constructor(readonly text: string) {}

  add(spans: WordSpan[]): void {
    for (const span of spans) {
      const gap = this.text.slice(this.at, span.start);
      if (gap === '' && this.at > 0) this.out += ZWSP;
      this.out += gap + splitHan(this.text.slice(span.start, span.start + span.length));
      this.at = span.start + span.length;
    }
  }

  finish(): string {
    return this.out + this.text.slice(this.at);
  }
}

// ICU's dictionary splits Chinese differently in a sentence than alone (账号被封禁 → 账|号|被|封|禁,
// but 封禁 alone stays whole), so every Han character is its own token: a phrase query of
// characters then finds any word inside any sentence.
const HAN = /\p{Script=Han}/u;
const HAN_GAP = /(?<=\p{Script=Han})(?=\p{Script=Han})/gu;
function splitHan(word: string): string {
  return HAN.test(word) ? word.replace(HAN_GAP, ZWSP) : word;
}

/** Folded query words, Han split into characters, as FTS5 will see the indexed text. */
function queryWords(text: string): string[] {
  return wordSpans(text).flatMap((span) => splitHan(span.token).split(ZWSP));
}

/**
 * A MATCH expression from what the user typed: each whitespace-separated chunk becomes a quoted
 * phrase of its segments (never raw syntax, so no query can throw), the last one a prefix.
 * Query words are folded (lowercase, no diacritics); unicode61 folds the index the same way except
 * for Vietnamese đ, so a chunk with d also matches its đ form.
 */
export function matchExpression(query: string): string | null {
  const parts = queryChunks(query).map(({ phrases, prefix }) => {
    const quoted = phrases.map((text) => `"${text.replaceAll('"', '""')}"${prefix ? '*' : ''}`);
    return quoted.length > 1 ? `(${quoted.join(' OR ')})` : quoted[0]!;
  });
  return parts.length ? parts.join(' AND ') : null;
}

/** The parts of a query as matchExpression() writes them: each part's phrases, and whether it is a prefix. */
export function queryChunks(query: string): QueryChunk[] {
  const chunks = query.normalize('NFC').split(/\s+/).filter(Boolean);
  const parts: QueryChunk[] = [];
  chunks.forEach((chunk, i) => {
    const words = queryWords(chunk);
    if (words.length === 0) return;
    const plain = words.join(' ');
    const withD = plain.replace(/d/g, 'đ');
    parts.push({ phrases: withD !== plain ? [plain, withD] : [plain], prefix: i === chunks.length - 1 && words.join('').length >= 2 });
  });
  return parts;
}

/**
 * At most this many characters of one record's text are indexed (about 300 KB of Thai or Chinese
 * in UTF-8); the record itself is kept whole. Segmenting costs about 1 ms per 250 characters of
 * unspaced Han text, so the cap bounds what one save or one imported record can hold up. Long
 * diary notes and compiled CLARITI reports can pass it: their words after the cap are not found
 * by search (docs/security.md, "Search indexing").
 */
export const MAX_INDEXED_CHARS = 100_000;

/** The record's text as the index takes it: joined, cut at the cap (never inside a surrogate pair). */
export function indexedText(texts: string[]): string {
  const joined = texts.filter(Boolean).join('\n');
  if (joined.length <= MAX_INDEXED_CHARS) return joined;
  const low = joined.charCodeAt(MAX_INDEXED_CHARS);
  return joined.slice(0, low >= 0xdc00 && low <= 0xdfff ? MAX_INDEXED_CHARS - 1 : MAX_INDEXED_CHARS);
}

export interface RecordIndex {
  put(db: VaultDatabase, entity: EntityKind, id: string, title: string, texts: string[], at: string | null): void;
  remove(db: VaultDatabase, entity: EntityKind, id: string): void;
  search(db: VaultDatabase, query: string, limit: number): RecordHit[];
  /** Writes one record whose text is already segmented (imports segment before their transaction). */
  writeSegmented(db: VaultDatabase, entity: EntityKind, id: string, title: string, body: string, at: string | null): void;
  /**
   * Fills in the word counts of records indexed before they were kept (a vault migrated from an
   * older version), a batch at a time, pausing between batches; stops early when `stop()` says
   * so. Returns whether every record's counts are in.
   */
  completeTerms(db: VaultDatabase, stop: () => boolean): Promise<boolean>;
  /**
   * Empties the index and indexes every live record again, for a vault restored from a backup
   * (which carries no index). Segments in slices, writing a batch at a time: call it only on a
   * database nothing else uses yet.
   */
  rebuild(db: VaultDatabase): Promise<void>;
}

/** One record as the index takes it: what put() receives. */
export interface IndexedRecord {
  entity: EntityKind;
  id: string;
  title: string;
  texts: string[];
  at: string | null;
}

/**
 * Where the index reads records back: the texts of one record for its snippet, and every live
 * record for a rebuild. Each record kind's own document is the only copy of its text.
 */
export interface RecordTexts {
  one(db: VaultDatabase, entity: EntityKind, id: string): IndexedRecord | null;
  all(db: VaultDatabase): Iterable<IndexedRecord>;
}

// Rank and cut to the top rows inside FTS5 first, then join: joining before the sort would touch
// every match (tens of thousands at 100k entries) and cost about a third more. No snippet() (a
// contentless table has no text to cut it from): snippets are built in code for the rows shown,
// from each record's own texts (search/snippet.ts).
const SEARCH_SQL = `
  SELECT r.entity, r.entity_id AS id, r.title, r.at
    FROM (SELECT rowid, bm25(record_search, ${BM25.titleWeight.toFixed(1)}, ${BM25.bodyWeight.toFixed(1)}) AS score
            FROM record_search WHERE record_search MATCH ? ORDER BY score LIMIT ?) AS top
    JOIN record_search_rows r ON r.row = top.rowid
   ORDER BY top.score`;

// The rows the word lists ranked, in their order.
const ROWS_SQL = `SELECT entity, entity_id AS id, title, at FROM record_search_rows WHERE row = ?`;

const statements = new WeakMap<VaultDatabase, Statement<[string, number]>>();
function searchStatement(db: VaultDatabase) {
  let statement = statements.get(db);
  if (!statement) {
    statement = db.prepare<[string, number]>(SEARCH_SQL);
    statements.set(db, statement);
  }
  return statement;
}

/** Writes one record's row and its word counts, its text already segmented. */
function putSegmented(db: VaultDatabase, entity: EntityKind, id: string, title: string, body: string, at: string | null, options: TermIndexOptions): void {
  const existing = db.prepare('SELECT row FROM record_search_rows WHERE entity = ? AND entity_id = ?').get(entity, id) as { row: number } | undefined;
  const segmentedTitle = segmentForIndex(title);
  if (existing) {
    db.prepare('UPDATE record_search SET title = ?, body = ? WHERE rowid = ?').run(segmentedTitle, body, existing.row);
    db.prepare('UPDATE record_search_rows SET title = ?, at = ? WHERE row = ?').run(title, at, existing.row);
    writeTerms(db, existing.row, segmentedTitle, body, options);
    return;
  }
  const { lastInsertRowid } = db.prepare('INSERT INTO record_search (title, body) VALUES (?, ?)').run(segmentedTitle, body);
  db.prepare('INSERT INTO record_search_rows (entity, entity_id, row, title, at) VALUES (?, ?, ?, ?, ?)').run(entity, id, lastInsertRowid, title, at);
  writeTerms(db, Number(lastInsertRowid), segmentedTitle, body, options);
}

/**
 * The index for one import: the records' texts are segmented first, in slices between which
 * other calls run, and put() inside the import's transaction then only writes. A text that was
 * not prepared is segmented in put() as usual.
 */
export async function preparedIndex(index: RecordIndex, texts: string[][]): Promise<RecordIndex> {
  const prepared = new Map<string, string>();
  for (const record of texts) {
    const joined = indexedText(record);
    if (!prepared.has(joined)) prepared.set(joined, await segmentForIndexInSlices(joined));
  }
  return {
    ...index,
    put(db, entity, id, title, recordTexts, at) {
      const body = prepared.get(indexedText(recordTexts));
      if (body === undefined) index.put(db, entity, id, title, recordTexts, at);
      else index.writeSegmented(db, entity, id, title, body, at);
    },
  };
}

const REBUILD_BATCH = 500;
const COMPLETE_BATCH = 200;

/**
 * The index over the records `texts` reads back for snippets and rebuilds. `options` size the
 * word lists (tests use small ones to reach them with a few hundred records).
 */
export function createRecordIndex(texts: RecordTexts, options: TermIndexOptions = TERM_INDEX_DEFAULTS): RecordIndex {
  const index: RecordIndex = {
    put(db, entity, id, title, recordTexts, at) {
      putSegmented(db, entity, id, title, segmentForIndex(indexedText(recordTexts)), at, options);
    },

    writeSegmented(db, entity, id, title, body, at) {
      putSegmented(db, entity, id, title, body, at, options);
    },

    remove(db, entity, id) {
      const existing = db.prepare('SELECT row FROM record_search_rows WHERE entity = ? AND entity_id = ?').get(entity, id) as { row: number } | undefined;
      if (!existing) return;
      removeTerms(db, existing.row);
      db.prepare('DELETE FROM record_search WHERE rowid = ?').run(existing.row);
      db.prepare('DELETE FROM record_search_rows WHERE row = ?').run(existing.row);
    },

    search(db, query, limit) {
      const chunks = queryChunks(query);
      if (chunks.length === 0) return [];
      const ranked = rankByTerms(db, chunks, limit, options);
      const byRow = ranked && db.prepare(ROWS_SQL);
      const rows = ranked && byRow
        ? ranked.map((row) => byRow.get(row) as Omit<RecordHit, 'kind' | 'snippet'>)
        : (searchStatement(db).all(matchExpression(query)!, limit) as Array<Omit<RecordHit, 'kind' | 'snippet'>>);
      return rows.map((hit) => {
        const record = texts.one(db, hit.entity, hit.id);
        return { kind: 'record', ...hit, snippet: buildSnippet(record ? indexedText(record.texts) : '', query) };
      });
    },

    async rebuild(db) {
      db.prepare("INSERT INTO record_search (record_search) VALUES ('delete-all')").run();
      clearTerms(db, true);
      db.prepare('DELETE FROM record_search_rows').run();
      let batch: Array<[IndexedRecord, string]> = [];
      const flush = db.transaction(() => {
        for (const [r, body] of batch) putSegmented(db, r.entity, r.id, r.title, body, r.at, options);
        batch = [];
      });
      for (const record of texts.all(db)) {
        batch.push([record, await segmentForIndexInSlices(indexedText(record.texts))]);
        if (batch.length >= REBUILD_BATCH) flush();
      }
      flush();
    },

    async completeTerms(db, stop) {
      if (termsComplete(db)) return relistIfDrifted(db, options, stop);
      const uncounted = 'NOT EXISTS (SELECT 1 FROM record_search_counts c WHERE c.row = r.row)';
      const pending = db.prepare(`SELECT entity, entity_id AS id, row FROM record_search_rows r WHERE row > ? AND ${uncounted} ORDER BY row LIMIT ?`);
      const stillPending = db.prepare(`SELECT 1 FROM record_search_rows r WHERE row = ? AND ${uncounted}`);
      let after = -1;
      for (;;) {
        const rows = pending.all(after, COMPLETE_BATCH) as Array<{ entity: EntityKind; id: string; row: number }>;
        if (rows.length === 0) break;
        const segmented: Array<[number, string, string]> = [];
        for (const { entity, id, row } of rows) {
          const record = texts.one(db, entity, id);
          // A record gone since it was indexed keeps no counts: its row leaves with its next delete.
          if (record) segmented.push([row, segmentForIndex(record.title), await segmentForIndexInSlices(indexedText(record.texts))]);
          if (stop()) return false;
        }
        db.transaction(() => {
          // A save since the batch was read wrote its own counts, from its new text.
          for (const [row, title, body] of segmented) if (stillPending.get(row)) writeTerms(db, row, title, body, options);
        })();
        after = rows.at(-1)!.row;
        await new Promise((resolve) => setImmediate(resolve));
        if (stop()) return false;
      }
      markComplete(db, true);
      return relistIfDrifted(db, options, stop);
    },
  };
  return index;
}
