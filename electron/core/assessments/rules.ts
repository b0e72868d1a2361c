// Pure rules of a CLARITI assessment: is the safety step answered, has any phase been started,
// what each phase still needs, and which impacts and findings still wait for a reviewer.
import type { z } from 'zod';
import type { AssessmentDraft as DraftSchema, PhaseKey, PhaseProgress, Review, SafetyStep, UnconfirmedItem } from '@shared/api/assessments';
import { PHASES } from '@shared/api/assessments';

/** A draft after the contract filled in its defaults (saved records fit this shape too). */
export type Draft = Omit<z.output<typeof DraftSchema>, 'id' | 'privateNames'> & {
  /** A saved record also says what phase 8 produced. */
  use: { notes: string; planId?: string | null; packageId?: string | null };
};

const filled = (value: string | null | undefined) => Boolean(value && value.trim());

/** What the safety step still needs, as sentences; empty when it is answered. */
export function safetyMissing(safety: SafetyStep): string[] {
  if (safety.answer === 'unanswered') {
    return ["Say whether your organisation's security protocol was consulted, or why it does not apply."];
  }
  if (safety.answer === 'not-applicable') return filled(safety.notApplicableReason) ? [] : ['Give the reason the security protocol does not apply.'];
  const missing: string[] = [];
  if (safety.riskLevel === 'unknown') missing.push('Record the risk level of this assessment.');
  if (!filled(safety.mitigations)) missing.push('Record the mitigations you will use.');
  return missing;
}

export const isSafetyAnswered = (safety: SafetyStep): boolean => safetyMissing(safety).length === 0;

/** Whether any of the eight phases holds content: the safety gate refuses such a save. */
export function phasesStarted(draft: Draft): boolean {
  const { purpose, legal, report, use } = draft;
  return (
    filled(purpose.scope) ||
    filled(purpose.objectives) ||
    filled(purpose.audience) ||
    draft.team.length > 0 ||
    draft.stakeholders.length > 0 ||
    draft.issues.length > 0 ||
    legal.items.length > 0 ||
    filled(legal.notes) ||
    draft.impacts.length > 0 ||
    draft.recommendations.length > 0 ||
    draft.findings.length > 0 ||
    filled(report.markdown) ||
    filled(use.notes)
  );
}

export const isConfirmed = (review: Review): boolean => filled(review.reviewer) && review.confirmedOn !== null;

type Check = (draft: Draft) => string[];

const CHECKS: Record<PhaseKey, Check> = {
  purpose: ({ purpose }) => [
    ...(filled(purpose.scope) ? [] : ['Describe the scope: which company, service and period the assessment covers.']),
    ...(filled(purpose.objectives) ? [] : ['State the objectives of the assessment.']),
    ...(filled(purpose.audience) ? [] : ['Name the audience the findings are for.']),
  ],
  team: ({ team, stakeholders }) => {
    const missing: string[] = [];
    if (!team.some((m) => filled(m.role))) missing.push('Add at least one team member with a role.');
    if (stakeholders.length === 0) missing.push('Identify at least one affected stakeholder group, by pseudonym.');
    const unasked = stakeholders.filter((s) => s.consent === 'not-asked').length;
    if (unasked > 0) missing.push(`Record consent for ${unasked} ${unasked === 1 ? 'stakeholder' : 'stakeholders'}.`);
    return missing;
  },
  issues: ({ issues }) => {
    if (!issues.some((i) => filled(i.concern))) return ['Map at least one human rights concern.'];
    const untied = issues.filter((i) => filled(i.concern) && i.frameworkIds.length === 0).length;
    return untied > 0 ? [`Tie ${untied} ${untied === 1 ? 'concern' : 'concerns'} to a right or framework.`] : [];
  },
  legal: ({ legal }) => (legal.items.some((i) => filled(i.name)) ? [] : ['Name at least one applicable law or company policy.']),
  impacts: ({ impacts }) => {
    if (impacts.length === 0) return ['Document at least one impact.'];
    const missing: string[] = [];
    impacts.forEach((impact, i) => {
      const name = `Impact ${i + 1}`;
      if (!filled(impact.whatHappened)) missing.push(`${name}: say what happened.`);
      if (impact.stakeholderIds.length === 0) missing.push(`${name}: say who was affected, by pseudonym.`);
      if (impact.sources.length === 0) missing.push(`${name}: record at least one source.`);
    });
    return missing;
  },
  recommendations: ({ recommendations }) => {
    const written = recommendations.filter((r) => filled(r.text));
    return [
      ...(written.some((r) => r.audience === 'company') ? [] : ['Write at least one recommendation to the company.']),
      ...(written.some((r) => r.audience === 'government') ? [] : ['Write at least one recommendation to governments.']),
    ];
  },
  findings: ({ findings, report }) => {
    const missing: string[] = [];
    if (!findings.some((f) => filled(f.title) && filled(f.statement))) missing.push('Write at least one finding with a title and a statement.');
    findings.forEach((finding, i) => {
      if (finding.sources.length === 0) missing.push(`Finding ${i + 1}: record at least one source.`);
    });
    if (!filled(report.markdown)) missing.push('Assemble the report and save it.');
    return missing;
  },
  use: ({ use }) => (use.planId && use.packageId ? [] : ['Turn the recommendations into a strategy plan and an evidence package.']),
};

export function phaseProgress(draft: Draft): PhaseProgress[] {
  return PHASES.map((key) => {
    const missing = CHECKS[key](draft);
    return { key, complete: missing.length === 0, missing };
  });
}

/** Impacts and findings without a reviewer's confirmation, for the report and the sidebar. */
export function unconfirmedItems(draft: Pick<Draft, 'impacts' | 'findings'>): UnconfirmedItem[] {
  return [
    ...draft.impacts.flatMap((impact, i) => (isConfirmed(impact.review) ? [] : [{ kind: 'impact' as const, id: impact.id, label: `Impact ${i + 1}${impact.title ? `: ${impact.title}` : ''}` }])),
    ...draft.findings.flatMap((finding, i) =>
      isConfirmed(finding.review) ? [] : [{ kind: 'finding' as const, id: finding.id, label: `Finding ${i + 1}${finding.title ? `: ${finding.title}` : ''}` }],
    ),
  ];
}
