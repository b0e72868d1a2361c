import { canonicalJson } from '../../records/canonical';
import { appendRevision } from '../../records/revisions';
import type { Migration } from './types';

/**
 * Plans used to hold one list, "states where the company operates and the harm happens". OECD NCP
 * routing needs the two apart, so that list becomes `harmCountries` (where the harm happened) and
 * `operatingCountries` starts empty; `countriesNeedReview` makes the plan editor ask the user to
 * correct the split. Plans also gain a risk level, and steps a start date, Special Procedures
 * mandates and an exposure acknowledgement, all empty. Each changed plan gets a revision, so the
 * hash chain still matches every record.
 */
export const planCountries: Migration = {
  version: 6,
  description: 'plans: where the harm happened apart from where the company operates; risk, step start dates',
  up(db) {
    db.exec('ALTER TABLE plan_steps ADD COLUMN start_date TEXT');
    db.exec('CREATE INDEX plan_steps_by_start ON plan_steps(start_date)');
    const at = new Date().toISOString();
    const rows = db.prepare('SELECT id, doc FROM plans').all() as Array<{ id: string; doc: string }>;
    const update = db.prepare('UPDATE plans SET doc = ? WHERE id = ?');
    for (const row of rows) {
      const plan = JSON.parse(row.doc) as Record<string, unknown>;
      if ('harmCountries' in plan) continue;
      const upgraded = upgradePlanDocument(plan);
      update.run(canonicalJson(upgraded), row.id);
      appendRevision(db, 'plan', row.id, upgraded, at);
    }
  },
};

/** A plan document written before version 6, in the shape version 6 reads. */
export function upgradePlanDocument(plan: Record<string, unknown>): Record<string, unknown> {
  const countries = Array.isArray(plan.operatingCountries) ? (plan.operatingCountries as string[]) : [];
  const steps = Array.isArray(plan.steps) ? (plan.steps as Array<Record<string, unknown>>) : [];
  return {
    ...plan,
    harmCountries: countries,
    operatingCountries: [],
    entityCountries: [],
    countriesNeedReview: countries.length > 0,
    risk: { level: 'unknown', notes: '' },
    steps: steps.map((step) => ({ ...step, startDate: null, mandates: [], jointCommunication: false, exposureAcknowledged: null })),
  };
}
