// The assessment as the editor holds it, and the conversions to and from the API. Inputs want
// strings: empty dates are '', no company or no team member is ''. Real names sit on their
// stakeholder row here for the user's convenience and travel as privateNames to the API.
import type {
  Assessment,
  AssessmentDraft,
  Consent,
  Deployment,
  Finding,
  Impact,
  ImpactEvidenceDraft,
  Issue,
  LegalItem,
  Publication,
  Recommendation,
  SafetyStep,
  Source,
  Stakeholder,
  TeamMember,
} from '@shared/api/assessments';

/** Bumped when the form's shape changes, so an unsaved draft in an older shape is not restored into it. */
export const FORM_SHAPE = 2;

export interface ReviewForm {
  reviewer: string;
  role: string;
  confirmedOn: string;
}

type Dated<T, K extends keyof T> = Omit<T, K> & { [P in K]: string };

export type ConsentForm = Dated<Consent, 'takenBy' | 'takenOn'>;
export type StakeholderForm = Omit<Stakeholder, 'consent'> & { consent: ConsentForm; realName: string };
export type ImpactForm = Omit<Impact, 'occurredOn' | 'review' | 'evidence'> & {
  occurredOn: string;
  review: ReviewForm;
  evidence: ImpactEvidenceDraft[];
};
export type FindingForm = Omit<Finding, 'review'> & { review: ReviewForm };
export interface PublicationForm {
  validation: Dated<Publication['validation'], 'returnedOn'>;
  rightOfReply: Dated<Publication['rightOfReply'], 'sentOn' | 'replyDeadline' | 'respondedOn'>;
  legalReview: Dated<Publication['legalReview'], 'reviewedOn'>;
}
export type DeploymentForm = Dated<Deployment, 'on'>;

export interface AssessmentForm {
  formShape: number;
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
  report: { markdown: string; assembledAt: string | null; executiveSummary: string; limitations: string };
  publication: PublicationForm;
  use: { notes: string; deployments: DeploymentForm[] };
}

const str = (value: string | null) => value ?? '';
const orNull = (value: string) => value || null;
/** Rows the user added but left empty are not sources. */
const written = (sources: Source[]) => sources.filter((s) => s.text.trim());
const reviewForm = (review: { reviewer: string; role: string; confirmedOn: string | null }): ReviewForm => ({ ...review, confirmedOn: str(review.confirmedOn) });
const reviewDraft = (review: ReviewForm) => ({ ...review, confirmedOn: orNull(review.confirmedOn) });

export const blankConsent = (): ConsentForm => ({
  publication: 'not-asked',
  company: 'not-asked',
  unSubmission: 'not-asked',
  citation: 'not-asked',
  takenBy: '',
  takenOn: '',
  conditions: '',
  earlier: null,
});

function blankPublication(): PublicationForm {
  return {
    validation: { status: 'not-started', returnedOn: '', how: '', feedback: '', notPossibleReason: '' },
    rightOfReply: { status: 'not-started', route: 'direct', routeReason: '', partner: '', sentOn: '', replyDeadline: '', response: '', respondedOn: '', notSoughtReason: '' },
    legalReview: { status: 'not-started', reviewedOn: '', reviewerRole: '', risks: '' },
  };
}

export function emptyForm(): AssessmentForm {
  return {
    formShape: FORM_SHAPE,
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
    report: { markdown: '', assembledAt: null, executiveSummary: '', limitations: '' },
    publication: blankPublication(),
    use: { notes: '', deployments: [] },
  };
}

