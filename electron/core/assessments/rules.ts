// Pure rules of a CLARITI assessment: is the safety step answered, has any phase been started,
// what each phase still needs, and which impacts and findings still wait for a reviewer.
import type { z } from 'zod';
import type { AssessmentDraft as DraftSchema, PhaseKey, PhaseProgress, Publication, Review, SafetyStep, UnconfirmedItem } from '@shared/api/assessments';
import { CONSENT_USES, PHASES } from '@shared/api/assessments';
import { deriveSeverity } from '@shared/domain/severity';

/** A draft after the contract filled in its defaults (saved records fit this shape too). */
export type Draft = Omit<z.output<typeof DraftSchema>, 'id' | 'privateNames' | 'use'> & {
  /** A saved record also says what phase 8 produced. */
  use: z.output<typeof DraftSchema>['use'] & { planId?: string | null; packageId?: string | null };
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
  const { purpose, legal, report, use, publication } = draft;
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
    filled(report.executiveSummary) ||
    filled(report.limitations) ||
    publication.validation.status !== 'not-started' ||
    publication.rightOfReply.status !== 'not-started' ||
    publication.legalReview.status !== 'not-started' ||
    filled(use.notes) ||
    use.deployments.length > 0
  );
}

export const isConfirmed = (review: Review): boolean => filled(review.reviewer) && review.confirmedOn !== null;

type Check = (draft: Draft) => string[];
type Stakeholder = Draft['stakeholders'][number];

const CRITERIA_WORDS = { scale: 'scale', scope: 'scope', irremediability: 'irremediability', likelihood: 'likelihood' } as const;

/** Consent asked for each use, who took it and when, and the extra care a minor needs. */
function consentMissing(stakeholder: Stakeholder, i: number): string[] {
  const name = stakeholder.pseudonym || `Stakeholder ${i + 1}`;
  const { consent } = stakeholder;
  const missing: string[] = [];
  if (CONSENT_USES.some((use) => consent[use] === 'not-asked') || consent.citation === 'not-asked') {
    missing.push(`${name}: record consent for each use: publication, sharing with the company, a UN submission, and how they may be cited.`);
  }
  const asked = CONSENT_USES.some((use) => consent[use] !== 'not-asked') || consent.citation !== 'not-asked';
  if (asked && (!consent.takenBy || !consent.takenOn)) missing.push(`${name}: say which team member took consent, and when.`);
  if (stakeholder.minor) {
    if (!stakeholder.guardianConsent) missing.push(`${name} is a minor: record a parent's or guardian's consent as well as theirs.`);
    if (consent.citation === 'named') missing.push(`${name} is a minor: cite them anonymously, never by name.`);
  }
  return missing;
}

const gaveConsent = (status: string) => status === 'given' || status === 'given-with-conditions';

/** "Credible, publishable": corroborated by a second source, or relying on one for a stated reason. */
function corroborationMissing(label: string, item: Pick<Draft['findings'][number], 'sources' | 'corroboration'>): string[] {
  const { status, note } = item.corroboration;
  if (status === 'not-assessed') return [`${label}: say whether another source corroborates it.`];
  if (status === 'corroborated' && item.sources.length < 2) return [`${label} is marked corroborated but records one source: add the source that corroborates it.`];
  if (status === 'single-source' && !filled(note)) return [`${label} rests on one source: say why that is enough, or add a corroborating source.`];
  return [];
}

const untypedSources = (label: string, sources: Draft['findings'][number]['sources']) =>
  sources.some((s) => s.type === 'not-recorded') ? [`${label}: say what kind each source is (first-hand, second-hand, document or platform data).`] : [];

