import type { Migration } from './types';

/**
 * Record search's rows are keyed by their number in the index. A search reads each hit's row by
 * that number: through an index on `row`, then the table, two pages not yet in the cache for
 * each of twenty hits (decrypted as they are read). With `row` as the table's own key it is one
 * page, and the index on `row` goes. Saves and deletions find a record's row by (entity, id)
 * through a unique index instead of the table's old key. The numbers are the index's own rowids,
 * kept as they are: the index and the top rows stored for it (migration 020) still name them.
 */
export const searchRowsByRow: Migration = {
  version: 21,
  description: "record search's rows keyed by their number in the index",
  up(db) {
    db.exec(`
      CREATE TABLE record_search_rows_keyed_by_row (
        row INTEGER PRIMARY KEY,
        entity TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        title TEXT NOT NULL,
        at TEXT
      ) STRICT;
      INSERT INTO record_search_rows_keyed_by_row (row, entity, entity_id, title, at)
        SELECT row, entity, entity_id, title, at FROM record_search_rows ORDER BY row;
      DROP TABLE record_search_rows;
      ALTER TABLE record_search_rows_keyed_by_row RENAME TO record_search_rows;
      CREATE UNIQUE INDEX record_search_rows_by_record ON record_search_rows(entity, entity_id);
    `);
  },
};
