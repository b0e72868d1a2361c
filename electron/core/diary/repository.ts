// The only place the diary's SQL lives.
import type { z } from 'zod';
import type { AttachmentMeta, Company, CompanySummary, DueItem, Engagement, EngagementFilter, EngagementRow } from '@shared/api/diary';
import type { VaultDatabase } from '../vault/open';
import { canonicalJson } from '../records/canonical';
import { addDays } from './rules';

/** The filter after the contract filled in its defaults. */
type Filter = z.output<typeof EngagementFilter>;

export function insertOrReplaceCompany(db: VaultDatabase, company: Company): void {
  db.prepare(
    `INSERT INTO companies (id, name, sector, hq_country, doc, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET name = excluded.name, sector = excluded.sector, hq_country = excluded.hq_country,
       doc = excluded.doc, updated_at = excluded.updated_at`,
  ).run(company.id, company.name, company.sector, company.hqCountry, canonicalJson(company), company.createdAt, company.updatedAt);
}

export function findCompany(db: VaultDatabase, id: string): Company | undefined {
  const row = db.prepare('SELECT doc FROM companies WHERE id = ?').get(id) as { doc: string } | undefined;
  return row ? (JSON.parse(row.doc) as Company) : undefined;
}

export function deleteCompanyRow(db: VaultDatabase, id: string): void {
  db.prepare('DELETE FROM companies WHERE id = ?').run(id);
}

export function countEngagementsOf(db: VaultDatabase, companyId: string): number {
  return (db.prepare('SELECT count(*) AS n FROM engagements WHERE company_id = ?').get(companyId) as { n: number }).n;
}

export function companySummaries(db: VaultDatabase, today: string): CompanySummary[] {
  return db
    .prepare(
      `SELECT c.id, c.name, c.sector, c.hq_country AS hqCountry,
         (SELECT count(*) FROM engagements e WHERE e.company_id = c.id) AS engagements,
         (SELECT max(occurred_at) FROM engagements e WHERE e.company_id = c.id) AS lastEngagementAt,
         (SELECT count(*) FROM commitments m WHERE m.company_id = c.id AND m.status = 'open') AS openCommitments,
         (SELECT count(*) FROM commitments m WHERE m.company_id = c.id AND m.status = 'open' AND m.due_date < ?) AS overdueCommitments
       FROM companies c ORDER BY c.name COLLATE NOCASE`,
    )
    .all(today) as CompanySummary[];
}

/** Writes the engagement and the rows derived from it (tags, commitments, follow-ups). */
export function insertOrReplaceEngagement(db: VaultDatabase, engagement: Engagement): void {
  db.prepare(
    `INSERT INTO engagements (id, company_id, occurred_at, channel, title, doc, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET company_id = excluded.company_id, occurred_at = excluded.occurred_at, channel = excluded.channel,
       title = excluded.title, doc = excluded.doc, updated_at = excluded.updated_at`,
  ).run(
    engagement.id,
    engagement.companyId,
    engagement.occurredAt,
    engagement.channel,
    engagement.title,
    canonicalJson(engagement),
    engagement.createdAt,
    engagement.updatedAt,
  );
  for (const table of ['engagement_tags', 'commitments', 'follow_ups']) {
    db.prepare(`DELETE FROM ${table} WHERE engagement_id = ?`).run(engagement.id);
  }
  const tag = db.prepare('INSERT OR IGNORE INTO engagement_tags (engagement_id, tag) VALUES (?, ?)');
  for (const name of engagement.tags) tag.run(engagement.id, name);
  const commitment = db.prepare(
    'INSERT INTO commitments (id, engagement_id, company_id, made_at, text, owner, due_date, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  for (const c of engagement.commitments) {
    commitment.run(c.id, engagement.id, engagement.companyId, engagement.occurredAt, c.text, c.owner, c.dueDate, c.status);
  }
  const followUp = db.prepare('INSERT INTO follow_ups (id, engagement_id, company_id, text, owner, due_date, done) VALUES (?, ?, ?, ?, ?, ?, ?)');
  for (const f of engagement.followUps) followUp.run(f.id, engagement.id, engagement.companyId, f.text, f.owner, f.dueDate, f.done ? 1 : 0);
}

export function findEngagement(db: VaultDatabase, id: string): Engagement | undefined {
  const row = db.prepare('SELECT doc FROM engagements WHERE id = ?').get(id) as { doc: string } | undefined;
  return row ? (JSON.parse(row.doc) as Engagement) : undefined;
}

export function engagementIdOfCommitment(db: VaultDatabase, commitmentId: string): string | undefined {
  const row = db.prepare('SELECT engagement_id AS id FROM commitments WHERE id = ?').get(commitmentId) as { id: string } | undefined;
  return row?.id;
}

export function deleteEngagementRow(db: VaultDatabase, id: string): void {
  db.prepare('DELETE FROM engagements WHERE id = ?').run(id);
}

