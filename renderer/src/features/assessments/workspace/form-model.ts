// The assessment as the editor holds it, and the conversions to and from the API. Inputs want
// strings: sources are one per line, empty dates are '', no company is ''. Real names sit on
// their stakeholder row here for the user's convenience and travel as privateNames to the API.
import type { Assessment, AssessmentDraft, Finding, Impact, ImpactEvidenceDraft, Issue, LegalItem, Recommendation, SafetyStep, Stakeholder, TeamMember } from '@shared/api/assessments';

export interface ReviewForm {
  reviewer: string;
  role: string;
  confirmedOn: string;
}

export type StakeholderForm = Stakeholder & { realName: string };
export type ImpactForm = Omit<Impact, 'sources' | 'occurredOn' | 'review' | 'evidence'> & {
  sources: string;
  occurredOn: string;
  review: ReviewForm;
  evidence: ImpactEvidenceDraft[];
};
export type FindingForm = Omit<Finding, 'sources' | 'review'> & { sources: string; review: ReviewForm };

export interface AssessmentForm {
  title: string;
  platform: string;
  companyId: string;
  safety: SafetyStep;
  purpose: { scope: string; objectives: string; audience: string };
  team: TeamMember[];
  stakeholders: StakeholderForm[];
  issues: Issue[];
  legal: { items: LegalItem[]; notes: string };
  impacts: ImpactForm[];
  recommendations: Recommendation[];
  findings: FindingForm[];
  report: { markdown: string; assembledAt: string | null };
  use: { notes: string };
}

const lines = (value: string) =>
  value
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
const reviewForm = (review: { reviewer: string; role: string; confirmedOn: string | null }): ReviewForm => ({ ...review, confirmedOn: review.confirmedOn ?? '' });
const reviewDraft = (review: ReviewForm) => ({ ...review, confirmedOn: review.confirmedOn || null });

export function emptyForm(): AssessmentForm {
  return {
    title: '',
    platform: '',
    companyId: '',
    safety: { answer: 'unanswered', riskLevel: 'unknown', mitigations: '', notApplicableReason: '' },
    purpose: { scope: '', objectives: '', audience: '' },
    team: [],
    stakeholders: [],
    issues: [],
    legal: { items: [], notes: '' },
    impacts: [],
    recommendations: [],
    findings: [],
    report: { markdown: '', assembledAt: null },
    use: { notes: '' },
  };
}

export function formFromAssessment(a: Assessment): AssessmentForm {
  const realNames = new Map(a.privateNames.map((n) => [n.stakeholderId, n.realName]));
  return {
    title: a.title,
    platform: a.platform,
    companyId: a.companyId ?? '',
    safety: a.safety,
    purpose: a.purpose,
    team: a.team,
    stakeholders: a.stakeholders.map((s) => ({ ...s, realName: realNames.get(s.id) ?? '' })),
    issues: a.issues,
    legal: a.legal,
    impacts: a.impacts.map((i) => ({ ...i, sources: i.sources.join('\n'), occurredOn: i.occurredOn ?? '', review: reviewForm(i.review) })),
    recommendations: a.recommendations,
    findings: a.findings.map((f) => ({ ...f, sources: f.sources.join('\n'), review: reviewForm(f.review) })),
    report: a.report,
    use: { notes: a.use.notes },
  };
}

export function draftFromForm(form: AssessmentForm, id: string | undefined): AssessmentDraft & { title: string } {
  return {
    ...(id && { id }),
    title: form.title,
    platform: form.platform,
    companyId: form.companyId || null,
    safety: form.safety,
    purpose: form.purpose,
    team: form.team,
    stakeholders: form.stakeholders.map(({ realName: _private, ...s }) => s),
    privateNames: form.stakeholders.filter((s) => s.realName.trim()).map((s) => ({ stakeholderId: s.id, realName: s.realName })),
    issues: form.issues,
    legal: form.legal,
    impacts: form.impacts.map((i) => ({ ...i, sources: lines(i.sources), occurredOn: i.occurredOn || null, review: reviewDraft(i.review) })),
    recommendations: form.recommendations,
    findings: form.findings.map((f) => ({ ...f, sources: lines(f.sources), review: reviewDraft(f.review) })),
    report: form.report,
    use: form.use,
  };
}

const blankReview = (): ReviewForm => ({ reviewer: '', role: '', confirmedOn: '' });

export const newImpact = (): ImpactForm => ({
  id: crypto.randomUUID(),
  title: '',
  whatHappened: '',
  stakeholderIds: [],
  occurredOn: '',
  platformFeature: '',
  harm: 'other',
  severity: 'medium',
  issueIds: [],
  evidence: [],
  sources: '',
  review: blankReview(),
});

export const newFinding = (): FindingForm => ({ id: crypto.randomUUID(), title: '', statement: '', impactIds: [], sources: '', review: blankReview() });
