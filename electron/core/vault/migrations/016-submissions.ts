import { documentRevisionTriggers } from './012-compact-storage';
import type { Migration } from './types';

/**
 * Submission drafts. Like every record kind, each draft keeps its whole document as canonical JSON
 * in `doc` (what the revision chain hashes), plus the columns its lists read:
 * - newest change first by (updated_at, id);
 * - the drafts started from one plan (and step), package or assessment;
 * - what is due: drafts not yet filed, by filing deadline (a partial index holds only those);
 * - per company, in rows of their own since a draft may name several companies.
 * Its latest revision refers to the document, kept whole by the same triggers as the other kinds, and
 * its remembered export decisions (which hold flagged names) go with it, as migration 9 does for the others.
 */
export const submissions: Migration = {
  version: 16,
  description: 'submission drafts, their companies and deadlines',
  up(db) {
    db.exec(`
      CREATE TABLE submissions (
        id TEXT PRIMARY KEY,
        route TEXT NOT NULL,
        title TEXT NOT NULL,
        status TEXT NOT NULL,
        source_kind TEXT,
        source_id TEXT,
        source_step_id TEXT,
        filing_deadline TEXT,
        doc TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX submissions_by_updated ON submissions(updated_at, id);
      CREATE INDEX submissions_by_source ON submissions(source_kind, source_id, source_step_id, updated_at, id);
      CREATE INDEX submissions_by_status ON submissions(status, updated_at, id);
      CREATE INDEX submissions_due ON submissions(filing_deadline, id)
        WHERE filing_deadline IS NOT NULL AND status IN ('drafting', 'internalReview');

      CREATE TABLE submission_companies (
        submission_id TEXT NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
        company_id TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (submission_id, company_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX submission_companies_by_company ON submission_companies(company_id, updated_at, submission_id);

      CREATE TRIGGER export_decisions_of_submission AFTER DELETE ON submissions BEGIN
        DELETE FROM export_decisions WHERE record_kind IN ('submission', 'bundle-submission') AND record_id = old.id;
      END;
    `);
    db.exec(documentRevisionTriggers('submission', 'submissions'));
  },
};