/** Community validation, the company's right of reply and the legal review (the app's additions). */
export function publicationMissing(publication: Publication): string[] {
  const { validation, rightOfReply: reply, legalReview } = publication;
  const missing: string[] = [];
  if (validation.status === 'not-started') missing.push('Return the draft findings to the affected people (community validation), or say why that is not possible.');
  if ((validation.status === 'returned' || validation.status === 'done') && !validation.returnedOn) missing.push('Record when the draft findings were returned to the affected people.');
  if (validation.status === 'returned' || (validation.status === 'done' && !filled(validation.feedback))) missing.push('Record what the affected people said about the draft findings, and what changed.');
  if (validation.status === 'not-possible' && !filled(validation.notPossibleReason)) missing.push('Say why the draft findings cannot be returned to the affected people.');

  if (reply.status === 'not-started') {
    missing.push('Offer the company a right of reply: send it the findings, directly or through a partner, with a deadline; or say why not.');
  } else if (reply.status === 'not-sought') {
    if (!filled(reply.notSoughtReason)) missing.push('Say why the company was not offered a right of reply.');
  } else {
    if (!reply.sentOn || !reply.replyDeadline) missing.push('Record when the findings were sent to the company and the deadline for its reply.');
    if (reply.route === 'partner' && !filled(reply.partner)) missing.push('Describe the partner who sent the findings to the company.');
    if (reply.status === 'sent') missing.push("Record the company's response, or that none came by the deadline.");
    if (reply.status === 'replied' && (!filled(reply.response) || !reply.respondedOn)) missing.push("Record the company's response and when it came.");
  }

  if (legalReview.status === 'not-started') missing.push('Have the report reviewed for legal risk before publication: defamation, computer-crime and SLAPP risk in the region.');
  else if (!legalReview.reviewedOn || !filled(legalReview.risks)) missing.push('Record when the legal review was done and the risks it found.');
  return missing;
}

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
    stakeholders.forEach((s, i) => missing.push(...consentMissing(s, i)));
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
      missing.push(...untypedSources(name, impact.sources));
      const severity = deriveSeverity(impact.severity, impact.nature);
      if (severity.status === 'rated-before-criteria') missing.push(`${name}: its severity was rated before scale, scope and irremediability were recorded; rate each of them.`);
      else if (severity.status !== 'rated') missing.push(`${name}: rate its severity: ${severity.missing.map((c) => CRITERIA_WORDS[c]).join(', ')}.`);
      if (impact.involvement === 'not-assessed') missing.push(`${name}: say whether the company causes it, contributes to it or is directly linked to it.`);
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
  findings: ({ findings, report, impacts, stakeholders, publication }) => {
    const missing: string[] = [];
    if (!findings.some((f) => filled(f.title) && filled(f.statement))) missing.push('Write at least one finding with a title and a statement.');
    findings.forEach((finding, i) => {
      const name = `Finding ${i + 1}`;
      if (finding.sources.length === 0) missing.push(`${name}: record at least one source.`);
      else missing.push(...untypedSources(name, finding.sources), ...corroborationMissing(name, finding));
    });
    // An account may be published only with its person's consent to publication, and sent to the
    // company (the right of reply) only with their consent to that.
    const cited = new Set(findings.flatMap((f) => f.impactIds));
    const byId = new Map(stakeholders.map((s) => [s.id, s]));
    const sentToCompany = ['sent', 'replied', 'no-reply'].includes(publication.rightOfReply.status);
    impacts.forEach((impact, i) => {
      if (!cited.has(impact.id)) return;
      for (const id of impact.stakeholderIds) {
        const person = byId.get(id);
        if (person && !gaveConsent(person.consent.publication)) {
          missing.push(`Impact ${i + 1} concerns ${person.pseudonym}, who has not consented to publication: record their consent or leave the impact out of the findings.`);
        }
        if (person && sentToCompany && !gaveConsent(person.consent.company)) {
          missing.push(`Impact ${i + 1} concerns ${person.pseudonym}, who has not consented to sharing their account with the company: make sure what was sent leaves it out, or record their consent.`);
        }
      }
    });
    missing.push(...publicationMissing(publication));
    if (!filled(report.markdown)) missing.push('Assemble the report and save it.');
    return missing;
  },
  // Deployed in any recorded way: a published report, a submission, company engagement, a plan or a package.
  use: ({ use }) =>
    use.planId || use.packageId || use.deployments.some((d) => filled(d.what))
      ? []
      : ['Record how the findings were used: a published report, a submission, company engagement, or a strategy plan and evidence package.'],
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
