// A step of a high-risk plan may not be in progress (or done) until the user has read what its
// route makes public and who it exposes, and said so. The acknowledgement is for one mechanism:
// choosing another route for the step asks again. The date is the app's, not the draft's, so the
// record shows when it really happened.
import { STATUSES_NEEDING_ACKNOWLEDGEMENT, type PlanStep } from '@shared/api/plans';

type Step = Pick<PlanStep, 'id' | 'title' | 'status' | 'mechanismId' | 'exposureAcknowledged'>;

/** Steps that the plan's risk level keeps from being in progress or done, in plan order. */
export function stepsNeedingAcknowledgement(riskLevel: string, steps: readonly Step[]): Step[] {
  if (riskLevel !== 'high') return [];
  return steps.filter((s) => STATUSES_NEEDING_ACKNOWLEDGEMENT.includes(s.status) && !isAcknowledged(s));
}

export const isAcknowledged = (step: Pick<Step, 'mechanismId' | 'exposureAcknowledged'>): boolean =>
  step.exposureAcknowledged !== null && step.exposureAcknowledged.mechanismId === step.mechanismId;

/**
 * The acknowledgement to store: the saved one when the user kept it, today's date when it is new
 * (or for another mechanism than before), none when it no longer matches the step's mechanism.
 */
export function stampAcknowledgement(draft: Step, saved: Step | undefined, today: string): PlanStep['exposureAcknowledged'] {
  const given = draft.exposureAcknowledged;
  if (!given || given.mechanismId !== draft.mechanismId) return null;
  const kept = saved?.exposureAcknowledged;
  if (kept && kept.mechanismId === given.mechanismId) return kept;
  return { on: today, mechanismId: given.mechanismId };
}

export function acknowledgementMessage(blocked: readonly Step[]): string {
  const names = blocked.map((s) => `“${s.title}”`).join(', ');
  return `This plan's risk is high: read what ${blocked.length === 1 ? 'this step' : 'these steps'} make public and who ${blocked.length === 1 ? 'it exposes' : 'they expose'}, and tick the acknowledgement, before marking ${names} in progress or done. Nothing was saved.`;
}
