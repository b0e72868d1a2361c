// A plan step's submission drafts. Starting a draft from a step links it at once (a revision of
// the plan, like any change to it). Every later save of the plan keeps the drafts started from each
// step whatever the saved copy says, so an editor restored from an unsaved draft made before the
// draft was started cannot drop the link; the user unlinks such a draft by deleting it or by
// linking it elsewhere, never by accident.
import { MAX_STEP_SUBMISSIONS, type Plan } from '@shared/api/plans';
import { appendRevision } from '../records/revisions';
import { submissionPage } from '../submissions/repository';
import type { VaultDatabase } from '../vault/open';
import { findPlan, insertOrReplacePlan } from './repository';

/** The drafts started from each step of a plan, by step id. A plan has at most 40 steps of 20 drafts. */
export function draftsStartedFromSteps(db: VaultDatabase, planId: string): Map<string, string[]> {
  const byStep = new Map<string, string[]>();
  const { rows } = submissionPage(db, { source: { kind: 'planStep', id: planId }, limit: 40 * MAX_STEP_SUBMISSIONS });
  for (const row of rows) {
    if (row.source?.kind !== 'planStep') continue;
    byStep.set(row.source.stepId, [...(byStep.get(row.source.stepId) ?? []), row.id]);
  }
  return byStep;
}

/** A step's links with the drafts started from it added, each once, the user's own first. */
export function withStartedDrafts(linked: readonly string[], started: readonly string[] = []): string[] {
  return [...new Set([...linked, ...started])].slice(0, MAX_STEP_SUBMISSIONS);
}

/** Links a draft to the step it was started from, in the caller's transaction. */
export function linkSubmissionToStep(db: VaultDatabase, step: { planId: string; stepId: string }, submissionId: string, at: string): void {
  const plan = findPlan(db, step.planId);
  if (!plan) return;
  const linked: Plan = {
    ...plan,
    steps: plan.steps.map((s) => (s.id === step.stepId ? { ...s, submissionIds: withStartedDrafts(s.submissionIds ?? [], [submissionId]) } : s)),
    updatedAt: at,
  };
  insertOrReplacePlan(db, linked);
  appendRevision(db, 'plan', linked.id, linked, at);
}
