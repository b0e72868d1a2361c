// The engagement diary: companies, engagements with their commitments and follow-ups, attachments,
// drafts, revisions and search. Dates cross the boundary as ISO strings.
import { z } from 'zod';
import { isCountryCode } from '../domain/countries';
import { SafetyChecklist } from '../domain/safety';
import { CHANNELS, COMMITMENT_STATUSES } from './diary-values';
import { MarkedText } from './kb';

export const Id = z.uuid();
const Text = (max: number) => z.string().trim().max(max);
const IsoDate = z.iso.date(); // YYYY-MM-DD
const IsoDateTime = z.iso.datetime({ offset: true });
// Real ISO 3166-1 codes only: a guessed "JA" for Japan must never be stored.
export const CountryCode = z
  .string()
  .regex(/^[A-Z]{2}$/, 'Use a two-letter country code such as JP.')
  .refine(isCountryCode, 'That is not a country code. Choose the country from the list.');

/**
 * The interface's eight languages (renderer/src/i18n/languages.ts), for lists core puts in the
 * reader's order: SQLite's NOCASE knows only ASCII, so Vietnamese and Thai names came out of order.
 */
export const InterfaceLanguage = z.enum(['en', 'vi', 'zh-Hans', 'zh-Hant', 'th', 'my', 'km', 'id']);
export type InterfaceLanguage = z.infer<typeof InterfaceLanguage>;
/** A list of names asked for in the reader's order (null: English order). */
export const InLanguageOrder = z.object({ locale: InterfaceLanguage.default('en') }).nullable();

export const SECTORS = ['social-media', 'telecom', 'cloud', 'ai', 'other'] as const;
export const TEAMS = ['human-rights', 'policy', 'trust-and-safety', 'legal', 'public-affairs'] as const;
export { CHANNELS, COMMITMENT_STATUSES };
export const RISK_LEVELS = ['low', 'medium', 'high', 'unknown'] as const;

export const Contact = z.object({
  id: Id,
  team: z.enum(TEAMS),
  name: Text(200),
  role: Text(200).default(''),
  email: Text(320).default(''),
  phone: Text(80).default(''),
  notes: Text(2000).default(''),
});
export type Contact = z.infer<typeof Contact>;

export const CompanyDraft = z.object({
  id: Id.optional(),
  name: Text(200).min(1, 'Give the company a name.'),
  sector: z.enum(SECTORS),
  /** ISO 3166-1 alpha-2, or '' when unknown. */
  hqCountry: z.union([CountryCode, z.literal('')]).default(''),
  policies: Text(100_000).default(''),
  contacts: z.array(Contact).max(200).default([]),
});
export type CompanyDraft = z.input<typeof CompanyDraft>;

export const Company = CompanyDraft.extend({ id: Id, createdAt: IsoDateTime, updatedAt: IsoDateTime });
export type Company = z.infer<typeof Company>;

export const CompanySummary = z.object({
  id: Id,
  name: z.string(),
  sector: z.enum(SECTORS),
  hqCountry: z.string(),
  engagements: z.number(),
  lastEngagementAt: IsoDateTime.nullable(),
  openCommitments: z.number(),
  overdueCommitments: z.number(),
});
export type CompanySummary = z.infer<typeof CompanySummary>;

export const Commitment = z.object({
  id: Id,
  text: Text(4000).min(1, 'Say what was committed.'),
  /** Who at the company committed. */
  owner: Text(200).default(''),
  dueDate: IsoDate.nullable().default(null),
  status: z.enum(COMMITMENT_STATUSES).default('open'),
  evidence: Text(4000).default(''),
});
export type Commitment = z.infer<typeof Commitment>;

export const FollowUp = z.object({
  id: Id,
  text: Text(4000).min(1, 'Say what we will do.'),
  owner: Text(200).default(''),
  dueDate: IsoDate.nullable().default(null),
  done: z.boolean().default(false),
});
export type FollowUp = z.infer<typeof FollowUp>;

