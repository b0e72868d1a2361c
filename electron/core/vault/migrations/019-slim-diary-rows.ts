import type { Migration } from './types';

/**
 * The diary's derived rows held copies nothing read, and indexes no query used: at 100,000 entries
 * the file was 2.18 times its canonical records. Now each row keeps only what a query reads, and the
 * rest comes from the record's own document:
 * - engagements lose `title`, `created_at` and `updated_at` (a list row's title is read from the
 *   document it sits beside), and their date and channel indexes the entry id: entries of the same
 *   minute are ordered by rowid there, which every index already ends with (see diary/repository.ts);
 * - commitments and follow-ups keep their words and owner only while open (the due list, their one
 *   reader, shows only open items; the document keeps them always), and commitments lose `made_at`:
 *   the ledger takes the day a commitment was made from its entry, which it always was;
 * - commitments by engagement carry (status, due date), so a list row's counts and the ledger read
 *   that index alone, and `commitments_by_company` (a prefix of another index) goes;
 * - the indexes only open items use (the due list, overdue per company) hold only open items;
 * - tag rows are keyed by (tag, entry) only, the order the tag filter and the tag list read; the
 *   copy keyed by entry goes, as a list row reads its tags from its document, and an entry's tag
 *   rows are found by the tags its document names when it is saved again or deleted;
 * - `companies_by_name` goes: companies are sorted by core in the reader's language since the
 *   company order moved there.
 * Dropped columns are rewritten out of every row in this migration's transaction; freed pages go to
 * the free list, which later writes reuse (the file shrinks when it is next compacted).
 */
export const slimDiaryRows: Migration = {
  version: 19,
  description: 'diary rows keep only what queries read; unused and redundant indexes dropped',
  up(db) {
    db.exec(`
      DROP INDEX companies_by_name;

      DROP INDEX commitments_by_company;
      DROP INDEX commitments_by_company_status;
      DROP INDEX commitments_by_engagement;
      ALTER TABLE commitments DROP COLUMN made_at;
      UPDATE commitments SET text = '', owner = '' WHERE status <> 'open';
      CREATE INDEX commitments_by_engagement ON commitments(engagement_id, status, due_date);
      CREATE INDEX commitments_open_by_company ON commitments(company_id, due_date) WHERE status = 'open';

      DROP INDEX follow_ups_due;
      DROP INDEX follow_ups_by_company_due;
      UPDATE follow_ups SET text = '', owner = '' WHERE done <> 0;
      CREATE INDEX follow_ups_due ON follow_ups(due_date, company_id, id) WHERE done = 0;
      CREATE INDEX follow_ups_open_by_company ON follow_ups(company_id, due_date) WHERE done = 0;

      DROP INDEX engagements_by_date;
      DROP INDEX engagements_by_channel;
      ALTER TABLE engagements DROP COLUMN title;
      ALTER TABLE engagements DROP COLUMN created_at;
      ALTER TABLE engagements DROP COLUMN updated_at;
      CREATE INDEX engagements_by_date ON engagements(occurred_at);
      CREATE INDEX engagements_by_channel ON engagements(channel, occurred_at);

      CREATE TABLE engagement_tags_keyed_by_tag (
        tag TEXT NOT NULL,
        engagement_id TEXT NOT NULL,
        PRIMARY KEY (tag, engagement_id)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO engagement_tags_keyed_by_tag (tag, engagement_id) SELECT tag, engagement_id FROM engagement_tags ORDER BY tag, engagement_id;
      DROP TABLE engagement_tags;
      ALTER TABLE engagement_tags_keyed_by_tag RENAME TO engagement_tags;
    `);
  },
};
