// Submission drafts: from the vault's records to a filing-ready draft for one mechanism (a Special
// Procedures communication, a UPR stakeholder submission, an OECD NCP specific instance, …). Each
// draft keeps the route's structured fields and a Markdown body the user edits freely. Encrypted,
// revisioned and searchable like every other record. Dates cross the boundary as ISO strings.
import { z } from 'zod';
import { CountryCode, Id } from './diary';
import { SpMandate } from './plans';

const Text = (max: number) => z.string().trim().max(max);
const IsoDate = z.iso.date();
const IsoDateTime = z.iso.datetime({ offset: true });
const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

/** Long enough for the longest filing (an NCP specific instance with its history); the search index takes the first 100,000 characters. */
export const MAX_SUBMISSION_BODY = 300_000;
const Long = Text(40_000).default('');
const Short = Text(1000).default('');

export const SUBMISSION_ROUTES = [
  /** UN Special Procedures: an allegation letter or an urgent appeal. */
  'spCommunication',
  'uprStakeholder',
  'ncpSpecificInstance',
  'bhrrcResponse',
  'rightOfReply',
  'oversightBoard',
  'trustedPartner',
] as const;
export const SubmissionRoute = z.enum(SUBMISSION_ROUTES);
export type SubmissionRoute = z.infer<typeof SubmissionRoute>;

export const SUBMISSION_STATUSES = ['drafting', 'internalReview', 'filed', 'acknowledged', 'outcome'] as const;
export const SubmissionStatus = z.enum(SUBMISSION_STATUSES);
export type SubmissionStatus = z.infer<typeof SubmissionStatus>;

/** The record a draft was started from; for a plan step, `planId` is the plan and `stepId` the step in it. */
export const SubmissionSource = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('planStep'), planId: Id, stepId: Id }),
    z.object({ kind: z.literal('package'), id: Id }),
    z.object({ kind: z.literal('assessment'), id: Id }),
  ])
  .nullable();
export type SubmissionSource = z.infer<typeof SubmissionSource>;

export const CONSENT_TO_BE_NAMED = ['given', 'refused', 'notRecorded'] as const;

/**
 * An alleged victim as the communication names them: by pseudonym. `realNameKnown` says the user
 * knows (and may give) the real name; `personId` links the person in the vault's people register, so
 * the requirements check can look for their real name and aliases in the text.
 */
export const SpVictim = z.object({
  id: Id,
  pseudonym: Text(200).default(''),
  realNameKnown: z.boolean().default(false),
  consentToBeNamed: z.enum(CONSENT_TO_BE_NAMED).default('notRecorded'),
  personId: Id.nullable().default(null),
});
export type SpVictim = z.infer<typeof SpVictim>;

export const SpCommunicationFields = z.object({
  route: z.literal('spCommunication'),
  kind: z.enum(['allegationLetter', 'urgentAppeal']).default('allegationLetter'),
  victims: z.array(SpVictim).max(200).default([]),
  perpetrators: z.object({ stateActors: Long, companyIds: z.array(Id).max(50).default([]) }).default({ stateActors: '', companyIds: [] }),
  datesAndPlaces: Long,
  facts: Long,
  domesticSteps: Long,
  request: Long,
  /** Mandates for a joint communication; each maps to its directory entry (MANDATE_MECHANISMS). */
  mandates: z.array(SpMandate).max(20).default([]),
});

export const UPR_ADDRESSEES = ['state', 'other'] as const;
export const UprRecommendation = z.object({
  id: Id,
  text: Text(4000).default(''),
  addressee: z.enum(UPR_ADDRESSEES).default('state'),
});
export type UprRecommendation = z.infer<typeof UprRecommendation>;

export const UprStakeholderFields = z.object({
  route: z.literal('uprStakeholder'),
  stateUnderReview: CountryCode.nullable().default(null),
  /** As the user writes it, e.g. "4th cycle, 50th session". The cycle's deadline is the draft's filingDeadline. */
  cycle: Text(200).default(''),
  joint: z.boolean().default(false),
  coalitionMembers: z.array(Text(300).min(1)).max(200).default([]),
  recommendations: z.array(UprRecommendation).max(100).default([]),
});

