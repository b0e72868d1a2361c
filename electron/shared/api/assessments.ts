// CLARITI shadow human rights impact assessments: the "Safety first" step, the toolkit's eight
// phases, impacts and findings with their sources and reviewer confirmation (the app's own
// safeguard, inspired by Ranking Digital Rights' practice of sourcing and checking each finding; the
// toolkit does not prescribe it), the compiled report and its use in plans and packages.
// Severity criteria (UNGPs 14, 24), company involvement (UNGPs 13, 19), consent per use, typed and
// corroborated sources and the steps before publication are the app's additions, not the toolkit's.
// Dates cross the boundary as ISO strings.
import { z } from 'zod';
import { Id } from './diary';
import { ExportIdentity } from './export-identity';
import { DescriptiveName, EvidenceLink, ExportFile, ExportFormat, ExportLocale, PinnedEvidenceLink } from './plans';

const Text = (max: number) => z.string().trim().max(max);
const IsoDate = z.iso.date();
const IsoDateTime = z.iso.datetime({ offset: true });
const KbId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/);

/** The toolkit's eight phases, in its order ("CLARITI follows an eight-phase process"). */
export const PHASES = ['purpose', 'team', 'issues', 'legal', 'impacts', 'recommendations', 'findings', 'use'] as const;
export const PhaseKey = z.enum(PHASES);
export type PhaseKey = z.infer<typeof PhaseKey>;

// Safety first: "consult your organisation's security protocol before beginning any assessment process."

export const SAFETY_ANSWERS = ['unanswered', 'consulted', 'not-applicable'] as const;
export const SAFETY_RISK_LEVELS = ['unknown', 'low', 'medium', 'high', 'severe'] as const;

export const SafetyStep = z.object({
  answer: z.enum(SAFETY_ANSWERS).default('unanswered'),
  riskLevel: z.enum(SAFETY_RISK_LEVELS).default('unknown'),
  mitigations: Text(8000).default(''),
  /** Why the security protocol does not apply: required when answer is 'not-applicable'. */
  notApplicableReason: Text(4000).default(''),
});
export type SafetyStep = z.infer<typeof SafetyStep>;

// Phase 2: the team and the affected stakeholders. Stakeholders are known by pseudonym only.

export const CONSENT_STATUSES = ['not-asked', 'given', 'given-with-conditions', 'refused', 'withdrawn'] as const;
export const ConsentStatus = z.enum(CONSENT_STATUSES);
/** The uses consent is asked for one by one: a yes to publication is not a yes to a UN submission. */
export const CONSENT_USES = ['publication', 'company', 'unSubmission'] as const;
export type ConsentUse = (typeof CONSENT_USES)[number];
/** How a stakeholder may be cited: by name (their real name appears), anonymously, or not at all. */
export const CITATION_CHOICES = ['not-asked', 'anonymous', 'named', 'refused'] as const;

export const Consent = z.object({
  /** Publishing their account in the report. */
  publication: ConsentStatus.default('not-asked'),
  /** Sharing their account (never their name) with the company, for example in the right of reply. */
  company: ConsentStatus.default('not-asked'),
  /** A UN submission, where the State concerned may be told who the victims are. */
  unSubmission: ConsentStatus.default('not-asked'),
  citation: z.enum(CITATION_CHOICES).default('not-asked'),
  /** The team member who took consent (reports print their role, never their name), and when. */
  takenBy: Id.nullable().default(null),
  takenOn: IsoDate.nullable().default(null),
  conditions: Text(4000).default(''),
  /** The single status recorded before consent was asked per use; kept as it was, never read as consent to a use. */
  earlier: ConsentStatus.nullable().default(null),
});
export type Consent = z.infer<typeof Consent>;

export const TeamMember = z.object({
  id: Id,
  name: Text(200).default(''),
  role: Text(300).default(''),
});
export type TeamMember = z.infer<typeof TeamMember>;

export const Stakeholder = z.object({
  id: Id,
  pseudonym: Text(200).min(1, 'Give every stakeholder a pseudonym; a real name is never needed.'),
  /** The affected group: "independent journalists", "women human rights defenders". */
  group: Text(300).default(''),
  consent: Consent.prefault({}),
  /** A child: never cited by name, and a parent's or guardian's consent is recorded too. */
  minor: z.boolean().default(false),
  guardianConsent: z.boolean().default(false),
  notes: Text(4000).default(''),
});
export type Stakeholder = z.infer<typeof Stakeholder>;

