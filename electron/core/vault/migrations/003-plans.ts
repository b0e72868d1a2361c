import type { Migration } from './types';

/**
 * Escalation strategy plans and coalition evidence packages. Like the diary, each record keeps its
 * whole document as canonical JSON in `doc` (what the revision chain hashes) plus the columns lists
 * sort and join on; plan steps get rows of their own so the timeline is one query.
 */
export const plans: Migration = {
  version: 3,
  description: 'escalation plans and evidence packages',
  up(db) {
    db.exec(`
      CREATE TABLE plans (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        company_id TEXT,
        doc TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE plan_steps (
        id TEXT NOT NULL,
        plan_id TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
        ord INTEGER NOT NULL,
        title TEXT NOT NULL,
        status TEXT NOT NULL,
        target_date TEXT,
        trigger_date TEXT,
        PRIMARY KEY (plan_id, id)
      ) STRICT;
      CREATE INDEX plan_steps_by_target ON plan_steps(target_date);
      CREATE INDEX plan_steps_by_trigger ON plan_steps(trigger_date);

      CREATE TABLE evidence_packages (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        plan_id TEXT,
        doc TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
