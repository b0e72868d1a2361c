import type { Migration } from './types';

/**
 * Partner bundles: which bundles were imported (sender, dates), which record came from which
 * bundle with the content hash used to skip duplicates, and the evidence files that came with them
 * (diary attachments belong to an engagement, which a partner's bundle never carries).
 */
export const exchange: Migration = {
  version: 5,
  description: 'provenance of records imported from partner bundles',
  up(db) {
    db.exec(`
      CREATE TABLE exchange_imports (
        bundle_id TEXT PRIMARY KEY,
        organisation TEXT NOT NULL,
        sent_at TEXT NOT NULL,
        imported_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE exchange_provenance (
        entity TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        bundle_id TEXT NOT NULL REFERENCES exchange_imports(bundle_id),
        source_id TEXT NOT NULL,
        content_sha256 TEXT NOT NULL,
        PRIMARY KEY (entity, entity_id)
      ) STRICT;
      CREATE INDEX exchange_provenance_by_content ON exchange_provenance(entity, content_sha256);

      CREATE TABLE exchange_files (
        sha256 TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        type TEXT NOT NULL,
        size INTEGER NOT NULL,
        bundle_id TEXT NOT NULL REFERENCES exchange_imports(bundle_id),
        data BLOB NOT NULL
      ) STRICT;
    `);
  },
};