/** Chapters of the OECD Guidelines for Multinational Enterprises (2023) a specific instance may invoke. */
export const OECD_CHAPTERS = ['generalPolicies', 'disclosure', 'humanRights', 'employment', 'consumerInterests', 'scienceTechnologyInnovation'] as const;
export const OecdChapter = z.enum(OECD_CHAPTERS);
export type OecdChapter = z.infer<typeof OecdChapter>;

export const NcpSpecificInstanceFields = z.object({
  route: z.literal('ncpSpecificInstance'),
  enterprises: z
    .object({ companyIds: z.array(Id).max(50).default([]), entityNames: z.array(Text(300).min(1)).max(50).default([]) })
    .default({ companyIds: [], entityNames: [] }),
  whereIssueArose: CountryCode.nullable().default(null),
  /** The NCP's id in the directory's routing (plans/ncp-sources), or null until chosen. */
  ncpId: Text(100).nullable().default(null),
  chapters: z.array(OecdChapter).max(OECD_CHAPTERS.length).default([]),
  submitterInterest: Long,
  desiredOutcome: Long,
  confidentialityRequests: Long,
});

export const CitedSource = z.object({
  title: Text(400).min(1),
  url: Text(2000).optional(),
  hash: Sha256.optional(),
});
export type CitedSource = z.infer<typeof CitedSource>;

export const BhrrcResponseFields = z.object({
  route: z.literal('bhrrcResponse'),
  allegationSummary: Long,
  sources: z.array(CitedSource).max(100).default([]),
  questions: Long,
  replyDeadline: IsoDate.nullable().default(null),
});

export const RightOfReplyFields = z.object({
  route: z.literal('rightOfReply'),
  findingsToPublish: Long,
  replyDeadline: IsoDate.nullable().default(null),
  sentOn: IsoDate.nullable().default(null),
  howResponseUsed: Long,
  /** The diary entry logging the company's reply (`submissions.logReply`); null while none came. */
  replyEngagementId: Id.nullable().default(null),
});

export const OversightBoardFields = z.object({
  route: z.literal('oversightBoard'),
  kind: z.enum(['appeal', 'publicComment']).default('appeal'),
  caseReference: Short,
  contentDescription: Long,
  policyArguments: Long,
});

export const PARTNER_URGENCIES = ['routine', 'urgent', 'emergency'] as const;
export const TrustedPartnerFields = z.object({
  route: z.literal('trustedPartner'),
  partner: Text(300).default(''),
  platformReference: Short,
  urgency: z.enum(PARTNER_URGENCIES).default('routine'),
  ask: Long,
});

/** Each route's structured fields, told apart by `route` (which must match the draft's route). */
export const SubmissionFields = z.discriminatedUnion('route', [
  SpCommunicationFields,
  UprStakeholderFields,
  NcpSpecificInstanceFields,
  BhrrcResponseFields,
  RightOfReplyFields,
  OversightBoardFields,
  TrustedPartnerFields,
]);
export type SubmissionFields = z.infer<typeof SubmissionFields>;
export type FieldsOf<R extends SubmissionRoute> = Extract<SubmissionFields, { route: R }>;

/** BCP-47, e.g. "en", "fr", "zh-Hant". */
const LanguageTag = z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'Choose the language the draft is written in.');

const SubmissionShape = z.object({
  id: Id.optional(),
  route: SubmissionRoute,
  title: Text(300).min(1, 'Give the draft a title.'),
  source: SubmissionSource.default(null),
  companyIds: z.array(Id).max(50).default([]),
  fields: SubmissionFields,
  /** Markdown; shown through the same sanitiser as notes and the knowledge base. */
  body: Text(MAX_SUBMISSION_BODY).default(''),
  language: LanguageTag.default('en'),
  filingDeadline: IsoDate.nullable().default(null),
  status: SubmissionStatus.default('drafting'),
  filedOn: IsoDate.nullable().default(null),
  outcomeNote: Text(8000).default(''),
  /** Evidence hashes in an appendix; off by default, since an external filing rarely wants them. */
  includeHashAppendix: z.boolean().default(false),
  /** On save: the version the editor started from; a save over a newer version is refused. */
  version: z.number().int().min(1).optional(),
});

