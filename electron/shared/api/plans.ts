// Escalation strategy plans, coalition evidence packages and their exports. Dates cross the
// boundary as ISO strings; mechanism ids are the directory's ids (kb.mechanisms.*).
import { z } from 'zod';
import { SafetyChecklist } from '../domain/safety';
import { CountryCode, Id, InterfaceLanguage, Risk } from './diary';
import { ExportIdentity } from './export-identity';
import { TranslationInfo } from './kb';
import { Sentence } from './sentence';

const Text = (max: number) => z.string().trim().max(max);
const IsoDate = z.iso.date();
const IsoDateTime = z.iso.datetime({ offset: true });
const KbId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/);

/**
 * Kinds of step in an escalation plan. The first seven come from the toolkit's "Using findings"
 * recommendations, which set no order and ask for pressure from several directions at once; the
 * others are routes practitioners add (company channels, investors, regulators, courts, the
 * State-side UN reviews). Steps can run in parallel.
 */
export const ESCALATION_STAGES = [
  'direct',
  'company-channels',
  'collective',
  'industry',
  'cross-constituency',
  'accountability-platform',
  'investors',
  'un',
  'un-state-review',
  'oecd-ncp',
  'data-protection',
  'courts',
  'other',
] as const;
export const EscalationStage = z.enum(ESCALATION_STAGES);
export type EscalationStage = z.infer<typeof EscalationStage>;

export const STEP_STATUSES = ['planned', 'in-progress', 'done', 'skipped', 'blocked'] as const;
export const StepStatus = z.enum(STEP_STATUSES);
/** Statuses a step of a high-risk plan may reach only once its exposure is acknowledged. */
export const STATUSES_NEEDING_ACKNOWLEDGEMENT: ReadonlyArray<(typeof STEP_STATUSES)[number]> = ['in-progress', 'done'];

/** UN Special Procedures mandates a communication can go to (several at once: a joint communication). */
export const SP_MANDATES = [
  'freedom-of-expression',
  'privacy',
  'human-rights-defenders',
  'assembly-association',
  'business-human-rights',
  'country-myanmar',
  'country-cambodia',
  'country-dprk',
  'country-afghanistan',
] as const;
export const SpMandate = z.enum(SP_MANDATES);
export type SpMandate = z.infer<typeof SpMandate>;
/** Each mandate's entry in the mechanism directory, where it has one. */
export const MANDATE_MECHANISMS: Record<SpMandate, string | null> = {
  'freedom-of-expression': 'sr-freedom-of-expression',
  privacy: 'sr-privacy',
  'human-rights-defenders': 'sr-human-rights-defenders',
  'assembly-association': 'sr-assembly-association',
  'business-human-rights': 'wg-business-human-rights',
  'country-myanmar': 'sr-myanmar',
  'country-cambodia': 'sr-cambodia',
  'country-dprk': null,
  'country-afghanistan': null,
};

/** The user read what the step's route makes public and who it exposes, on this date, for this mechanism. */
export const ExposureAcknowledgement = z.object({ on: IsoDate, mechanismId: KbId.nullable() });

/** The six principles of "Safe & Strategic Engagement", in the toolkit's order. */
export const PRINCIPLES = ['homework', 'right-people', 'collective', 'safety', 'document', 'escalate'] as const;
export const PrincipleKey = z.enum(PRINCIPLES);
export type PrincipleKey = z.infer<typeof PrincipleKey>;

export const Partner = z.object({
  id: Id,
  name: Text(300).min(1, 'Give the partner organisation a name.'),
  /** What they bring or do in this plan or package. */
  role: Text(1000).default(''),
});
export type Partner = z.infer<typeof Partner>;

/** Drafts linked to one step: a step files one submission, perhaps redrafted or split a few times. */
export const MAX_STEP_SUBMISSIONS = 20;

export const PlanStep = z.object({
  id: Id,
  stage: EscalationStage,
  title: Text(300).min(1, 'Give each step a title.'),
  /** The directory entry this step uses, if any. */
  mechanismId: KbId.nullable().default(null),
  status: StepStatus.default('planned'),
  /** Steps overlap: each has its own start and target date. */
  startDate: IsoDate.nullable().default(null),
  targetDate: IsoDate.nullable().default(null),
  /** For UN Special Procedures steps: the mandates addressed, and whether as one joint communication. */
  mandates: z.array(SpMandate).max(SP_MANDATES.length).default([]),
  jointCommunication: z.boolean().default(false),
  /** Required before a step of a high-risk plan is in progress or done (see the plan service). */
  exposureAcknowledged: ExposureAcknowledgement.nullable().default(null),
  /** "Escalate if no reply by …": the condition, and the date it falls due. */
  trigger: Text(2000).default(''),
  triggerDate: IsoDate.nullable().default(null),
  outcome: Text(8000).default(''),
  engagementIds: z.array(Id).max(200).default([]),
  /**
   * The submission drafts this step files. A draft started from the step is linked when it
   * starts, and stays linked whatever an older copy of the plan saved later says.
   */
  submissionIds: z.array(Id).max(MAX_STEP_SUBMISSIONS).default([]),
});
export type PlanStep = z.infer<typeof PlanStep>;