/**
 * A stakeholder's real name, kept apart from the assessment record: it is used only by the
 * anonymisation check and is never part of a revision, the record search or any export.
 */
export const PrivateName = z.object({ stakeholderId: Id, realName: Text(300).min(1) });
export type PrivateName = z.infer<typeof PrivateName>;

// Phase 3: human rights concerns, each tied to frameworks from the knowledge base.

export const Issue = z.object({
  id: Id,
  concern: Text(2000).default(''),
  /** Framework ids from the knowledge base (kb.frameworks.list): udhr-iccpr-19, iccpr-17, ungps… */
  frameworkIds: z.array(KbId).max(20).default([]),
  notes: Text(8000).default(''),
});
export type Issue = z.infer<typeof Issue>;

// Phase 4: the legal and policy environment.

export const LEGAL_KINDS = ['law', 'company-policy'] as const;
export const LegalItem = z.object({
  id: Id,
  kind: z.enum(LEGAL_KINDS).default('law'),
  name: Text(500).default(''),
  /** Where it applies (a country) or whose policy it is. */
  jurisdiction: Text(200).default(''),
  relevance: Text(8000).default(''),
});
export type LegalItem = z.infer<typeof LegalItem>;

// Sources and review, per element: who said it, and who checked it. The app's rule, not the toolkit's.

/** A reviewer's confirmation: confirmed once both a reviewer and a date are recorded. */
export const Review = z.object({
  reviewer: Text(200).default(''),
  role: Text(200).default(''),
  confirmedOn: IsoDate.nullable().default(null),
});
export type Review = z.infer<typeof Review>;
const EmptyReview = { reviewer: '', role: '', confirmedOn: null };

/** What kind of source: 'not-recorded' only for sources written before types were asked. */
export const SOURCE_TYPES = ['first-hand', 'second-hand', 'document', 'platform-data', 'not-recorded'] as const;
export const Source = z.object({
  text: Text(2000).min(1, 'Describe every source, or remove the empty one.'),
  type: z.enum(SOURCE_TYPES).default('not-recorded'),
});
export type Source = z.infer<typeof Source>;
const Sources = z.array(Source).max(50).default([]);

/**
 * Corroboration of one impact or finding: 'corroborated' means at least two sources agree; a
 * finding relying on one source needs a stated reason before it counts as publishable.
 */
export const CORROBORATION_STATUSES = ['not-assessed', 'corroborated', 'single-source'] as const;
export const Corroboration = z.object({
  status: z.enum(CORROBORATION_STATUSES).default('not-assessed'),
  /** How it was corroborated, or why one source is enough (a public document, the company's own notice). */
  note: Text(4000).default(''),
});
export type Corroboration = z.infer<typeof Corroboration>;

// Phase 5: documented impacts.

/**
 * Harms to privacy as much as to expression (the app's list), then the harms of the toolkit's two
 * case studies, and "other".
 */
export const HARM_CATEGORIES = [
  'data-disclosure-to-authorities',
  'surveillance',
  'data-breach-doxxing',
  'shutdown-throttling-geoblocking',
  'discriminatory-algorithms-ads',
  'failure-to-act-incitement-gbv',
  'no-effective-remedy',
  'wrongful-removal',
  'account-restriction',
  'reduced-visibility',
  'state-propaganda',
  'impersonation',
  'harassment',
  'phishing',
  'verification-abuse',
  'automated-moderation',
  'other',
] as const;
/** Overall severity levels, derived from the criteria below (never chosen directly any more). */
export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type SeverityLevel = (typeof SEVERITIES)[number];

/**
 * Severity as UNGPs 14 and 24 measure it: scale (how grave), scope (how many people) and
 * irremediability (whether those affected can be put back where they were), plus likelihood for a
 * potential impact. Each criterion has four levels, lowest first, or 'not-assessed'.
 */
export const SEVERITY_CRITERIA = {
  scale: ['not-assessed', 'minor', 'moderate', 'serious', 'grave'],
  scope: ['not-assessed', 'few', 'group', 'many', 'widespread'],
  irremediability: ['not-assessed', 'remediable', 'remediable-with-effort', 'hard-to-remedy', 'irremediable'],
  likelihood: ['not-assessed', 'unlikely', 'possible', 'likely', 'almost-certain'],
} as const;
export type SeverityCriterion = keyof typeof SEVERITY_CRITERIA;
export const SeverityRating = z.object({
  scale: z.enum(SEVERITY_CRITERIA.scale).default('not-assessed'),
  scope: z.enum(SEVERITY_CRITERIA.scope).default('not-assessed'),
  irremediability: z.enum(SEVERITY_CRITERIA.irremediability).default('not-assessed'),
  likelihood: z.enum(SEVERITY_CRITERIA.likelihood).default('not-assessed'),
  rationale: Text(4000).default(''),
  /** A single rating made before scale, scope and irremediability were recorded: shown as such, never derived from. */
  earlier: z.enum(SEVERITIES).nullable().default(null),
});
export type SeverityRating = z.infer<typeof SeverityRating>;