const sameRoute = (draft: { route: string; fields: { route: string } }) => draft.route === draft.fields.route;
const ROUTE_MISMATCH = { message: 'The fields belong to another kind of submission.', path: ['fields'] };

export const SubmissionDraft = SubmissionShape.refine(sameRoute, ROUTE_MISMATCH);
export type SubmissionDraft = z.input<typeof SubmissionDraft>;

export const Submission = SubmissionShape.extend({
  id: Id,
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  /** 1 on creation, one more on every save. */
  version: z.number().int().min(1),
}).refine(sameRoute, ROUTE_MISMATCH);
export type Submission = z.infer<typeof Submission>;

/** One line of the list: no body, no fields. */
export const SubmissionSummary = z.object({
  id: Id,
  route: SubmissionRoute,
  title: z.string(),
  status: SubmissionStatus,
  source: SubmissionSource,
  companyIds: z.array(Id),
  filingDeadline: IsoDate.nullable(),
  filedOn: IsoDate.nullable(),
  updatedAt: IsoDateTime,
});
export type SubmissionSummary = z.infer<typeof SubmissionSummary>;

export const SubmissionFilter = z.object({
  /** Drafts started from this record; for a plan, `id` is the plan and `stepId` narrows to one step. */
  source: z.object({ kind: z.enum(['planStep', 'package', 'assessment']), id: Id, stepId: Id.optional() }).optional(),
  companyId: Id.optional(),
  status: SubmissionStatus.optional(),
  /** Where the page starts: the previous page's `next`. */
  cursor: z.string().max(1000).optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
export type SubmissionFilter = z.input<typeof SubmissionFilter>;

export const SubmissionPage = z.object({
  items: z.array(SubmissionSummary),
  total: z.number(),
  next: z.string().nullable(),
});
export type SubmissionPage = z.infer<typeof SubmissionPage>;

// ---- Templates (resources/submissions/<route>.json) ----

/** Where a fact in a template comes from: the body's own page, when it was read, and whether it said so. */
export const TemplateSource = z.object({
  url: z.url(),
  title: z.string().min(1),
  checked: IsoDate,
  /** False when the fact could not be confirmed from the body's own page: the panel says "not verified". */
  verified: z.boolean(),
  note: z.string().optional(),
});
export type TemplateSource = z.infer<typeof TemplateSource>;

/** What a section's text is prefilled from. */
export const PREFILL_SOURCES = [
  'none',
  'company',
  'findings',
  'impacts',
  'asks',
  'sources',
  'engagements',
  'commitments',
  'victims',
  'facts',
  'domesticSteps',
  'request',
  'recommendations',
  'stakeholders',
  'methodology',
] as const;

export const TemplateSection = z.object({
  id: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/),
  heading: z.string().min(1),
  guidance: z.string().min(1),
  prefill: z.enum(PREFILL_SOURCES),
});

export const TemplateField = z.object({
  /** A key of the route's fields (dotted for nested, e.g. "perpetrators.stateActors"). */
  id: z.string().min(1),
  required: z.boolean(),
  guidance: z.string().min(1),
});

export const TemplateRule = z.object({
  id: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/),
  /** Only a hard rule of the mechanism blocks; everything else warns or informs. */
  level: z.enum(['block', 'warn', 'info']),
  text: z.string().min(1),
  source: TemplateSource,
});
export type TemplateRule = z.infer<typeof TemplateRule>;

export const SubmissionTemplate = z.object({
  route: SubmissionRoute,
  name: z.string().min(1),
  /** The directory entry (kb mechanisms) for this route, where there is one. */
  mechanismId: z.string().nullable(),
  layout: z.enum(['numberedParagraphs', 'headedSections', 'letter']),
  /** BCP-47 primary tags the body accepts; empty when any language is accepted. */
  languages: z.array(z.string().min(2)),
  languagesSource: TemplateSource.nullable(),
  sections: z.array(TemplateSection).min(1),
  fields: z.array(TemplateField),
  exposureNotes: z.array(z.object({ id: z.string().min(1), text: z.string().min(1), source: TemplateSource })),
  rules: z.array(TemplateRule),
});
export type SubmissionTemplate = z.infer<typeof SubmissionTemplate>;

