// The only place the submission drafts' SQL lives.
import type { Submission, SubmissionStatus, SubmissionSummary } from '@shared/api/submissions';
import { canonicalJson } from '../records/canonical';
import type { VaultDatabase } from '../vault/open';

/** Writes the draft and its company rows. */
export function insertOrReplaceSubmission(db: VaultDatabase, s: Submission): void {
  const source = s.source;
  const [kind, id, step] =
    source === null ? [null, null, null] : source.kind === 'planStep' ? [source.kind, source.planId, source.stepId] : [source.kind, source.id, null];
  db.prepare(
    `INSERT INTO submissions (id, route, title, status, source_kind, source_id, source_step_id, filing_deadline, doc, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET route = excluded.route, title = excluded.title, status = excluded.status,
       source_kind = excluded.source_kind, source_id = excluded.source_id, source_step_id = excluded.source_step_id,
       filing_deadline = excluded.filing_deadline, doc = excluded.doc, updated_at = excluded.updated_at`,
  ).run(s.id, s.route, s.title, s.status, kind, id, step, s.filingDeadline, canonicalJson(s), s.createdAt, s.updatedAt);
  db.prepare('DELETE FROM submission_companies WHERE submission_id = ?').run(s.id);
  const company = db.prepare('INSERT OR IGNORE INTO submission_companies (submission_id, company_id, updated_at) VALUES (?, ?, ?)');
  for (const companyId of s.companyIds) company.run(s.id, companyId, s.updatedAt);
}

export function findSubmission(db: VaultDatabase, id: string): Submission | undefined {
  const row = db.prepare('SELECT doc FROM submissions WHERE id = ?').get(id) as { doc: string } | undefined;
  return row ? (JSON.parse(row.doc) as Submission) : undefined;
}

/** Company rows go with it (ON DELETE CASCADE). */
export function deleteSubmissionRow(db: VaultDatabase, id: string): void {
  db.prepare('DELETE FROM submissions WHERE id = ?').run(id);
}

export interface SubmissionPageQuery {
  source?: { kind: string; id: string; stepId?: string | undefined } | undefined;
  companyId?: string | undefined;
  status?: SubmissionStatus | undefined;
  /** The (updated_at, id) of the last row of the previous page. */
  after?: readonly [string, string] | undefined;
  limit: number;
}

/** One page, newest change first, seeking past the previous page's last row. */
export function submissionPage(db: VaultDatabase, query: SubmissionPageQuery): { rows: SubmissionSummary[]; total: number } {
  const where: string[] = [];
  const params: unknown[] = [];
  let from = 'submissions s';
  let orderKey = 's.updated_at';
  let idKey = 's.id';
  if (query.companyId !== undefined) {
    from = 'submission_companies c JOIN submissions s ON s.id = c.submission_id';
    where.push('c.company_id = ?');
    params.push(query.companyId);
    orderKey = 'c.updated_at';
    idKey = 'c.submission_id';
  }
  if (query.source !== undefined) {
    where.push('s.source_kind = ? AND s.source_id = ?');
    params.push(query.source.kind, query.source.id);
    if (query.source.stepId !== undefined) {
      where.push('s.source_step_id = ?');
      params.push(query.source.stepId);
    }
  }
  if (query.status !== undefined) {
    where.push('s.status = ?');
    params.push(query.status);
  }
  const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (db.prepare(`SELECT count(*) AS n FROM ${from} ${filter}`).get(...params) as { n: number }).n;
  const seek = query.after ? `${filter ? `${filter} AND` : 'WHERE'} (${orderKey}, ${idKey}) < (?, ?)` : filter;
  const seekParams = query.after ? [...params, query.after[0], query.after[1]] : params;
  // The list never copies bodies out of SQLite: only the summary's fields leave the document.
  const rows = db
    .prepare(
      `SELECT s.id, s.route, s.title, s.status, s.filing_deadline AS filingDeadline, s.updated_at AS updatedAt,
              json_extract(s.doc, '$.source') AS source, json_extract(s.doc, '$.companyIds') AS companyIds,
              json_extract(s.doc, '$.filedOn') AS filedOn
         FROM ${from} ${seek} ORDER BY ${orderKey} DESC, ${idKey} DESC LIMIT ?`,
    )
    .all(...seekParams, query.limit) as Array<Omit<SubmissionSummary, 'source' | 'companyIds'> & { source: string | null; companyIds: string }>;
  return {
    total,
    rows: rows.map((row) => ({
      ...row,
      source: row.source === null ? null : (JSON.parse(row.source) as SubmissionSummary['source']),
      companyIds: JSON.parse(row.companyIds) as string[],
    })),
  };
}

