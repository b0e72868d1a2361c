// The only place the SQL of plans and evidence packages lives.
import type { EvidencePackage, Plan } from '@shared/api/plans';
import { canonicalJson } from '../records/canonical';
import type { VaultDatabase } from '../vault/open';
import type { StepDates } from './timeline';

export function insertOrReplacePlan(db: VaultDatabase, plan: Plan): void {
  db.prepare(
    `INSERT INTO plans (id, title, company_id, doc, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET title = excluded.title, company_id = excluded.company_id, doc = excluded.doc, updated_at = excluded.updated_at`,
  ).run(plan.id, plan.title, plan.companyId, canonicalJson(plan), plan.createdAt, plan.updatedAt);
  db.prepare('DELETE FROM plan_steps WHERE plan_id = ?').run(plan.id);
  const step = db.prepare('INSERT INTO plan_steps (id, plan_id, ord, title, status, start_date, target_date, trigger_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  plan.steps.forEach((s, i) => step.run(s.id, plan.id, i, s.title, s.status, s.startDate, s.targetDate, s.triggerDate));
}

export function findPlan(db: VaultDatabase, id: string): Plan | undefined {
  const row = db.prepare('SELECT doc FROM plans WHERE id = ?').get(id) as { doc: string } | undefined;
  return row ? (JSON.parse(row.doc) as Plan) : undefined;
}

export function deletePlanRow(db: VaultDatabase, id: string): void {
  db.prepare('DELETE FROM plans WHERE id = ?').run(id);
}

export function* livePlans(db: VaultDatabase): Iterable<Plan> {
  for (const row of db.prepare('SELECT doc FROM plans ORDER BY updated_at DESC').iterate() as Iterable<{ doc: string }>) yield JSON.parse(row.doc) as Plan;
}

/** Steps with a date that are not settled, for the timeline. */
export function datedSteps(db: VaultDatabase): StepDates[] {
  return db
    .prepare(
      `SELECT s.plan_id AS planId, p.title AS planTitle, s.title, s.status, s.start_date AS startDate, s.target_date AS targetDate, s.trigger_date AS triggerDate
         FROM plan_steps s JOIN plans p ON p.id = s.plan_id
        WHERE (s.start_date IS NOT NULL OR s.target_date IS NOT NULL OR s.trigger_date IS NOT NULL) AND s.status NOT IN ('done', 'skipped')`,
    )
    .all() as StepDates[];
}

export function countPackagesOf(db: VaultDatabase, planId: string): number {
  return (db.prepare('SELECT count(*) AS n FROM evidence_packages WHERE plan_id = ?').get(planId) as { n: number }).n;
}

export function insertOrReplacePackage(db: VaultDatabase, pkg: EvidencePackage): void {
  db.prepare(
    `INSERT INTO evidence_packages (id, title, plan_id, doc, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET title = excluded.title, plan_id = excluded.plan_id, doc = excluded.doc, updated_at = excluded.updated_at`,
  ).run(pkg.id, pkg.title, pkg.planId, canonicalJson(pkg), pkg.createdAt, pkg.updatedAt);
}

export function findPackage(db: VaultDatabase, id: string): EvidencePackage | undefined {
  const row = db.prepare('SELECT doc FROM evidence_packages WHERE id = ?').get(id) as { doc: string } | undefined;
  return row ? (JSON.parse(row.doc) as EvidencePackage) : undefined;
}

export function deletePackageRow(db: VaultDatabase, id: string): void {
  db.prepare('DELETE FROM evidence_packages WHERE id = ?').run(id);
}

export function* livePackages(db: VaultDatabase): Iterable<EvidencePackage> {
  for (const row of db.prepare('SELECT doc FROM evidence_packages ORDER BY updated_at DESC').iterate() as Iterable<{ doc: string }>) {
    yield JSON.parse(row.doc) as EvidencePackage;
  }
}
