import type { Migration } from './types';

/**
 * What the user decided about each item the identity check flagged in a record's export ("this is
 * fine", or replace it with a pseudonym), so the next export of the same record asks only about
 * what is new. Keyed by (record kind, record id, flag key); bundle decisions use the kind of the
 * item with a `bundle-` prefix, since a bundle is made from a selection, not a record.
 *
 * A flag key holds the folded text that was found (a real name, a phone number), so decisions must
 * go when their record goes. Triggers do that on every delete path (the service's delete, a cascade
 * from a diary entry to its attachments) without each domain having to remember; the vault runs
 * with secure_delete, so the deleted rows are overwritten.
 */
export const exportDecisions: Migration = {
  version: 9,
  description: 'remembered decisions about what the identity check flagged in exports',
  up(db) {
    db.exec(`
      CREATE TABLE export_decisions (
        record_kind TEXT NOT NULL,
        record_id TEXT NOT NULL,
        flag_key TEXT NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('fine', 'replace')),
        replacement TEXT NOT NULL DEFAULT '',
        decided_at TEXT NOT NULL,
        PRIMARY KEY (record_kind, record_id, flag_key)
      ) STRICT, WITHOUT ROWID;

      CREATE TRIGGER export_decisions_of_plan AFTER DELETE ON plans BEGIN
        DELETE FROM export_decisions WHERE record_kind IN ('plan', 'bundle-plan') AND record_id = old.id;
      END;
      CREATE TRIGGER export_decisions_of_package AFTER DELETE ON evidence_packages BEGIN
        DELETE FROM export_decisions WHERE record_kind IN ('package', 'bundle-package') AND record_id = old.id;
      END;
      CREATE TRIGGER export_decisions_of_assessment AFTER DELETE ON assessments BEGIN
        DELETE FROM export_decisions WHERE record_kind IN ('assessment', 'bundle-assessment') AND record_id = old.id;
      END;
      CREATE TRIGGER export_decisions_of_attachment AFTER DELETE ON attachments BEGIN
        DELETE FROM export_decisions WHERE record_kind = 'attachment' AND record_id = old.id;
      END;
    `);
  },
};
