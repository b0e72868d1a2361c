import type { Migration } from './types';

/**
 * Indexes that keep the diary fast with years of records: every list, count and dashboard query
 * reads a range of an index instead of scanning a table.
 * - engagements by (date, id) and by (company | channel, date, id): keyset pages in each sort
 *   order, with id breaking ties between entries of the same minute;
 * - companies by name: the company sort walks companies in order, then each one's entries;
 * - open commitments and unfinished follow-ups by (due date, company, id): the dashboard's groups,
 *   their counts and the per-company overdue summary are ranges of these, never the whole table;
 * - commitments by (company, status, due date): a company's open and overdue counts.
 */
export const diaryScale: Migration = {
  version: 7,
  description: 'indexes for the diary list, companies and dashboard at scale',
  up(db) {
    db.exec(`
      DROP INDEX IF EXISTS engagements_by_date;
      DROP INDEX IF EXISTS engagements_by_company;
      CREATE INDEX engagements_by_date ON engagements(occurred_at, id);
      CREATE INDEX engagements_by_company ON engagements(company_id, occurred_at, id);
      CREATE INDEX engagements_by_channel ON engagements(channel, occurred_at, id);
      CREATE INDEX companies_by_name ON companies(name COLLATE NOCASE, id);

      DROP INDEX IF EXISTS commitments_due;
      DROP INDEX IF EXISTS follow_ups_due;
      CREATE INDEX commitments_due ON commitments(status, due_date, company_id, id);
      CREATE INDEX follow_ups_due ON follow_ups(done, due_date, company_id, id);
      CREATE INDEX commitments_by_company_status ON commitments(company_id, status, due_date);
    `);
  },
};
