// The only place the notes' SQL lives.
import type { Note, NoteRow } from '@shared/api/notes';
import { canonicalJson } from '../records/canonical';
import type { VaultDatabase } from '../vault/open';

/** Characters of the body a list row shows. */
const EXCERPT_CHARS = 200;

/** Writes the note and its tag rows. */
export function insertOrReplaceNote(db: VaultDatabase, note: Note): void {
  db.prepare(
    `INSERT INTO notes (id, title, company_id, doc, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET title = excluded.title, company_id = excluded.company_id, doc = excluded.doc, updated_at = excluded.updated_at`,
  ).run(note.id, note.title, note.companyId, canonicalJson(note), note.createdAt, note.updatedAt);
  db.prepare('DELETE FROM note_tags WHERE note_id = ?').run(note.id);
  const tag = db.prepare('INSERT OR IGNORE INTO note_tags (note_id, tag, updated_at) VALUES (?, ?, ?)');
  for (const name of note.tags) tag.run(note.id, name, note.updatedAt);
}

export function findNote(db: VaultDatabase, id: string): Note | undefined {
  const row = db.prepare('SELECT doc FROM notes WHERE id = ?').get(id) as { doc: string } | undefined;
  return row ? (JSON.parse(row.doc) as Note) : undefined;
}

export function deleteNoteRow(db: VaultDatabase, id: string): void {
  db.prepare('DELETE FROM notes WHERE id = ?').run(id);
}

export interface NotePageQuery {
  tag?: string | undefined;
  companyId?: string | undefined;
  /** The (updated_at, id) of the last row of the previous page. */
  after?: readonly [string, string] | undefined;
  limit: number;
}

/**
 * One page, newest change first. Each filter reads a range of one index (notes by update time, by
 * company, or tags by tag), seeking past the previous page's last row instead of counting an offset.
 */
export function notePage(db: VaultDatabase, query: NotePageQuery): { rows: NoteRow[]; total: number } {
  const where: string[] = [];
  const params: unknown[] = [];
  let from = 'notes n';
  let orderKey = 'n.updated_at';
  if (query.tag !== undefined) {
    from = 'note_tags t JOIN notes n ON n.id = t.note_id';
    where.push('t.tag = ?');
    params.push(query.tag);
    orderKey = 't.updated_at';
  }
  if (query.companyId !== undefined) {
    where.push('n.company_id = ?');
    params.push(query.companyId);
  }
  const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (db.prepare(`SELECT count(*) AS n FROM ${from} ${filter}`).get(...params) as { n: number }).n;
  const idKey = query.tag !== undefined ? 't.note_id' : 'n.id';
  const seek = query.after ? `${filter ? `${filter} AND` : 'WHERE'} (${orderKey}, ${idKey}) < (?, ?)` : filter;
  const seekParams = query.after ? [...params, query.after[0], query.after[1]] : params;
  // Only the opening of each body leaves SQLite: a page of long notes never copies whole bodies.
  const rows = db
    .prepare(
      `SELECT n.id, n.title, n.company_id AS companyId, c.name AS companyName, n.updated_at AS updatedAt,
              json_extract(n.doc, '$.tags') AS tags, substr(json_extract(n.doc, '$.body'), 1, ${EXCERPT_CHARS * 4}) AS opening
         FROM ${from} LEFT JOIN companies c ON c.id = n.company_id
         ${seek} ORDER BY ${orderKey} DESC, ${idKey} DESC LIMIT ?`,
    )
    .all(...seekParams, query.limit) as Array<Omit<NoteRow, 'tags' | 'excerpt'> & { tags: string; opening: string }>;
  return {
    total,
    rows: rows.map(({ tags, opening, ...row }) => ({ ...row, tags: JSON.parse(tags) as string[], excerpt: excerptOf(opening) })),
  };
}

/** The opening words of the body, Markdown marks dropped so the row reads as plain text. */
function excerptOf(opening: string): string {
  const plain = opening
    .replace(/[*_`~]+/g, '')
    .replace(/[#>[\]]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > EXCERPT_CHARS ? `${plain.slice(0, EXCERPT_CHARS - 1)}…` : plain;
}

/** Every tag once, in no particular order: the service sorts them in the reader's language. */
export function noteTags(db: VaultDatabase): string[] {
  return db.prepare('SELECT DISTINCT tag FROM note_tags').pluck().all() as string[];
}

/** Live notes a batch at a time by rowid, so no statement stays open between the notes yielded. */
export function* liveNotes(db: VaultDatabase): Iterable<Note> {
  const batch = db.prepare('SELECT rowid AS r, doc FROM notes WHERE rowid > ? ORDER BY rowid LIMIT 500');
  let last = 0;
  for (;;) {
    const rows = batch.all(last) as Array<{ r: number; doc: string }>;
    if (rows.length === 0) return;
    for (const row of rows) yield JSON.parse(row.doc) as Note;
    last = rows.at(-1)!.r;
  }
}