export const PrincipleCheck = z.object({
  key: PrincipleKey,
  done: z.boolean().default(false),
  note: Text(4000).default(''),
});
export type PrincipleCheck = z.infer<typeof PrincipleCheck>;

export const PlanDraft = z.object({
  id: Id.optional(),
  title: Text(300).min(1, 'Give the plan a title.'),
  objective: Text(8000).default(''),
  companyId: Id.nullable().default(null),
  /** Where the harm happened: the OECD NCP of such a state, if it adheres, normally leads. */
  harmCountries: z.array(CountryCode).max(60).default([]),
  /** Other states where the company operates (context; not, by itself, an NCP route). */
  operatingCountries: z.array(CountryCode).max(60).default([]),
  /** Home states of a subsidiary or parent involved in the harm, when the user records them. */
  entityCountries: z.array(CountryCode).max(20).default([]),
  /** Set when an older plan's countries were moved to harmCountries: the editor asks the user to check them. */
  countriesNeedReview: z.boolean().default(false),
  /** How dangerous this plan is for the people in it; 'high' gates steps on acknowledged exposure. */
  risk: Risk.default({ level: 'unknown', notes: '' }),
  context: Text(100_000).default(''),
  engagementIds: z.array(Id).max(500).default([]),
  partners: z.array(Partner).max(100).default([]),
  steps: z.array(PlanStep).max(40, 'A plan can have at most 40 steps.').default([]),
  principles: z.array(PrincipleCheck).max(PRINCIPLES.length).default([]),
  /** The operating-context safety checklist, answered for this plan. */
  safety: SafetyChecklist,
});
export type PlanDraft = z.input<typeof PlanDraft>;

const PlanRecord = PlanDraft.extend({ id: Id, createdAt: IsoDateTime, updatedAt: IsoDateTime });

/**
 * A plan written before "where the harm happened" was asked apart (vault version 5, or a partner's
 * bundle from that version) had one list meaning "where it operates and the harm happens". Read
 * such a plan as the vault migration rewrites it: that list becomes harmCountries, to be checked.
 */
export function upgradeLegacyPlan(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || 'harmCountries' in value) return value;
  const legacy = (value as { operatingCountries?: unknown }).operatingCountries;
  const countries = Array.isArray(legacy) ? legacy : [];
  return { ...value, harmCountries: countries, operatingCountries: [], countriesNeedReview: countries.length > 0 };
}

export const Plan = z.preprocess(upgradeLegacyPlan, PlanRecord);
export type Plan = z.infer<typeof PlanRecord>;

export const PlanSummary = z.object({
  id: Id,
  title: z.string(),
  companyId: Id.nullable(),
  companyName: z.string().nullable(),
  steps: z.number(),
  stepsDone: z.number(),
  /** The first step not done or skipped, in ladder order. */
  currentStep: z.string().nullable(),
  updatedAt: IsoDateTime,
});
export type PlanSummary = z.infer<typeof PlanSummary>;

export const LadderTemplate = z.object({
  id: KbId,
  name: z.string(),
  description: z.string(),
  steps: z.array(z.object({ stage: EscalationStage, title: z.string(), mechanismId: KbId.nullable(), trigger: z.string(), mandates: z.array(SpMandate) })),
});
export type LadderTemplate = z.infer<typeof LadderTemplate>;

export const PrincipleGuidance = z.object({
  key: PrincipleKey,
  number: z.string(),
  title: z.string(),
  /** The toolkit's own words, Markdown, from the KB section 'safe-engagement'. */
  guidance: z.string(),
});
export type PrincipleGuidance = z.infer<typeof PrincipleGuidance>;

/** One thing known (or to be checked) about an NCP's practice. `checked` false = "to be checked". */
export const NcpFact = z.object({ topic: z.string(), text: z.string(), checked: z.boolean() });
export type NcpFact = z.infer<typeof NcpFact>;
export const NcpSource = z.object({ title: z.string(), url: z.string(), kind: z.enum(['primary', 'background']) });

