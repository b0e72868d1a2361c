import type { VaultDatabase } from '../open';
import { documentRevisionTriggers } from './012-compact-storage';
import type { Migration } from './types';

/**
 * Tables of counts derived from the records: backups leave them out (a restore's triggers count
 * the rows as they go in) and salvage recounts them from the rows it saved.
 */
export const COUNT_TABLES: readonly string[] = ['company_engagement_counts', 'open_item_counts'];

/** The month bucket of a due date: 'YYYY-MM', or '' for an item with no due date. */
const month = (due: string) => `coalesce(substr(${due}, 1, 7), '')`;

/** Adds `delta` to one bucket, dropping it when it reaches zero (an empty bucket is no row). */
function bump(kind: string, company: string, due: string, delta: 1 | -1): string {
  const key = `kind = '${kind}' AND company_id = ${company} AND month = ${month(due)}`;
  return delta === 1
    ? `INSERT INTO open_item_counts (kind, company_id, month, n) VALUES ('${kind}', ${company}, ${month(due)}, 1)
         ON CONFLICT (kind, company_id, month) DO UPDATE SET n = n + 1;`
    : `UPDATE open_item_counts SET n = n - 1 WHERE ${key};
       DELETE FROM open_item_counts WHERE ${key} AND n <= 0;`;
}

/** Keeps one kind's open items counted per (company, due month) on every insert, update and delete. */
function openItemTriggers(kind: string, table: string, open: (row: 'NEW' | 'OLD') => string): string {
  return `
    CREATE TRIGGER ${table}_count_insert AFTER INSERT ON ${table} WHEN ${open('NEW')}
      BEGIN ${bump(kind, 'NEW.company_id', 'NEW.due_date', 1)} END;
    CREATE TRIGGER ${table}_count_delete AFTER DELETE ON ${table} WHEN ${open('OLD')}
      BEGIN ${bump(kind, 'OLD.company_id', 'OLD.due_date', -1)} END;
    CREATE TRIGGER ${table}_count_update_old AFTER UPDATE ON ${table} WHEN ${open('OLD')}
      BEGIN ${bump(kind, 'OLD.company_id', 'OLD.due_date', -1)} END;
    CREATE TRIGGER ${table}_count_update_new AFTER UPDATE ON ${table} WHEN ${open('NEW')}
      BEGIN ${bump(kind, 'NEW.company_id', 'NEW.due_date', 1)} END;`;
}

function engagementTriggers(): string {
  const add = (company: string) =>
    `INSERT INTO company_engagement_counts (company_id, n) VALUES (${company}, 1) ON CONFLICT (company_id) DO UPDATE SET n = n + 1;`;
  const remove = (company: string) =>
    `UPDATE company_engagement_counts SET n = n - 1 WHERE company_id = ${company};
     DELETE FROM company_engagement_counts WHERE company_id = ${company} AND n <= 0;`;
  return `
    CREATE TRIGGER engagements_count_insert AFTER INSERT ON engagements BEGIN ${add('NEW.company_id')} END;
    CREATE TRIGGER engagements_count_delete AFTER DELETE ON engagements BEGIN ${remove('OLD.company_id')} END;
    CREATE TRIGGER engagements_count_move AFTER UPDATE OF company_id ON engagements WHEN OLD.company_id IS NOT NEW.company_id
      BEGIN ${remove('OLD.company_id')} ${add('NEW.company_id')} END;`;
}

/**
 * The counts recomputed from the rows themselves. The migration fills them this way, and so does
 * salvage, whose copy may have lost rows the counts still included.
 */
export function recountTallies(db: VaultDatabase): void {
  db.exec(`
    DELETE FROM company_engagement_counts;
    INSERT INTO company_engagement_counts (company_id, n) SELECT company_id, count(*) FROM engagements GROUP BY company_id;
    DELETE FROM open_item_counts;
    INSERT INTO open_item_counts (kind, company_id, month, n)
      SELECT 'commitment', company_id, ${month('due_date')}, count(*) FROM commitments WHERE status = 'open' GROUP BY 2, 3;
    INSERT INTO open_item_counts (kind, company_id, month, n)
      SELECT 'follow-up', company_id, ${month('due_date')}, count(*) FROM follow_ups WHERE done = 0 GROUP BY 2, 3;
  `);
}

/**
 * Counts kept as the records change, so companies and the due dashboard answer in the same few
 * milliseconds at any size, first call included, instead of counting index ranges that grow with
 * the vault:
 * - entries per company;
 * - open commitments and unfinished follow-ups per company and due month. A count over any span of
 *   days adds the whole months inside it from here and counts only the days at its edges from the
 *   due indexes (see diary/repository.ts). A count is never evidence: the records and their
 *   revisions are; salvage recounts from the rows it saved.
 * Triggers keep both in the transaction of the write that changes them. Follow-ups also get an
 * index by company for the overdue summary's oldest date.
 *
 * Notes get what migration 012 gave the other record kinds: a note's latest revision refers to its
 * document instead of holding a second copy, kept whole by the same triggers.
 */
export const tallies: Migration = {
  version: 15,
  description: 'counts kept per company and due month; latest note revisions refer to the note',
  up(db) {
    db.exec(`
      CREATE TABLE company_engagement_counts (
        company_id TEXT PRIMARY KEY,
        n INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE open_item_counts (
        kind TEXT NOT NULL,
        company_id TEXT NOT NULL,
        month TEXT NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (kind, company_id, month)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX follow_ups_by_company_due ON follow_ups(company_id, done, due_date);
    `);
    recountTallies(db);
    db.exec(engagementTriggers());
    db.exec(openItemTriggers('commitment', 'commitments', (row) => `${row}.status = 'open'`));
    db.exec(openItemTriggers('follow-up', 'follow_ups', (row) => `${row}.done = 0`));

    db.exec(`
      UPDATE revisions SET content = NULL, in_doc = 1
       WHERE entity = 'note' AND content IS NOT NULL
         AND content = (SELECT doc FROM notes WHERE id = revisions.entity_id)
         AND NOT EXISTS (SELECT 1 FROM revisions later WHERE later.entity = 'note' AND later.entity_id = revisions.entity_id AND later.version > revisions.version);
    `);
    db.exec(documentRevisionTriggers('note', 'notes'));
  },
};
