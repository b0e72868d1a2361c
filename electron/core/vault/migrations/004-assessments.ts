import type { Migration } from './types';

/**
 * CLARITI assessments. Like the diary, each record keeps its whole document as canonical JSON in
 * `doc` (what the revision chain hashes). Impacts get rows of their own so an evidence link to an
 * impact resolves in one query. Stakeholders' real names live in their own table, outside `doc`,
 * so they never enter a revision, the record search or an export, and deleting one really deletes it
 * (the vault runs with secure_delete).
 */
export const assessments: Migration = {
  version: 4,
  description: 'CLARITI assessments, their impacts and stakeholders’ private names',
  up(db) {
    db.exec(`
      CREATE TABLE assessments (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        company_id TEXT,
        example INTEGER NOT NULL,
        doc TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX assessments_by_example ON assessments(example);

      CREATE TABLE assessment_impacts (
        id TEXT PRIMARY KEY,
        assessment_id TEXT NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
        ord INTEGER NOT NULL,
        title TEXT NOT NULL
      ) STRICT;
      CREATE INDEX assessment_impacts_by_assessment ON assessment_impacts(assessment_id, ord);

      CREATE TABLE assessment_private_names (
        assessment_id TEXT NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
        stakeholder_id TEXT NOT NULL,
        real_name TEXT NOT NULL,
        PRIMARY KEY (assessment_id, stakeholder_id)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
