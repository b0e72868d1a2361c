import type { Migration } from './types';

/**
 * Word lists for record search at scale (see electron/core/search/term-index.ts): per word its
 * document frequency and the records where it weighs most, per record its word counts. They are
 * derived from the records, like the FTS5 index beside them: a restore or salvage rebuilds them.
 * An existing vault's records are counted after unlock, in the background, a batch at a time;
 * until every one is, searches rank in FTS5 as before, so results never depend on a partial count.
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
      ALTER TABLE record_search_rows ADD COLUMN terms BLOB;
      CREATE TABLE record_search_term_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        complete INTEGER NOT NULL,
        avg_length REAL
      ) STRICT;
      INSERT INTO record_search_term_state (id, complete) SELECT 1, NOT EXISTS (SELECT 1 FROM record_search_rows);
    `);
  },
};
