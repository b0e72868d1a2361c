import type { Migration } from './types';

/**
 * The engagement diary, revisions and record search. Records keep their full document as canonical
 * JSON in `doc` (what the revision chain hashes) plus the columns that lists and the dashboard
 * filter on; commitments and follow-ups get rows of their own so "what is due" is one query.
 */
export const diary: Migration = {
  version: 2,
  description: 'engagement diary, revisions, drafts and record search',
  up(db) {
    db.exec(`
      CREATE TABLE companies (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        sector TEXT NOT NULL,
        hq_country TEXT NOT NULL,
        doc TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE engagements (
        id TEXT PRIMARY KEY,
        company_id TEXT NOT NULL REFERENCES companies(id),
        occurred_at TEXT NOT NULL,
        channel TEXT NOT NULL,
        title TEXT NOT NULL,
        doc TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX engagements_by_date ON engagements(occurred_at);
      CREATE INDEX engagements_by_company ON engagements(company_id, occurred_at);

      CREATE TABLE engagement_tags (
        engagement_id TEXT NOT NULL REFERENCES engagements(id) ON DELETE CASCADE,
        tag TEXT NOT NULL,
        PRIMARY KEY (engagement_id, tag)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX engagement_tags_by_tag ON engagement_tags(tag);

      CREATE TABLE commitments (
        id TEXT PRIMARY KEY,
        engagement_id TEXT NOT NULL REFERENCES engagements(id) ON DELETE CASCADE,
        company_id TEXT NOT NULL,
        made_at TEXT NOT NULL,
        text TEXT NOT NULL,
        owner TEXT NOT NULL,
        due_date TEXT,
        status TEXT NOT NULL
      ) STRICT;
      CREATE INDEX commitments_by_company ON commitments(company_id);
      CREATE INDEX commitments_by_engagement ON commitments(engagement_id);
      CREATE INDEX commitments_due ON commitments(status, due_date);

      CREATE TABLE follow_ups (
        id TEXT PRIMARY KEY,
        engagement_id TEXT NOT NULL REFERENCES engagements(id) ON DELETE CASCADE,
        company_id TEXT NOT NULL,
        text TEXT NOT NULL,
        owner TEXT NOT NULL,
        due_date TEXT,
        done INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX follow_ups_by_engagement ON follow_ups(engagement_id);
      CREATE INDEX follow_ups_due ON follow_ups(done, due_date);

      CREATE TABLE attachments (
        id TEXT PRIMARY KEY,
        engagement_id TEXT NOT NULL REFERENCES engagements(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        type TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        added_at TEXT NOT NULL,
        data BLOB NOT NULL
      ) STRICT;
      CREATE INDEX attachments_by_engagement ON attachments(engagement_id);

      CREATE TABLE drafts (
        key TEXT PRIMARY KEY,
        content TEXT NOT NULL,
        saved_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE revisions (
        seq INTEGER PRIMARY KEY,
        entity TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        at TEXT NOT NULL,
        content TEXT,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL,
        UNIQUE (entity, entity_id, version)
      ) STRICT;

      -- Text is pre-segmented (Intl.Segmenter, words joined by spaces) and diacritics are folded
      -- by unicode61, so unspaced scripts and unaccented Vietnamese queries match.
      CREATE VIRTUAL TABLE record_search USING fts5(
        title, body,
        tokenize = "unicode61 remove_diacritics 2 categories 'L* M* N* Co'"
      );
      CREATE TABLE record_search_rows (
        entity TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        row INTEGER NOT NULL,
        title TEXT NOT NULL,
        at TEXT,
        PRIMARY KEY (entity, entity_id)
      ) STRICT;
      CREATE INDEX record_search_rows_by_row ON record_search_rows(row);
    `);
  },
};
