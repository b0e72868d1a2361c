import type { Migration } from './types';

/**
 * Record search without a copy of the text: the FTS5 table becomes contentless (the index and its
 * statistics only, with deletes still possible), so a note is no longer stored once more inside
 * the index. The index is moved over from the old table's own text, token for token, so every
 * search finds and ranks exactly what it did; snippets are built from each record's document.
 */
export const compactStorage: Migration = {
  version: 12,
  description: 'record search index without a copy of the text',
  up(db) {
    db.exec(`
      CREATE VIRTUAL TABLE record_search_contentless USING fts5(
        title, body,
        content = '', contentless_delete = 1,
        tokenize = "unicode61 remove_diacritics 2 categories 'L* M* N* Co'"
      );
      INSERT INTO record_search_contentless (rowid, title, body) SELECT rowid, title, body FROM record_search ORDER BY rowid;
      DROP TABLE record_search;
      ALTER TABLE record_search_contentless RENAME TO record_search;
    `);
  },
};
