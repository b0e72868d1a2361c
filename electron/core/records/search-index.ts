// Full-text search over the user's records with SQLite FTS5, written in the same transaction as
// the record. The FTS5 table is contentless (migration 012): it keeps the index, never a copy of
// the text, so snippets are built from the record's own document (RecordTexts). Text is segmented into words before FTS5 sees it (Intl.Segmenter, joined with
// zero-width spaces), so Chinese, Thai, Burmese and Khmer words inside unspaced sentences are
// tokens; unicode61 folds diacritics at index and query time, so Vietnamese matches without them.
import type { RecordHit } from '@shared/api/diary';
import { wordSpanChunks, wordSpans, type WordSpan } from '@shared/search/normalise';
import { markDeletion, schedulePurge } from '../search/purge';
import { forgetTopRows, noteRowChanged, topRowsSearch, type QueryPhrase } from '../search/top-rows';
import { buildSnippet } from '../search/snippet';
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
 * The phrases of a MATCH expression from what the user typed: each whitespace-separated chunk
 * becomes a quoted phrase of its segments (never raw syntax, so no query can throw), the last one
 * a prefix. Query words are folded (lowercase, no diacritics); unicode61 folds the index the same
 * way except for Vietnamese đ, so a chunk with d also matches its đ form.
 */
export function matchPhrases(query: string): QueryPhrase[] {
  const chunks = query.normalize('NFC').split(/\s+/).filter(Boolean);
  const phrases: QueryPhrase[] = [];
  chunks.forEach((chunk, i) => {
    const words = queryWords(chunk);
    if (words.length === 0) return;
    const last = i === chunks.length - 1;
    const phrase = (text: string) => `"${text.replaceAll('"', '""')}"${last && words.join('').length >= 2 ? '*' : ''}`;
    const plain = phrase(words.join(' '));
    const withD = words.join(' ').replace(/d/g, 'đ');
    const alternatives = withD !== words.join(' ') ? [plain, phrase(withD)] : [plain];
    phrases.push({ expression: alternatives.length > 1 ? `(${alternatives.join(' OR ')})` : plain, alternatives });
  });
  return phrases;
}