/** Whether the harm happened or may happen: likelihood is rated for potential impacts only. */
export const IMPACT_NATURES = ['actual', 'potential'] as const;
/** How the company is involved (UNGP 13, 19): it decides what the company is expected to do. */
export const INVOLVEMENTS = ['not-assessed', 'causes', 'contributes', 'directly-linked'] as const;

/** Impacts cite diary entries and attachments; never other impacts or packages. */
export const ImpactEvidenceKind = z.enum(['engagement', 'attachment']);
const ImpactEvidenceDraft = EvidenceLink.extend({ kind: ImpactEvidenceKind });
export type ImpactEvidenceDraft = z.input<typeof ImpactEvidenceDraft>;
const ImpactEvidence = PinnedEvidenceLink.extend({ kind: ImpactEvidenceKind });

export const ImpactDraft = z.object({
  id: Id,
  title: Text(300).default(''),
  whatHappened: Text(20_000).default(''),
  /** Who was affected, by stakeholder id (shown by pseudonym). */
  stakeholderIds: z.array(Id).max(200).default([]),
  /** When it happened, as precisely as known. */
  occurredOn: IsoDate.nullable().default(null),
  platformFeature: Text(300).default(''),
  harm: z.enum(HARM_CATEGORIES).default('other'),
  nature: z.enum(IMPACT_NATURES).default('actual'),
  severity: SeverityRating.prefault({}),
  involvement: z.enum(INVOLVEMENTS).default('not-assessed'),
  /** Why: the company's own act, its part alongside others, or the business relationship that links it. */
  involvementNote: Text(4000).default(''),
  issueIds: z.array(Id).max(100).default([]),
  evidence: z.array(ImpactEvidenceDraft).max(100).default([]),
  sources: Sources,
  corroboration: Corroboration.prefault({}),
  review: Review.default(EmptyReview),
});
export const Impact = ImpactDraft.extend({ evidence: z.array(ImpactEvidence) });
export type Impact = z.infer<typeof Impact>;

// Phase 6: recommendations.

export const RECOMMENDATION_AUDIENCES = ['company', 'government'] as const;
export const Recommendation = z.object({
  id: Id,
  audience: z.enum(RECOMMENDATION_AUDIENCES).default('company'),
  text: Text(4000).default(''),
  impactIds: z.array(Id).max(200).default([]),
});
export type Recommendation = z.infer<typeof Recommendation>;

// Phase 7: findings and the compiled report.

export const Finding = z.object({
  id: Id,
  title: Text(300).default(''),
  statement: Text(20_000).default(''),
  impactIds: z.array(Id).max(200).default([]),
  sources: Sources,
  corroboration: Corroboration.prefault({}),
  review: Review.default(EmptyReview),
});
export type Finding = z.infer<typeof Finding>;

export const Report = z.object({
  /** The compiled report: assembled from phases 1–6 and the findings, then edited by the user. */
  markdown: Text(500_000).default(''),
  assembledAt: IsoDateTime.nullable().default(null),
  /** Written by the team; the assembler puts it first. */
  executiveSummary: Text(20_000).default(''),
  /** What the assessment could not establish, and why. */
  limitations: Text(20_000).default(''),
});

// Before publication (the app's additions to phase 7, not the toolkit's): draft findings returned to
// the affected people, the company's right of reply, and a legal review.

export const VALIDATION_STATUSES = ['not-started', 'returned', 'done', 'not-possible'] as const;
export const CommunityValidation = z.object({
  status: z.enum(VALIDATION_STATUSES).default('not-started'),
  returnedOn: IsoDate.nullable().default(null),
  /** How the draft findings went back: a meeting, a translated summary through a trusted contact. */
  how: Text(4000).default(''),
  /** What the affected people said, and what changed because of it. */
  feedback: Text(20_000).default(''),
  notPossibleReason: Text(4000).default(''),
});