export const Risk = z.object({ level: z.enum(RISK_LEVELS).default('unknown'), notes: Text(4000).default('') });

export const AttachmentMeta = z.object({
  id: Id,
  name: z.string(),
  type: z.string(),
  size: z.number(),
  sha256: z.string(),
  addedAt: IsoDateTime,
});
export type AttachmentMeta = z.infer<typeof AttachmentMeta>;

/** What an image file says about where, when, with what and by whom it was made. */
export const IMAGE_METADATA_RISKS = ['location', 'device', 'person', 'time', 'software', 'other'] as const;
export const ImageMetadataField = z.object({
  /** The block the value came from: EXIF, GPS, XMP, IPTC, PNG text, thumbnail. */
  group: z.string(),
  name: z.string(),
  value: z.string(),
  risk: z.enum(IMAGE_METADATA_RISKS),
});
export type ImageMetadataField = z.infer<typeof ImageMetadataField>;
export const ImageMetadata = z.object({
  fields: z.array(ImageMetadataField),
  summary: z.object({
    gps: z.object({ latitude: z.number(), longitude: z.number() }).nullable(),
    places: z.array(z.string()),
    device: z.string().nullable(),
    people: z.array(z.string()),
    takenAt: z.string().nullable(),
    software: z.string().nullable(),
  }),
  /** False when part of the file could not be read: treat it as revealing more than is listed. */
  complete: z.boolean(),
});
export type ImageMetadata = z.infer<typeof ImageMetadata>;

export const EngagementDraft = z.object({
  id: Id.optional(),
  occurredAt: IsoDateTime,
  companyId: Id,
  channel: z.enum(CHANNELS),
  title: Text(300).default(''),
  participantsOurs: z.array(Text(200)).max(100).default([]),
  participantsTheirs: z.array(Text(200)).max(100).default([]),
  purpose: Text(4000).default(''),
  concerns: z.array(Text(4000).min(1)).max(100).default([]),
  commitments: z.array(Commitment).max(100).default([]),
  followUps: z.array(FollowUp).max(100).default([]),
  riskBefore: Risk.default({ level: 'unknown', notes: '' }),
  riskAfter: Risk.default({ level: 'unknown', notes: '' }),
  /** The operating-context safety checklist, answered for this engagement. */
  safety: SafetyChecklist,
  outcome: Text(8000).default(''),
  tags: z.array(Text(60).min(1)).max(50).default([]),
  notes: Text(200_000).default(''),
});
export type EngagementDraft = z.input<typeof EngagementDraft>;