export function formFromAssessment(a: Assessment): AssessmentForm {
  const realNames = new Map(a.privateNames.map((n) => [n.stakeholderId, n.realName]));
  const { validation, rightOfReply, legalReview } = a.publication;
  return {
    formShape: FORM_SHAPE,
    title: a.title,
    platform: a.platform,
    companyId: a.companyId ?? '',
    safety: a.safety,
    purpose: a.purpose,
    team: a.team,
    stakeholders: a.stakeholders.map((s) => ({ ...s, consent: { ...s.consent, takenBy: str(s.consent.takenBy), takenOn: str(s.consent.takenOn) }, realName: realNames.get(s.id) ?? '' })),
    issues: a.issues,
    legal: a.legal,
    impacts: a.impacts.map((i) => ({ ...i, occurredOn: str(i.occurredOn), review: reviewForm(i.review) })),
    recommendations: a.recommendations,
    findings: a.findings.map((f) => ({ ...f, review: reviewForm(f.review) })),
    report: a.report,
    publication: {
      validation: { ...validation, returnedOn: str(validation.returnedOn) },
      rightOfReply: { ...rightOfReply, sentOn: str(rightOfReply.sentOn), replyDeadline: str(rightOfReply.replyDeadline), respondedOn: str(rightOfReply.respondedOn) },
      legalReview: { ...legalReview, reviewedOn: str(legalReview.reviewedOn) },
    },
    use: { notes: a.use.notes, deployments: a.use.deployments.map((d) => ({ ...d, on: str(d.on) })) },
  };
}

export function draftFromForm(form: AssessmentForm, id: string | undefined): AssessmentDraft & { title: string } {
  const { validation, rightOfReply, legalReview } = form.publication;
  return {
    ...(id && { id }),
    title: form.title,
    platform: form.platform,
    companyId: form.companyId || null,
    safety: form.safety,
    purpose: form.purpose,
    team: form.team,
    stakeholders: form.stakeholders.map(({ realName: _private, consent, ...s }) => ({ ...s, consent: { ...consent, takenBy: orNull(consent.takenBy), takenOn: orNull(consent.takenOn) } })),
    privateNames: form.stakeholders.filter((s) => s.realName.trim()).map((s) => ({ stakeholderId: s.id, realName: s.realName })),
    issues: form.issues,
    legal: form.legal,
    impacts: form.impacts.map((i) => ({ ...i, sources: written(i.sources), occurredOn: orNull(i.occurredOn), review: reviewDraft(i.review) })),
    recommendations: form.recommendations,
    findings: form.findings.map((f) => ({ ...f, sources: written(f.sources), review: reviewDraft(f.review) })),
    report: form.report,
    publication: {
      validation: { ...validation, returnedOn: orNull(validation.returnedOn) },
      rightOfReply: { ...rightOfReply, sentOn: orNull(rightOfReply.sentOn), replyDeadline: orNull(rightOfReply.replyDeadline), respondedOn: orNull(rightOfReply.respondedOn) },
      legalReview: { ...legalReview, reviewedOn: orNull(legalReview.reviewedOn) },
    },
    use: { notes: form.use.notes, deployments: form.use.deployments.map((d) => ({ ...d, on: orNull(d.on) })) },
  };
}

const blankReview = (): ReviewForm => ({ reviewer: '', role: '', confirmedOn: '' });
const blankCorroboration = (): Finding['corroboration'] => ({ status: 'not-assessed', note: '' });

export const newStakeholder = (): StakeholderForm => ({
  id: crypto.randomUUID(),
  pseudonym: '',
  group: '',
  consent: blankConsent(),
  minor: false,
  guardianConsent: false,
  notes: '',
  realName: '',
});

export const newImpact = (): ImpactForm => ({
  id: crypto.randomUUID(),
  title: '',
  whatHappened: '',
  stakeholderIds: [],
  occurredOn: '',
  platformFeature: '',
  harm: 'other',
  nature: 'actual',
  severity: { scale: 'not-assessed', scope: 'not-assessed', irremediability: 'not-assessed', likelihood: 'not-assessed', rationale: '', earlier: null },
  involvement: 'not-assessed',
  involvementNote: '',
  issueIds: [],
  evidence: [],
  sources: [],
  corroboration: blankCorroboration(),
  review: blankReview(),
});

export const newFinding = (): FindingForm => ({ id: crypto.randomUUID(), title: '', statement: '', impactIds: [], sources: [], corroboration: blankCorroboration(), review: blankReview() });

export const newSource = (): Source => ({ text: '', type: 'first-hand' });

export const newDeployment = (): DeploymentForm => ({ id: crypto.randomUUID(), kind: 'published-report', what: '', on: '' });