// ---- Template translations (resources/submissions/translations/<language>.json) ----

/** One template's words in another language, by the ids the English template gives them. */
export const TemplateTexts = z.strictObject({
  name: z.string().min(1).optional(),
  sections: z.record(z.string(), z.strictObject({ heading: z.string().min(1).optional(), guidance: z.string().min(1).optional() })).default({}),
  fields: z.record(z.string(), z.string().min(1)).default({}),
  exposureNotes: z.record(z.string(), z.string().min(1)).default({}),
  rules: z.record(z.string(), z.string().min(1)).default({}),
});
export type TemplateTexts = z.infer<typeof TemplateTexts>;

/**
 * A language's translation of the templates: what the user reads while drafting, and the headings
 * and labels an exported document is written with. Whatever it lacks is shown in English.
 */
export const TemplateTranslation = z.strictObject({
  language: z.string().min(2),
  /** False until a native speaker has reviewed the translation. */
  reviewed: z.boolean(),
  routes: z.record(z.string(), TemplateTexts).default({}),
  /** The words an exported document is written with around the user's text, by label key. */
  document: z.record(z.string(), z.string().min(1)).default({}),
  /** The words a new draft's prefilled text is written with around the vault's records, by phrase key. */
  prefill: z.record(z.string(), z.string().min(1)).default({}),
});
export type TemplateTranslation = z.infer<typeof TemplateTranslation>;

// ---- Requirements panel ----

export const RequirementLevel = z.enum(['block', 'warn', 'info']);
export const Requirement = z.object({
  /** Stable per draft, e.g. "victimNamedWithoutConsent:<victim id>". */
  id: z.string(),
  level: RequirementLevel,
  /** A key under `requirements.` in the submissions catalogue. */
  key: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
  source: TemplateSource.optional(),
});
export type Requirement = z.infer<typeof Requirement>;

export const Requirements = z.object({
  items: z.array(Requirement),
  /** True when any item blocks: the mechanism would not accept the draft as it is. */
  blocked: z.boolean(),
  /** Words in the body as the UPR counts them, and the limit that applies (null when the route has none). */
  wordCount: z.object({ words: z.number(), limit: z.number().nullable() }),
});
export type Requirements = z.infer<typeof Requirements>;

export const submissionsMethods = {
  /** Every route's template, read from the bundled resources and checked when loaded. */
  'submissions.templates': { input: z.null(), output: z.array(SubmissionTemplate) },
  /** A draft prefilled from the source record and saved at once. */
  'submissions.start': {
    /** `language`: the document language asked for; English when the body or its translation cannot write it. */
    input: z.object({ route: SubmissionRoute, source: SubmissionSource, title: Text(300).optional(), language: LanguageTag.optional() }),
    output: Submission,
  },
  /** Newest change first, a page at a time. */
  'submissions.list': { input: SubmissionFilter, output: SubmissionPage },
  'submissions.get': { input: z.object({ id: Id }), output: Submission },
  'submissions.save': { input: SubmissionDraft, output: Submission },
  'submissions.delete': { input: z.object({ id: Id }), output: z.null() },
  /**
   * The templates' words in one language (null when it has no translation), and per route the
   * languages an exported document can be written in: English, and each language the body accepts
   * that has every heading and label.
   */
  'submissions.translation': {
    input: z.object({ language: z.string().max(35) }),
    output: z.object({ translation: TemplateTranslation.nullable(), documentLanguages: z.record(z.string(), z.array(z.string())) }),
  },
  /** What is missing, over a limit or exposed; works on a saved draft or an unsaved one. */
  'submissions.requirements': {
    input: z.union([z.object({ id: Id }), z.object({ draft: SubmissionDraft })]),
    output: Requirements,
  },
} as const;