export const REPLY_STATUSES = ['not-started', 'sent', 'replied', 'no-reply', 'not-sought'] as const;
export const REPLY_ROUTES = ['direct', 'partner'] as const;
export const RightOfReply = z.object({
  status: z.enum(REPLY_STATUSES).default('not-started'),
  /** Sent by the team, or by a partner (an international organisation) when direct contact is unsafe. */
  route: z.enum(REPLY_ROUTES).default('direct'),
  /** Why this route: "Direct contact would expose the team to the authorities." */
  routeReason: Text(4000).default(''),
  /** The partner, described as the report may name it. */
  partner: Text(300).default(''),
  sentOn: IsoDate.nullable().default(null),
  replyDeadline: IsoDate.nullable().default(null),
  /** The company's response, as received: printed in the report. */
  response: Text(50_000).default(''),
  respondedOn: IsoDate.nullable().default(null),
  notSoughtReason: Text(4000).default(''),
});
export type RightOfReply = z.infer<typeof RightOfReply>;

export const LEGAL_REVIEW_STATUSES = ['not-started', 'done'] as const;
export const LegalReview = z.object({
  status: z.enum(LEGAL_REVIEW_STATUSES).default('not-started'),
  reviewedOn: IsoDate.nullable().default(null),
  /** The reviewer's role ("lawyer at a partner organisation"), never their name. */
  reviewerRole: Text(300).default(''),
  /** Defamation, computer-crime and SLAPP risks in the region, and how the report addresses them. */
  risks: Text(20_000).default(''),
});

export const Publication = z.object({
  validation: CommunityValidation.prefault({}),
  rightOfReply: RightOfReply.prefault({}),
  legalReview: LegalReview.prefault({}),
});
export type Publication = z.infer<typeof Publication>;

// Phase 8: what the results became. Plan and package are set by assessments.useResults only; any
// other use (a published report, a submission) is recorded by the user.

export const DEPLOYMENT_KINDS = ['published-report', 'submission', 'company-engagement', 'plan-or-package', 'other'] as const;
export const Deployment = z.object({
  id: Id,
  kind: z.enum(DEPLOYMENT_KINDS).default('published-report'),
  /** What was done and where: "Submitted to the UPR of Vietnam, fourth cycle". */
  what: Text(2000).default(''),
  on: IsoDate.nullable().default(null),
});
export type Deployment = z.infer<typeof Deployment>;
const Deployments = z.array(Deployment).max(100).default([]);

export const ResultsUse = z.object({
  planId: Id.nullable().default(null),
  packageId: Id.nullable().default(null),
  notes: Text(8000).default(''),
  deployments: Deployments,
});

export const AssessmentDraft = z.object({
  id: Id.optional(),
  title: Text(300).min(1, 'Give the assessment a title.'),
  /** The platform or service assessed, as named in the report ("Facebook"). */
  platform: Text(200).default(''),
  companyId: Id.nullable().default(null),
  safety: SafetyStep.default({ answer: 'unanswered', riskLevel: 'unknown', mitigations: '', notApplicableReason: '' }),
  purpose: z
    .object({ scope: Text(20_000).default(''), objectives: Text(20_000).default(''), audience: Text(8000).default('') })
    .default({ scope: '', objectives: '', audience: '' }),
  team: z.array(TeamMember).max(100).default([]),
  stakeholders: z.array(Stakeholder).max(500).default([]),
  privateNames: z.array(PrivateName).max(500).default([]),
  issues: z.array(Issue).max(100).default([]),
  legal: z.object({ items: z.array(LegalItem).max(200).default([]), notes: Text(50_000).default('') }).default({ items: [], notes: '' }),
  impacts: z.array(ImpactDraft).max(1000).default([]),
  recommendations: z.array(Recommendation).max(200).default([]),
  findings: z.array(Finding).max(100).default([]),
  report: Report.prefault({}),
  publication: Publication.prefault({}),
  use: z.object({ notes: Text(8000).default(''), deployments: Deployments }).prefault({}),
});
export type AssessmentDraft = z.input<typeof AssessmentDraft>;