/** The MATCH expression: every phrase of the query (matchPhrases), all required. */
export function matchExpression(query: string): string | null {
  const phrases = matchPhrases(query);
  return phrases.length ? phrases.map((phrase) => phrase.expression).join(' AND ') : null;
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
// every match (tens of thousands at 100,000 entries) and cost about a third more. No snippet() (a
// contentless table has no text to cut it from): snippets are built in code for the rows shown,
// from each record's own texts (search/snippet.ts).
const SEARCH_SQL = `
  SELECT r.entity, r.entity_id AS id, r.title, r.at
    FROM (SELECT rowid, bm25(record_search, 5.0, 1.0) AS score
            FROM record_search WHERE record_search MATCH ? ORDER BY score LIMIT ?) AS top
    JOIN record_search_rows r ON r.row = top.rowid
   ORDER BY top.score`;

/**
 * The same ranking over the given rows only (search/top-rows.ts): FTS5 still walks every match,
 * which is cheap, but bm25 runs only for the matches in the list. "+rowid" keeps the list away
 * from FTS5, which would otherwise run the whole query again for each row of it.
 */
export const CANDIDATES_SQL = `
  SELECT rowid, bm25(record_search, 5.0, 1.0) AS score
    FROM record_search
   WHERE record_search MATCH ? AND +rowid IN (SELECT value FROM json_each(?))
   ORDER BY score LIMIT ?`;

export const ROWS_SQL = 'SELECT entity, entity_id AS id, title, at FROM record_search_rows WHERE row = ?';

interface Statements {
  search: Statement<[string, number]>;
  candidates: Statement<[string, string, number]>;
  row: Statement<[number]>;
}

const statements = new WeakMap<VaultDatabase, Statements>();
function prepared(db: VaultDatabase): Statements {
  let statement = statements.get(db);
  if (!statement) {
    statement = { search: db.prepare(SEARCH_SQL), candidates: db.prepare(CANDIDATES_SQL), row: db.prepare(ROWS_SQL) };
    statements.set(db, statement);
  }
  return statement;
}

type Ranked = Omit<RecordHit, 'kind' | 'snippet'>;

/** The top `limit` rows for the query: from the common phrases' top rows when they prove it, else by ranking every match. */
function rankedRows(db: VaultDatabase, query: string, limit: number): Ranked[] {
  const phrases = matchPhrases(query);
  if (phrases.length === 0) return [];
  const match = phrases.map((phrase) => phrase.expression).join(' AND ');
  const { search, candidates, row } = prepared(db);
  const top = topRowsSearch(db, phrases, match, limit, (expression, rows, n) =>
    rows.length === 0 ? [] : (candidates.all(expression, JSON.stringify(rows), n) as Array<{ rowid: number; score: number }>),
  );
  if (!top) return search.all(match, limit) as Ranked[];
  return top.map((hit) => row.get(hit.rowid) as Ranked);
}

/** Writes one record's row, its text already segmented. */
function putSegmented(db: VaultDatabase, entity: EntityKind, id: string, title: string, body: string, at: string | null): void {
  const existing = db.prepare('SELECT row FROM record_search_rows WHERE entity = ? AND entity_id = ?').get(entity, id) as { row: number } | undefined;
  if (existing) {
    db.prepare('UPDATE record_search SET title = ?, body = ? WHERE rowid = ?').run(segmentForIndex(title), body, existing.row);
    noteRowChanged(db, existing.row);
    db.prepare('UPDATE record_search_rows SET title = ?, at = ? WHERE row = ?').run(title, at, existing.row);
    return;
  }
  const { lastInsertRowid } = db.prepare('INSERT INTO record_search (title, body) VALUES (?, ?)').run(segmentForIndex(title), body);
  noteRowChanged(db, Number(lastInsertRowid));
  db.prepare('INSERT INTO record_search_rows (entity, entity_id, row, title, at) VALUES (?, ?, ?, ?, ?)').run(entity, id, lastInsertRowid, title, at);
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
      else putSegmented(db, entity, id, title, body, at);
    },
  };
}

const REBUILD_BATCH = 500;

/** The index over the records `texts` reads back for snippets and rebuilds. */
export function createRecordIndex(texts: RecordTexts): RecordIndex {
  const index: RecordIndex = {
    put(db, entity, id, title, recordTexts, at) {
      putSegmented(db, entity, id, title, segmentForIndex(indexedText(recordTexts)), at);
    },

    remove(db, entity, id) {
      const existing = db.prepare('SELECT row FROM record_search_rows WHERE entity = ? AND entity_id = ?').get(entity, id) as { row: number } | undefined;
      if (!existing) return;
      db.prepare('DELETE FROM record_search WHERE rowid = ?').run(existing.row);
      db.prepare('DELETE FROM record_search_rows WHERE row = ?').run(existing.row);
      noteRowChanged(db, existing.row);
      // The row's words stay in the index under a tombstone until merged away (search/purge.ts).
      markDeletion(db);
      schedulePurge(db);
    },

    search(db, query, limit) {
      return rankedRows(db, query, limit).map((hit) => {
        const record = texts.one(db, hit.entity, hit.id);
        return { kind: 'record', ...hit, snippet: buildSnippet(record ? indexedText(record.texts) : '', query) };
      });
    },

    async rebuild(db) {
      // Rows are numbered anew: top rows kept for the old numbers mean nothing now.
      forgetTopRows(db);
      db.prepare("INSERT INTO record_search (record_search) VALUES ('delete-all')").run();
      db.prepare('DELETE FROM record_search_rows').run();
      let batch: Array<[IndexedRecord, string]> = [];
      const flush = db.transaction(() => {
        for (const [r, body] of batch) putSegmented(db, r.entity, r.id, r.title, body, r.at);
        batch = [];
      });
      for (const record of texts.all(db)) {
        batch.push([record, await segmentForIndexInSlices(indexedText(record.texts))]);
        if (batch.length >= REBUILD_BATCH) flush();
      }
      flush();
    },
  };
  return index;
}
