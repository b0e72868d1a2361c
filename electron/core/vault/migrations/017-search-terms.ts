import type { Migration } from './types';

/** Derived from the records like the FTS5 index: backups leave them out, restores rebuild them. */
export const SEARCH_LIST_TABLES: readonly string[] = ['record_search_terms', 'record_search_top', 'record_search_counts', 'record_search_term_state'];

/**
 * Word lists for record search at scale (see electron/core/search/term-index.ts): per word its
 * document frequency and the records where it weighs most, per record its word counts. They are
 * derived from the records, like the FTS5 index beside them: backups leave them out, and a restore
 * or salvage rebuilds them.
 * An existing vault's records are counted after unlock, in the background, a batch at a time;
 * until every one is, searches rank in FTS5 as before, so results never depend on a partial count.
 * The state row is written only for a vault with records to count (no row: nothing pending), so a
 * backup's own row loads into the empty vault a restore migrates first.
 */
export const searchTerms: Migration = {
  version: 17,
  description: 'record search word lists ranked at save time',
  up(db) {
    db.exec(`
      CREATE TABLE record_search_terms (
        id INTEGER PRIMARY KEY,
        term TEXT NOT NULL UNIQUE,
        df INTEGER NOT NULL,
        floor REAL NOT NULL,
        listed INTEGER NOT NULL,
        lowest REAL NOT NULL
      ) STRICT;
      CREATE TABLE record_search_top (
        term_id INTEGER NOT NULL,
        impact REAL NOT NULL,
        row INTEGER NOT NULL,
        PRIMARY KEY (term_id, impact, row)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE record_search_counts (
        row INTEGER PRIMARY KEY,
        terms BLOB NOT NULL
      ) STRICT;
      CREATE TABLE record_search_term_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        complete INTEGER NOT NULL,
        avg_length REAL
      ) STRICT;
      INSERT INTO record_search_term_state (id, complete) SELECT 1, 0 WHERE EXISTS (SELECT 1 FROM record_search_rows);
    `);
  },
};
