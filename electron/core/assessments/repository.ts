// The only place the assessments' SQL lives.
import type { AssessmentRecord, PrivateName } from '@shared/api/assessments';
import { canonicalJson } from '../records/canonical';
import type { VaultDatabase } from '../vault/open';

/** Writes the record and the impact rows derived from it. */
export function insertOrReplaceAssessment(db: VaultDatabase, record: AssessmentRecord): void {
  db.prepare(
    `INSERT INTO assessments (id, title, company_id, example, doc, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET title = excluded.title, company_id = excluded.company_id, example = excluded.example,
       doc = excluded.doc, updated_at = excluded.updated_at`,
  ).run(record.id, record.title, record.companyId, record.example ? 1 : 0, canonicalJson(record), record.createdAt, record.updatedAt);
  db.prepare('DELETE FROM assessment_impacts WHERE assessment_id = ?').run(record.id);
  const impact = db.prepare('INSERT INTO assessment_impacts (id, assessment_id, ord, title) VALUES (?, ?, ?, ?)');
  record.impacts.forEach((item, i) => impact.run(item.id, record.id, i, item.title));
}

export function findAssessment(db: VaultDatabase, id: string): AssessmentRecord | undefined {
  const row = db.prepare('SELECT doc FROM assessments WHERE id = ?').get(id) as { doc: string } | undefined;
  return row ? (JSON.parse(row.doc) as AssessmentRecord) : undefined;
}

export function deleteAssessmentRow(db: VaultDatabase, id: string): void {
  db.prepare('DELETE FROM assessments WHERE id = ?').run(id);
}

export function* liveAssessments(db: VaultDatabase): Iterable<AssessmentRecord> {
  const rows = db.prepare('SELECT doc FROM assessments ORDER BY example, updated_at DESC').iterate() as Iterable<{ doc: string }>;
  for (const row of rows) yield JSON.parse(row.doc) as AssessmentRecord;
}

export function exampleIds(db: VaultDatabase): string[] {
  return (db.prepare('SELECT id FROM assessments WHERE example = 1').all() as { id: string }[]).map((r) => r.id);
}

/** Which assessment holds an impact, if any. */
export function assessmentIdOfImpact(db: VaultDatabase, impactId: string): string | undefined {
  const row = db.prepare('SELECT assessment_id AS id FROM assessment_impacts WHERE id = ?').get(impactId) as { id: string } | undefined;
  return row?.id;
}

export function privateNamesOf(db: VaultDatabase, assessmentId: string): PrivateName[] {
  return db
    .prepare('SELECT stakeholder_id AS stakeholderId, real_name AS realName FROM assessment_private_names WHERE assessment_id = ? ORDER BY stakeholder_id')
    .all(assessmentId) as PrivateName[];
}

export function replacePrivateNames(db: VaultDatabase, assessmentId: string, names: PrivateName[]): void {
  db.prepare('DELETE FROM assessment_private_names WHERE assessment_id = ?').run(assessmentId);
  const insert = db.prepare('INSERT INTO assessment_private_names (assessment_id, stakeholder_id, real_name) VALUES (?, ?, ?)');
  for (const name of names) insert.run(assessmentId, name.stakeholderId, name.realName);
}