/** Drafts not yet filed whose filing deadline falls on or before `until` (ISO date), soonest first. */
export function dueSubmissions(db: VaultDatabase, until: string, limit: number): Array<Pick<SubmissionSummary, 'id' | 'route' | 'title' | 'status' | 'filingDeadline'>> {
  return db
    .prepare(
      `SELECT id, route, title, status, filing_deadline AS filingDeadline FROM submissions
        WHERE filing_deadline IS NOT NULL AND status IN ('drafting', 'internalReview') AND filing_deadline <= ?
        ORDER BY filing_deadline, id LIMIT ?`,
    )
    .all(until, limit) as Array<Pick<SubmissionSummary, 'id' | 'route' | 'title' | 'status' | 'filingDeadline'>>;
}

/** Live drafts a batch at a time by rowid, so no statement stays open between the drafts yielded. */
export function* liveSubmissions(db: VaultDatabase): Iterable<Submission> {
  const batch = db.prepare('SELECT rowid AS r, doc FROM submissions WHERE rowid > ? ORDER BY rowid LIMIT 200');
  let last = 0;
  for (;;) {
    const rows = batch.all(last) as Array<{ r: number; doc: string }>;
    if (rows.length === 0) return;
    for (const row of rows) yield JSON.parse(row.doc) as Submission;
    last = rows.at(-1)!.r;
  }
}

// ---- What prefill reads from other kinds' tables (read-only) ----

/** The most recently changed package of a plan, if any: the evidence a plan step's draft starts from. */
export function latestPackageIdOfPlan(db: VaultDatabase, planId: string): string | undefined {
  return db.prepare('SELECT id FROM evidence_packages WHERE plan_id = ? ORDER BY updated_at DESC LIMIT 1').pluck().get(planId) as string | undefined;
}

/** The most recently changed assessment used by a plan or a package (its results-use links). */
export function latestAssessmentIdUsing(db: VaultDatabase, link: { planId?: string; packageId?: string }): string | undefined {
  const [path, id] = link.packageId ? ['$.use.packageId', link.packageId] : ['$.use.planId', link.planId];
  return db.prepare(`SELECT id FROM assessments WHERE example = 0 AND json_extract(doc, '${path}') = ? ORDER BY updated_at DESC LIMIT 1`).pluck().get(id) as
    | string
    | undefined;
}

/** Documents of the given diary entries that are still in the vault, oldest first. */
export function engagementDocs(db: VaultDatabase, ids: readonly string[]): string[] {
  if (ids.length === 0) return [];
  const find = db.prepare('SELECT doc, occurred_at AS at FROM engagements WHERE id = ?');
  return ids
    .map((id) => find.get(id) as { doc: string; at: string } | undefined)
    .filter((row): row is { doc: string; at: string } => row !== undefined)
    .sort((a, b) => a.at.localeCompare(b.at))
    .map((row) => row.doc);
}

/** A company's latest `limit` diary entries, newest first: one seek on engagements_by_company. */
export function recentEngagementDocs(db: VaultDatabase, companyId: string, limit: number): string[] {
  return db.prepare('SELECT doc FROM engagements WHERE company_id = ? ORDER BY occurred_at DESC, id DESC LIMIT ?').pluck().all(companyId, limit) as string[];
}