/** An NCP the complaint could go to, why, and what it is like in practice where known. */
export const NcpRoute = z.object({
  iso2: z.string(),
  country: z.string(),
  /** 'harm': where the issue arose; 'home': the enterprise's home state; 'entity': a parent or subsidiary's home state. */
  basis: z.enum(['harm', 'home', 'entity']),
  /** The NCP that would normally lead; others support. */
  lead: z.boolean(),
  name: z.string(),
  /** The NCP's English name, set when `name` is a translation: the name it goes by and is written to under. */
  nameInEnglish: z.string().nullable(),
  website: z.string().nullable(),
  facts: z.array(NcpFact),
  /** In a language other than English: the parts still shown as the English original (the reader marks them). */
  inEnglish: z.array(z.enum(['name', 'facts'])),
  /** False when the app has no notes on this NCP yet: everything about it is to be checked. */
  practiceKnown: z.boolean(),
  asOf: IsoDate,
  sources: z.array(NcpSource),
});
export type NcpRoute = z.infer<typeof NcpRoute>;

/**
 * Which OECD National Contact Point(s) a complaint would go to, routed as the Procedural Guidance
 * does: the NCP of the state where the issue arose when it adheres; otherwise the home state's.
 */
export const OecdRouting = z.object({
  status: z.enum(['routed', 'no-adherent', 'need-country']),
  ncps: z.array(NcpRoute),
  /** Why, in one or two sentences. */
  sentence: z.string(),
  /** Further points: states that adhere but are not the route, parallel filing, … */
  notes: z.array(z.string()),
  /** What holds for every NCP (indicative timeline, publication, filing through a third party). */
  general: z.array(NcpFact),
  /** In a language other than English: the general facts are still the English original. */
  generalInEnglish: z.boolean(),
  /** Set when NCP names or facts shown are a translation (reviewed or not); else null. */
  translation: TranslationInfo.nullable(),
  offerStep: z.boolean(),
  adherentsAsOf: IsoDate,
});
export type OecdRouting = z.infer<typeof OecdRouting>;

// Evidence packages ("Using findings", recommendation 6).

export const EVIDENCE_KINDS = ['engagement', 'attachment', 'impact'] as const;
const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

/**
 * A finding's link to the record that supports it, pinned to a hash: the linked record's latest
 * revision hash when it was linked (engagement; CLARITI impacts later) or the file's SHA-256
 * (attachment). Send no hash to pin the current one.
 */
export const EvidenceLink = z.object({
  kind: z.enum(EVIDENCE_KINDS),
  id: Id,
  hash: Sha256.optional(),
  /** What the record was called when saved (set by the app, never trusted from the draft). */
  label: z.string().max(400).optional(),
});
export type EvidenceLinkDraft = z.input<typeof EvidenceLink>;
export const PinnedEvidenceLink = EvidenceLink.extend({ hash: Sha256, label: z.string().max(400) });
export type EvidenceLink = z.infer<typeof PinnedEvidenceLink>;

export const ASK_AUDIENCES = ['company', 'government'] as const;
export type AskAudience = (typeof ASK_AUDIENCES)[number];
/** The toolkit's advice ("two or three concrete findings … five clear asks"): guidance the check warns about, never a limit. */
export const SUGGESTED_ASKS = 5;
export const MIN_FINDINGS = 2;
export const SUGGESTED_MAX_FINDINGS = 3;
/** Sane maxima for one package: room to hold every candidate and choose among them. */
export const PACKAGE_MAX_FINDINGS = 30;
export const PACKAGE_MAX_ASKS = 30;

export const Ask = z.object({
  id: Id,
  audience: z.enum(ASK_AUDIENCES),
  text: Text(4000).default(''),
  /** Chosen to go in the package; unticked asks stay in the draft but are not checked or exported. */
  included: z.boolean().default(true),
});
export type Ask = z.infer<typeof Ask>;

export const REVIEW_STATUSES = ['unconfirmed', 'confirmed', 'disputed'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];
/**
 * Whether a reviewer checked a finding. Reviewers are recorded by role only ("Legal adviser"):
 * packages travel to partners and forums, reviewers' names stay in the vault that holds them.
 */
