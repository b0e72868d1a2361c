import type { Migration } from './types';

/**
 * Record search's top rows, stored for the next unlock (search/stored-top-rows.ts): at most one
 * row, deleted by every write to the search index and written again when the builder is idle.
 */
export const storedTopRows: Migration = {
  version: 20,
  description: "record search's best rows per common phrase, for the searches made before their build",
  up(db) {
    db.exec(`
      CREATE TABLE record_search_top_rows (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        totals BLOB NOT NULL,
        lists BLOB NOT NULL
      ) STRICT;
    `);
  },
};