export function listEngagementRows(db: VaultDatabase, filter: Filter): { items: EngagementRow[]; total: number } {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (condition: string, value: unknown) => {
    where.push(condition);
    params.push(value);
  };
  if (filter.companyId) add('e.company_id = ?', filter.companyId);
  if (filter.channel) add('e.channel = ?', filter.channel);
  if (filter.tag) add('EXISTS (SELECT 1 FROM engagement_tags t WHERE t.engagement_id = e.id AND t.tag = ?)', filter.tag);
  if (filter.status) add('EXISTS (SELECT 1 FROM commitments m WHERE m.engagement_id = e.id AND m.status = ?)', filter.status);
  if (filter.from) add('e.occurred_at >= ?', filter.from);
  if (filter.to) add('e.occurred_at < ?', addDays(filter.to, 1));
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const order = { newest: 'e.occurred_at DESC', oldest: 'e.occurred_at ASC', company: 'c.name COLLATE NOCASE, e.occurred_at DESC' }[filter.sort];

  const total = (db.prepare(`SELECT count(*) AS n FROM engagements e ${clause}`).get(...params) as { n: number }).n;
  const rows = db
    .prepare(
      `SELECT e.id, e.occurred_at AS occurredAt, e.company_id AS companyId, c.name AS companyName, e.channel, e.title,
         (SELECT json_group_array(tag) FROM engagement_tags t WHERE t.engagement_id = e.id) AS tags,
         (SELECT count(*) FROM commitments m WHERE m.engagement_id = e.id AND m.status = 'open') AS openCommitments,
         (SELECT count(*) FROM commitments m WHERE m.engagement_id = e.id) AS commitments
       FROM engagements e JOIN companies c ON c.id = e.company_id ${clause}
       ORDER BY ${order} LIMIT ? OFFSET ?`,
    )
    .all(...params, filter.limit, filter.offset) as Array<Omit<EngagementRow, 'tags'> & { tags: string }>;
  return { items: rows.map((row) => ({ ...row, tags: JSON.parse(row.tags) as string[] })), total };
}

export function allTags(db: VaultDatabase): string[] {
  return (db.prepare('SELECT DISTINCT tag FROM engagement_tags ORDER BY tag COLLATE NOCASE').all() as { tag: string }[]).map((r) => r.tag);
}

/** Open commitments and unfinished follow-ups due before the horizon, oldest first. */
export function dueItems(db: VaultDatabase, horizon: string): Array<Omit<DueItem, 'overdue'>> {
  return db
    .prepare(
      `SELECT 'commitment' AS kind, m.id, m.engagement_id AS engagementId, m.company_id AS companyId, c.name AS companyName,
              m.text, m.owner, m.due_date AS dueDate
         FROM commitments m JOIN companies c ON c.id = m.company_id
        WHERE m.status = 'open' AND m.due_date IS NOT NULL AND m.due_date <= ?
       UNION ALL
       SELECT 'follow-up', f.id, f.engagement_id, f.company_id, c.name, f.text, f.owner, f.due_date
         FROM follow_ups f JOIN companies c ON c.id = f.company_id
        WHERE f.done = 0 AND f.due_date IS NOT NULL AND f.due_date <= ?
       ORDER BY dueDate`,
    )
    .all(horizon, horizon) as Array<Omit<DueItem, 'overdue'>>;
}

export function commitmentsOf(db: VaultDatabase, companyId: string): Array<{ made_at: string; status: string; due_date: string | null }> {
  return db.prepare('SELECT made_at, status, due_date FROM commitments WHERE company_id = ? ORDER BY made_at').all(companyId) as Array<{
    made_at: string;
    status: string;
    due_date: string | null;
  }>;
}

export function insertAttachment(db: VaultDatabase, engagementId: string, meta: AttachmentMeta, data: Buffer): void {
  db.prepare('INSERT INTO attachments (id, engagement_id, name, type, size, sha256, added_at, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
    meta.id,
    engagementId,
    meta.name,
    meta.type,
    meta.size,
    meta.sha256,
    meta.addedAt,
    data,
  );
}

export function findAttachment(db: VaultDatabase, id: string): (AttachmentMeta & { engagementId: string; data: Buffer }) | undefined {
  return db
    .prepare('SELECT id, engagement_id AS engagementId, name, type, size, sha256, added_at AS addedAt, data FROM attachments WHERE id = ?')
    .get(id) as (AttachmentMeta & { engagementId: string; data: Buffer }) | undefined;
}

export function deleteAttachmentRow(db: VaultDatabase, id: string): void {
  db.prepare('DELETE FROM attachments WHERE id = ?').run(id);
}

export function* liveCompanies(db: VaultDatabase): Iterable<Company> {
  for (const row of db.prepare('SELECT doc FROM companies').iterate() as Iterable<{ doc: string }>) yield JSON.parse(row.doc) as Company;
}

export function* liveEngagements(db: VaultDatabase): Iterable<Engagement> {
  for (const row of db.prepare('SELECT doc FROM engagements').iterate() as Iterable<{ doc: string }>) yield JSON.parse(row.doc) as Engagement;
}

