import type { Migration } from './types';

/**
 * A mark that a deleted record's words still wait to leave the search index (search/purge.ts):
 * written in the deletion's own transaction, so a crash or a panic before the purge leaves it for
 * the next unlock. At most one row. A vault from before this step may already hold deleted words
 * (deletions and replaced texts look the same in the index), so it starts marked if it does
 * (FTS5's tombstone pages: rowids from 2^53, as search/purge.ts explains).
 */
export const searchPurge: Migration = {
  version: 17,
  description: 'mark of deletions whose words wait to leave the search index',
  up(db) {
    db.exec(`
      CREATE TABLE record_search_purge (pending INTEGER PRIMARY KEY CHECK (pending = 1)) STRICT;
      INSERT INTO record_search_purge (pending)
        SELECT 1 WHERE EXISTS (SELECT 1 FROM record_search_data WHERE id >= 9007199254740992);
    `);
  },
};