export const FindingReview = z.object({
  status: z.enum(REVIEW_STATUSES).default('unconfirmed'),
  role: Text(200).default(''),
  on: IsoDate.nullable().default(null),
  /** Why it is disputed, or what the reviewer checked. */
  note: Text(2000).default(''),
  /**
   * Who recorded it: 'package', the user in this package; 'assessment', carried from a CLARITI
   * finding's reviewer confirmation when the package was made; 'partner', the partner who sent the
   * package in a bundle. Any change to the status, role or date makes it 'package' again.
   */
  source: z.enum(['package', 'assessment', 'partner']).default('package'),
});
export type FindingReview = z.infer<typeof FindingReview>;
export const UNREVIEWED: FindingReview = { status: 'unconfirmed', role: '', on: null, note: '', source: 'package' };

export const Finding = z.object({
  id: Id,
  title: Text(300).default(''),
  statement: Text(20_000).default(''),
  evidence: z.array(EvidenceLink).max(100).default([]),
  review: FindingReview.default(UNREVIEWED),
  /** Chosen to go in the package; the order of the list is the order they are printed in. */
  included: z.boolean().default(true),
});

export const SOURCE_TYPES = ['first-hand', 'second-hand', 'document', 'platform-data', 'media', 'other'] as const;
export const MethodSource = z.object({
  type: z.enum(SOURCE_TYPES),
  /** How many of this type, when counted. */
  count: z.number().int().min(0).max(1_000_000).nullable().default(null),
  note: Text(2000).default(''),
});
export type MethodSource = z.infer<typeof MethodSource>;

/** "Methodology and verification": how the evidence was gathered and checked, printed in every export. */
export const Methodology = z.object({
  sources: z.array(MethodSource).max(20).default([]),
  periodFrom: IsoDate.nullable().default(null),
  periodTo: IsoDate.nullable().default(null),
  consent: Text(8000).default(''),
  verification: Text(8000).default(''),
  limitations: Text(8000).default(''),
});
export type Methodology = z.infer<typeof Methodology>;
export const EMPTY_METHODOLOGY: Methodology = { sources: [], periodFrom: null, periodTo: null, consent: '', verification: '', limitations: '' };

export const PackageDraft = z.object({
  id: Id.optional(),
  title: Text(300).min(1, 'Give the package a title.'),
  planId: Id.nullable().default(null),
  companyId: Id.nullable().default(null),
  findings: z.array(Finding).max(PACKAGE_MAX_FINDINGS, `A package holds at most ${PACKAGE_MAX_FINDINGS} findings: untick or remove the ones you will not use.`).default([]),
  risksSummary: Text(20_000).default(''),
  asks: z.array(Ask).max(PACKAGE_MAX_ASKS, `A package holds at most ${PACKAGE_MAX_ASKS} asks: remove the ones you will not use.`).default([]),
  /** A forum from the directory, or … */
  forumMechanismId: KbId.nullable().default(null),
  /** … one named in words when the directory does not list it (APrIGF, a company roundtable). */
  forumName: Text(300).default(''),
  /** The event, session or date within the forum. */
  forumNote: Text(1000).default(''),
  partners: z.array(Partner).max(100).default([]),
  methodology: Methodology.default(EMPTY_METHODOLOGY),
  /** Why the package may go out with findings no reviewer has confirmed; printed in the methodology block. */
  unconfirmedReason: Text(4000).default(''),
});
export type PackageDraft = z.input<typeof PackageDraft>;

