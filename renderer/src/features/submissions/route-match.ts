// Which submission routes fit a plan step: read from the step's mechanism in the directory and, when
// it names none, from its escalation stage. Pure, so the choice offered to the user is tested
// without a browser.
import type { EscalationStage } from '@shared/api/plans';
import { SUBMISSION_ROUTES, type SubmissionRoute as RouteId } from '@shared/api/submissions';

/** Directory entries whose filing is one of the routes. Special Procedures mandates are matched by prefix below. */
const BY_MECHANISM: Readonly<Record<string, readonly RouteId[]>> = {
  upr: ['uprStakeholder'],
  'oecd-ncp': ['ncpSpecificInstance'],
  'oecd-watch': ['ncpSpecificInstance'],
  bhrrc: ['bhrrcResponse'],
  'oversight-board': ['oversightBoard'],
  'trusted-partner-programmes': ['trustedPartner'],
  'wg-business-human-rights': ['spCommunication'],
};

/** What a stage leads to when the step names no mechanism (or one with no template). */
const BY_STAGE: Partial<Record<EscalationStage, readonly RouteId[]>> = {
  direct: ['rightOfReply'],
  'company-channels': ['trustedPartner', 'oversightBoard', 'rightOfReply'],
  'accountability-platform': ['bhrrcResponse'],
  un: ['spCommunication'],
  'un-state-review': ['uprStakeholder'],
  'oecd-ncp': ['ncpSpecificInstance'],
};

/** The routes a directory entry leads to (a package's forum, a step's mechanism); none when it has no template. */
export function routesForMechanism(mechanismId: string | null | undefined): RouteId[] {
  const mechanism = mechanismId ?? '';
  return mechanism.startsWith('sr-') ? ['spCommunication'] : [...(BY_MECHANISM[mechanism] ?? [])];
}

/** The routes that fit a step, best first; every route when nothing about the step points at one. */
export function routesForStep(step: { mechanismId?: string | null; stage?: string | null }): RouteId[] {
  const fromMechanism = routesForMechanism(step.mechanismId);
  const fromStage = BY_STAGE[(step.stage ?? '') as EscalationStage] ?? [];
  const routes = [...new Set<RouteId>([...fromMechanism, ...fromStage])];
  return routes.length > 0 ? routes : [...SUBMISSION_ROUTES];
}