export const Engagement = EngagementDraft.extend({
  id: Id,
  attachments: z.array(AttachmentMeta),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Engagement = z.infer<typeof Engagement>;

export const EngagementRow = z.object({
  id: Id,
  occurredAt: IsoDateTime,
  companyId: Id,
  companyName: z.string(),
  channel: z.enum(CHANNELS),
  title: z.string(),
  tags: z.array(z.string()),
  openCommitments: z.number(),
  commitments: z.number(),
});
export type EngagementRow = z.infer<typeof EngagementRow>;

export const EngagementFilter = z.object({
  companyId: Id.optional(),
  channel: z.enum(CHANNELS).optional(),
  /** Engagements with at least one commitment in this status. */
  status: z.enum(COMMITMENT_STATUSES).optional(),
  tag: Text(60).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  /** Typed text for pickers: a date (2026, 2026-10, 2026-10-01), or part of a title, company name or tag. */
  q: Text(100).optional(),
  /** Only these entries (a picker's chips), each found by its key. */
  ids: z.array(Id).max(500).optional(),
  sort: z.enum(['newest', 'oldest', 'company']).default('newest'),
  /** The reader's language: the company sort groups companies in its order. */
  locale: InterfaceLanguage.default('en'),
  /** Where the page starts: after this cursor (from the previous page's `next`), … */
  cursor: z.string().max(1000).optional(),
  /** … or at the first entry of this day in the sort order (jump to a date), … */
  at: IsoDate.optional(),
  /** … or at this position (a jump while scrolling far; an index walk, never a table scan). */
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(5_000).default(200),
});
export type EngagementFilter = z.input<typeof EngagementFilter>;

export const EngagementPage = z.object({
  items: z.array(EngagementRow),
  /** Every entry the filter matches, not just this page. */
  total: z.number(),
  /** The position of the first item in the whole filtered list. */
  index: z.number(),
  /** The cursor of the next page, or null at the end. */
  next: z.string().nullable(),
});
export type EngagementPage = z.infer<typeof EngagementPage>;

/**
 * What falls due: a company's commitment or our follow-up from the diary, a submission draft's
 * filing deadline, or the reply a sent right-of-reply letter asked the company for.
 */
export const DUE_KINDS = ['commitment', 'follow-up', 'filing', 'reply'] as const;

export const DueItem = z.object({
  kind: z.enum(DUE_KINDS),
  /** The commitment's or follow-up's id; the draft's id for a filing or a reply. */
  id: Id,
  /** The diary entry of a commitment or follow-up; null for a submission draft's deadlines. */
  engagementId: Id.nullable(),
  /** The submission draft of a filing or a reply; null for diary items. */
  submissionId: Id.nullable(),
  /** Null for a draft that names no company. */
  companyId: Id.nullable(),
  companyName: z.string(),
  text: z.string(),
  owner: z.string(),
  dueDate: IsoDate,
  overdue: z.boolean(),
  /** The day a draft was filed (it stays listed until its deadline), or a right-of-reply letter sent. */
  filedOn: IsoDate.nullable(),
});
export type DueItem = z.infer<typeof DueItem>;

/** Overdue (before today), this week (the next seven days) and later (up to the horizon). */
export const DUE_GROUPS = ['overdue', 'thisWeek', 'later'] as const;
export const DueGroup = z.enum(DUE_GROUPS);
export type DueGroup = z.infer<typeof DueGroup>;

export const DuePage = z.object({ items: z.array(DueItem), total: z.number(), next: z.string().nullable() });
export type DuePage = z.infer<typeof DuePage>;

export const DueSummary = z.object({
  today: IsoDate,
  groups: z.object({ overdue: DuePage, thisWeek: DuePage, later: DuePage }),
  /** The overdue pile per company, most first: a long list summarised in a few lines. */
  overdueByCompany: z.array(z.object({ companyId: Id, companyName: z.string(), count: z.number(), oldestDueDate: IsoDate })),
});
export type DueSummary = z.infer<typeof DueSummary>;

export const Ledger = z.object({
  companyId: Id,
  made: z.number(),
  kept: z.number(),
  partlyKept: z.number(),
  broken: z.number(),
  withdrawn: z.number(),
  open: z.number(),
  overdue: z.number(),
  /** Commitments made per month, by status now. */
  byMonth: z.array(z.object({ month: z.string(), made: z.number(), kept: z.number(), broken: z.number() })),
  /** One sentence a user can repeat: "2 made, 1 kept, 1 overdue." */
  sentence: z.string(),
});
export type Ledger = z.infer<typeof Ledger>;

export const ENTITY_KINDS = ['company', 'engagement', 'plan', 'package', 'assessment', 'note', 'submission'] as const;
export const EntityKind = z.enum(ENTITY_KINDS);

export const Revision = z.object({
  seq: z.number(),
  entity: EntityKind,
  entityId: Id,
  version: z.number(),
  at: IsoDateTime,
  deleted: z.boolean(),
  content: z.unknown(),
  hash: z.string(),
});
export type Revision = z.infer<typeof Revision>;

export const IntegrityReport = z.object({
  ok: z.boolean(),
  /** Revisions whose hash was recomputed. */
  checked: z.number(),
  /** Live records compared with their last revision (only those reached before a break). */
  records: z.number(),
  /** The first revision whose hash does not follow from the one before, or whose record differs. */
  firstBroken: z
    .object({
      seq: z.number(),
      entity: EntityKind,
      entityId: z.string(),
      /** The English sentence; `reasonKey` names it in the catalogues (`vault:integrity.reasons.*`). */
      reason: z.string(),
      reasonKey: z.string().optional(),
    })
    .nullable(),
  headHash: z.string().nullable(),
});
export type IntegrityReport = z.infer<typeof IntegrityReport>;

export const RecordHit = z.object({
  kind: z.literal('record'),
  entity: EntityKind,
  id: Id,
  title: z.string(),
  /** Matched words as ranges; the renderer builds the <mark>s, so no text is parsed as HTML. */
  snippet: MarkedText,
  at: IsoDateTime.nullable(),
});
export type RecordHit = z.infer<typeof RecordHit>;

export const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;

export const diaryMethods = {
  'companies.list': { input: z.null(), output: z.array(CompanySummary) },
  'companies.get': { input: z.object({ id: Id }), output: Company },
  'companies.save': { input: CompanyDraft, output: Company },
  'companies.delete': { input: z.object({ id: Id }), output: z.null() },
  'companies.ledger': { input: z.object({ id: Id, today: IsoDate.optional() }), output: Ledger },

  'engagements.list': { input: EngagementFilter, output: EngagementPage },
  'engagements.get': { input: z.object({ id: Id }), output: Engagement },
  'engagements.save': { input: EngagementDraft, output: Engagement },
  'engagements.delete': { input: z.object({ id: Id }), output: z.null() },
  'engagements.tags': { input: InLanguageOrder, output: z.array(z.string()) },

  /** Counts and the first page of each group; never the whole pile. */
  'dashboard.due': {
    input: z.object({
      today: IsoDate.optional(),
      horizonDays: z.number().int().min(1).max(365).default(30),
      limit: z.number().int().min(1).max(50).default(10),
    }),
    output: DueSummary,
  },
  /** "Show all": one group, a page at a time. */
  'dashboard.duePage': {
    input: z.object({
      group: DueGroup,
      today: IsoDate.optional(),
      horizonDays: z.number().int().min(1).max(365).default(30),
      cursor: z.string().max(1000).optional(),
      limit: z.number().int().min(1).max(200).default(50),
    }),
    output: DuePage,
  },

  /** Unsaved editor state, so nothing typed is lost on lock, crash or close. */
  'drafts.get': { input: z.object({ key: Text(200) }), output: z.object({ content: z.unknown(), savedAt: IsoDateTime }).nullable() },
  'drafts.save': { input: z.object({ key: Text(200), content: z.unknown() }), output: z.object({ savedAt: IsoDateTime }) },
  'drafts.discard': { input: z.object({ key: Text(200) }), output: z.null() },
  /** Every change, held in memory and written when the vault locks (by any route) or at the next save. */
  'drafts.stage': { input: z.object({ key: Text(200), content: z.unknown() }), output: z.null() },

  'attachments.add': {
    input: z.object({
      engagementId: Id,
      name: Text(255).min(1),
      type: Text(200).default('application/octet-stream'),
      /** Base64 of the file; size is checked against MAX_ATTACHMENT_BYTES before decoding. */
      data: z.string().max(Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4 + 4, 'That file is larger than 25 MB, the most one attachment can be.'),
    }),
    output: AttachmentMeta,
  },
  'attachments.read': { input: z.object({ id: Id }), output: AttachmentMeta.extend({ data: z.string() }) },
  'attachments.remove': { input: z.object({ id: Id }), output: z.null() },
  /** What an image attachment reveals (GPS, device, author, times); null for files that are not images. */
  'attachments.metadata': { input: z.object({ id: Id }), output: ImageMetadata.nullable() },

  'history.list': { input: z.object({ entity: EntityKind, id: Id }), output: z.array(Revision) },
  'integrity.verify': { input: z.null(), output: IntegrityReport },

  'records.search': {
    input: z.object({ q: Text(200).min(1), limit: z.number().int().min(1).max(100).default(20) }),
    output: z.array(RecordHit),
  },
} as const;