/** The record as revised, searched and exported: everything but the private names. */
export const AssessmentRecord = AssessmentDraft.omit({ privateNames: true, use: true }).extend({
  id: Id,
  impacts: z.array(Impact),
  use: ResultsUse,
  /** An example from the toolkit's case studies, added on request and removable in one action. */
  example: z.boolean(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type AssessmentRecord = z.infer<typeof AssessmentRecord>;

/** What the editor loads: the record and, beside it, the private names. */
export const Assessment = AssessmentRecord.extend({ privateNames: z.array(PrivateName) });
export type Assessment = z.infer<typeof Assessment>;

export const PhaseProgress = z.object({
  key: PhaseKey,
  complete: z.boolean(),
  /** What is still missing, each a sentence. */
  missing: z.array(z.string()),
});
export type PhaseProgress = z.infer<typeof PhaseProgress>;

export const AssessmentSummary = z.object({
  id: Id,
  title: z.string(),
  platform: z.string(),
  companyName: z.string().nullable(),
  example: z.boolean(),
  safetyAnswered: z.boolean(),
  phasesComplete: z.number(),
  impacts: z.number(),
  updatedAt: IsoDateTime,
});
export type AssessmentSummary = z.infer<typeof AssessmentSummary>;

/** A place where a stakeholder's real name appears in text meant to be pseudonymised. */
export const NameHit = z.object({
  stakeholderId: Id,
  pseudonym: z.string(),
  /** Where it is, in words: "Phase 5 · Impact 2 · What happened". */
  where: z.string(),
  phase: PhaseKey.nullable(),
  /** The text around the hit, and the hit's [start, end) within it. */
  excerpt: z.string(),
  mark: z.tuple([z.number().int(), z.number().int()]),
});
export type NameHit = z.infer<typeof NameHit>;

export const UnconfirmedItem = z.object({ kind: z.enum(['impact', 'finding']), id: Id, label: z.string() });
export type UnconfirmedItem = z.infer<typeof UnconfirmedItem>;

export const AssessmentCheck = z.object({
  safetyAnswered: z.boolean(),
  safetyMissing: z.array(z.string()),
  phases: z.array(PhaseProgress),
  unconfirmed: z.array(UnconfirmedItem),
  nameHits: z.array(NameHit),
});
export type AssessmentCheck = z.infer<typeof AssessmentCheck>;

export const PhaseGuide = z.object({
  key: PhaseKey,
  number: z.number().int(),
  title: z.string(),
  /** "What happens", in the toolkit's words. */
  whatHappens: z.string(),
});
export type PhaseGuide = z.infer<typeof PhaseGuide>;

export const AssessmentGuide = z.object({
  intro: z.string(),
  safetyFirst: z.string(),
  phases: z.array(PhaseGuide),
});
export type AssessmentGuide = z.infer<typeof AssessmentGuide>;

/** An impact as other records see it, for picking evidence (packages). */
export const ImpactOption = z.object({
  id: Id,
  assessmentId: Id,
  assessmentTitle: z.string(),
  title: z.string(),
  harm: z.enum(HARM_CATEGORIES),
  example: z.boolean(),
});
export type ImpactOption = z.infer<typeof ImpactOption>;

/** A draft as the check and the report assembler accept it: a title is not needed yet. */
const DraftForCheck = AssessmentDraft.extend({ title: Text(300).default('') });

export const assessmentsMethods = {
  'assessments.list': { input: z.null(), output: z.array(AssessmentSummary) },
  'assessments.get': { input: z.object({ id: Id }), output: Assessment },
  /** Refused while the safety step is unanswered, unless no phase has content yet. */
  'assessments.save': { input: AssessmentDraft, output: Assessment },
  'assessments.delete': { input: z.object({ id: Id }), output: z.null() },
  'assessments.guide': { input: z.null(), output: AssessmentGuide },
  /** Safety, phase progress, unconfirmed items and the anonymisation check; works on unsaved drafts. */
  'assessments.check': { input: DraftForCheck, output: AssessmentCheck },
  /** A Markdown report assembled from phases 1–6 and the findings, for the user to edit and save. */
  'assessments.assembleReport': { input: DraftForCheck.extend({ locale: ExportLocale }), output: z.object({ markdown: z.string() }) },
  /** Refused with CONFLICT while real names appear in the text, unless acknowledged. */
  'assessments.export': {
    input: z.object({ id: Id, format: ExportFormat, descriptiveName: DescriptiveName, identity: ExportIdentity, locale: ExportLocale }),
    output: ExportFile,
  },
  /** Phase 8 in one step: a strategy plan and an evidence package citing the impacts by hash. */
  'assessments.useResults': {
    input: z.object({ id: Id, templateId: KbId.default('full-ladder'), forumMechanismId: KbId.nullable().default(null) }),
    output: z.object({ assessment: Assessment, planId: Id, packageId: Id, findingsLeftOut: z.number(), asksLeftOut: z.number() }),
  },
  'assessments.impacts': { input: z.null(), output: z.array(ImpactOption) },
  'assessments.addExamples': { input: z.null(), output: z.object({ added: z.number() }) },
  'assessments.removeExamples': { input: z.null(), output: z.object({ removed: z.number() }) },
} as const;
