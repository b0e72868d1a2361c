import type { Migration } from './types';

/**
 * Notes. Like every record kind, each note keeps its whole document as canonical JSON in `doc`
 * (what the revision chain hashes), plus the columns its list pages on: newest change first by
 * (updated_at, id), the same per company, and tags in rows of their own so a tag filter is a range
 * of an index.
 */
export const notes: Migration = {
  version: 13,
  description: 'free-form notes and their tags',
  up(db) {
    db.exec(`
      CREATE TABLE notes (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        company_id TEXT,
        doc TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX notes_by_updated ON notes(updated_at, id);
      CREATE INDEX notes_by_company ON notes(company_id, updated_at, id);

      CREATE TABLE note_tags (
        note_id TEXT NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
        tag TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (note_id, tag)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX note_tags_by_tag ON note_tags(tag, updated_at, note_id);
    `);
  },
};