export const EvidencePackage = PackageDraft.extend({
  id: Id,
  findings: z.array(Finding.extend({ evidence: z.array(PinnedEvidenceLink) })),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type EvidencePackage = z.infer<typeof EvidencePackage>;

export const PackageSummary = z.object({
  id: Id,
  title: z.string(),
  planId: Id.nullable(),
  forumMechanismId: z.string().nullable(),
  forumName: z.string(),
  ready: z.boolean(),
  updatedAt: IsoDateTime,
});
export type PackageSummary = z.infer<typeof PackageSummary>;

export const PackageCheck = z.object({
  ready: z.boolean(),
  /** Each problem a sentence, with the field it is about. */
  problems: z.array(Sentence.extend({ field: z.string() })),
  /** Guidance that does not block "Ready to send": the toolkit's counts, the forum's audience. */
  warnings: z.array(Sentence.extend({ field: z.string() })),
  /** Counts for progress displays, of the chosen findings and asks: "4 asks written". */
  asksWritten: z.number(),
  findingsWritten: z.number(),
  /** Chosen findings no reviewer has confirmed (disputed ones included). */
  findingsUnconfirmed: z.number(),
});
export type PackageCheck = z.infer<typeof PackageCheck>;

// Timeline: plan steps and diary commitments that fall due.

export const TimelineItem = z.object({
  /** 'filing' is a submission draft's filing deadline; 'reply' the reply a sent right-of-reply letter asked for. */
  kind: z.enum(['step-start', 'step-target', 'step-trigger', 'commitment', 'follow-up', 'filing', 'reply']),
  date: IsoDate,
  overdue: z.boolean(),
  title: z.string(),
  /** The plan or the company the item belongs to. */
  context: z.string(),
  planId: Id.nullable(),
  engagementId: Id.nullable(),
  submissionId: Id.nullable(),
  /** The day a draft was filed, or a right-of-reply letter sent. */
  filedOn: IsoDate.nullable(),
});
export type TimelineItem = z.infer<typeof TimelineItem>;

/** A step that runs over a period (start to target date), so steps running side by side show as overlapping. */
export const StepSpan = z.object({
  planId: Id,
  planTitle: z.string(),
  title: z.string(),
  status: StepStatus,
  start: IsoDate,
  end: IsoDate,
});
export type StepSpan = z.infer<typeof StepSpan>;

// Exports.

export const EXPORT_FORMATS = ['markdown', 'html', 'pdf', 'docx'] as const;
export const ExportFormat = z.enum(EXPORT_FORMATS);
export type ExportFormat = z.infer<typeof ExportFormat>;
/**
 * The BCP 47 locale the interface shows dates in, so an export writes its dates the same way.
 * Absent, core uses the system's locale.
 */
export const ExportLocale = z
  .string()
  .max(35)
  .refine((tag) => {
    try {
      return new Intl.Locale(tag).toString() !== '';
    } catch {
      return false;
    }
  }, 'Not a locale')
  .optional();

/** A file to hand to the save dialog; core writes nothing to disk. */
export const ExportFile = z.object({ fileName: z.string(), mimeType: z.string(), data: z.string() });
export type ExportFile = z.infer<typeof ExportFile>;
/** Name the file after its title; off by default, when files get a neutral dated name. */
export const DescriptiveName = z.boolean().default(false);

export const plansMethods = {
  'plans.list': { input: z.null(), output: z.array(PlanSummary) },
  'plans.get': { input: z.object({ id: Id }), output: Plan },
  'plans.save': { input: PlanDraft, output: Plan },
  'plans.delete': { input: z.object({ id: Id }), output: z.null() },
  /** The templates in the locale's language, where a translation exists; English otherwise. */
  'plans.templates': { input: z.object({ locale: ExportLocale.optional() }).nullable(), output: z.array(LadderTemplate) },
  /** An unsaved plan built from a template (in the locale's language): fresh step ids and the six principles unchecked. */
  'plans.fromTemplate': {
    input: z.object({ templateId: KbId, companyId: Id.nullable().default(null), locale: ExportLocale.optional() }),
    output: PlanDraft.extend({ steps: z.array(PlanStep), principles: z.array(PrincipleCheck) }),
  },
  'plans.principles': { input: z.null(), output: z.array(PrincipleGuidance) },
  'plans.oecd': {
    input: z.object({
      hqCountry: z.union([z.literal(''), CountryCode]).default(''),
      harmCountries: z.array(CountryCode).max(60).default([]),
      operatingCountries: z.array(CountryCode).max(60).default([]),
      entityCountries: z.array(CountryCode).max(20).default([]),
      /** The interface language the sentences, notes and country names are written in. */
      locale: InterfaceLanguage.default('en'),
    }),
    output: OecdRouting,
  },
  'plans.timeline': {
    input: z.object({ today: IsoDate.optional(), horizonDays: z.number().int().min(1).max(730).default(120) }),
    output: z.object({ today: IsoDate, items: z.array(TimelineItem), spans: z.array(StepSpan) }),
  },
  'plans.export': { input: z.object({ id: Id, format: ExportFormat, descriptiveName: DescriptiveName, identity: ExportIdentity, locale: ExportLocale }), output: ExportFile },

  'packages.list': { input: z.null(), output: z.array(PackageSummary) },
  'packages.get': { input: z.object({ id: Id }), output: EvidencePackage },
  'packages.save': { input: PackageDraft, output: EvidencePackage },
  'packages.delete': { input: z.object({ id: Id }), output: z.null() },
  /** What is still missing before the package is ready to send; works on unsaved drafts. */
  'packages.check': { input: PackageDraft.extend({ title: Text(300).default('') }), output: PackageCheck },
  'packages.export': { input: z.object({ id: Id, format: ExportFormat, descriptiveName: DescriptiveName, identity: ExportIdentity, locale: ExportLocale }), output: ExportFile },
} as const;
