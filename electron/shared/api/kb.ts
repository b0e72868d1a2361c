import { z } from 'zod';
import { KB_KINDS } from '../domain/search-kinds';

// The knowledge base: the toolkit's sections, the frameworks table and the mechanism directory,
// compiled at build time and read-only at run time.

const KbId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/);

export { KB_KINDS };
export const KbKind = z.enum(KB_KINDS);
export type KbKind = z.infer<typeof KbKind>;

export const MECHANISM_USES = ['amplify-evidence', 'complaint-route', 'norm-setting', 'coalition-building', 'policy-support'] as const;
export const MechanismUse = z.enum(MECHANISM_USES);
export type MechanismUse = z.infer<typeof MechanismUse>;

export const MECHANISM_REACHES = ['global', 'regional', 'national'] as const;
export const MechanismReach = z.enum(MECHANISM_REACHES);

export const FRAMEWORK_SCOPES = ['international', 'asean', 'sector'] as const;
/** Framework fields a translation may leave out, to be shown in English. */
export const FRAMEWORK_TRANSLATABLE_FIELDS = ['instrument', 'whyItMatters', 'status', 'datedFacts', 'noPrimarySource', 'unverified'] as const;
export type FrameworkTranslatableField = (typeof FRAMEWORK_TRANSLATABLE_FIELDS)[number];
/**
 * Directory fields a translated entry may still show in English, each marked where it shows. 'name':
 * the entry goes by its English name (an organisation's own, or not translated): it carries English
 * as its language, without a marker.
 */
export const MECHANISM_ENGLISH_FIELDS = ['name', 'scope', 'whoCanUse', 'timing', 'exposure', 'reprisalNotes', 'datedFacts', 'unverified'] as const;
export type MechanismEnglishField = (typeof MECHANISM_ENGLISH_FIELDS)[number];

/**
 * Languages the knowledge base can hold translations in (resources/kb/translations/<code>/);
 * English is the source and every other read falls back to it.
 */
export const KB_TRANSLATION_LANGUAGES = ['vi', 'id', 'zh-Hans', 'zh-Hant', 'th', 'my', 'km'] as const;
/** The language a read asks for: the UI language. Anything without a translation reads English. */
export const KbLanguage = z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/).max(35);

/** Said with every translated passage: which language, whether a native speaker reviewed it, and
 *  whether the English original changed after it was translated. */
export const TranslationInfo = z.object({ language: z.string(), reviewed: z.boolean(), outdated: z.boolean() });
export type TranslationInfo = z.infer<typeof TranslationInfo>;

export const ENTRY_POINTS = ['grounding', 'planning-engagement', 'high-risk', 'international-levers'] as const;
export const EntryPointKey = z.enum(ENTRY_POINTS);

/**
 * Text to show with some ranges marked, as [start, end) offsets into text. The renderer wraps the
 * ranges in <mark> itself, so no markup from content or query ever reaches the page as HTML.
 */
export const MarkedText = z.object({ text: z.string(), marks: z.array(z.tuple([z.number().int(), z.number().int()])) });
export type MarkedText = z.infer<typeof MarkedText>;

/**
 * One search result. `kind` discriminates: the record search will add its own member (kind
 * 'record') to this union, and the one search box renders each kind its own way.
 */
/**
 * How a hit matched what was typed, by its loosest word: every word itself (folded, or the word
 * still being typed as a prefix), some word only through a synonym, a completion or missing, or
 * some word only through a typo correction. The search box ranks and labels by it.
 */
export const HIT_MATCHES = ['exact', 'close', 'typo'] as const;
export const HitMatch = z.enum(HIT_MATCHES);
export type HitMatch = z.infer<typeof HitMatch>;

const HitBase = z.object({
  id: KbId,
  title: MarkedText,
  snippet: MarkedText,
  score: z.number(),
  match: HitMatch,
  /** 'en', or the language of the translated passage that matched: the hit opens in it. */
  language: z.string(),
});
export const KbHit = z.discriminatedUnion('kind', [
  HitBase.extend({
    kind: z.literal('section'),
    /** Slug of the heading the passage sits under: the reader scrolls to #anchor. */
    anchor: z.string(),
    heading: MarkedText,
  }),
  HitBase.extend({ kind: z.literal('framework') }),
  HitBase.extend({ kind: z.literal('mechanism') }),
]);
export type KbHit = z.infer<typeof KbHit>;

export const KbSearchInput = z.object({
  q: z.string().max(200),
  kinds: z.array(KbKind).max(KB_KINDS.length).optional(),
  limit: z.number().int().min(1).max(50).default(12),
  /** The reader's language: a passage that matched in several languages is returned in this one. */
  language: KbLanguage.optional(),
});

export const KbSearchResult = z.object({ hits: z.array(KbHit) });

const Source = z.object({ title: z.string(), url: z.string() });

/** Primary sources are the issuing body's own pages; secondary ones are background only. */
export const EntrySources = z.object({
  primary: z.array(Source),
  secondary: z.array(Source),
  /** Said in words when no primary source was found. */
  noPrimarySource: z.string().nullable(),
});
export type EntrySources = z.infer<typeof EntrySources>;

/** A fact true for a time; after `until` the app shows `lapsed` instead. Dates are YYYY-MM-DD. */
export const DatedFact = z.object({ text: z.string(), asOf: z.string(), until: z.string().nullable(), lapsed: z.string().nullable() });
export type DatedFact = z.infer<typeof DatedFact>;

/** What using a mechanism makes public, when, and whose names appear. */
export const Exposure = z.object({ whatIsPublic: z.string(), when: z.string(), whoIsNamed: z.string() });
export type Exposure = z.infer<typeof Exposure>;

export const TREATIES = ['iccpr'] as const;
export const Treaty = z.enum(TREATIES);

/** How far to trust an entry: when it was checked, who names it, and where its facts come from. */
const Provenance = {
  asOf: z.string(),
  /** True when the toolkit itself names it; false when this app added it. */
  inToolkit: z.boolean(),
  sources: EntrySources,
  datedFacts: z.array(DatedFact),
  /** Show the States' party status for this treaty with the entry. */
  partyStatus: Treaty.nullable(),
  unverified: z.array(z.string()),
};

export const SectionSummary = z.object({
  id: KbId,
  title: z.string(),
  order: z.number().int(),
  summary: z.string(),
});
export type SectionSummary = z.infer<typeof SectionSummary>;

export const Heading = z.object({ depth: z.number().int().min(1).max(6), text: z.string(), anchor: z.string() });
export type Heading = z.infer<typeof Heading>;

export const Section = SectionSummary.extend({
  /** Markdown as written in resources/kb; the renderer sanitises it before showing it. */
  markdown: z.string(),
  headings: z.array(Heading),
  previous: SectionSummary.nullable(),
  next: SectionSummary.nullable(),
  /** Set when the text is a translation (the reader then offers the English original); else null. */
  translation: TranslationInfo.nullable(),
});
export type Section = z.infer<typeof Section>;

const NamedLink = z.object({ id: KbId, name: z.string() });

export const Framework = z.object({
  id: KbId,
  name: z.string(),
  instrument: z.string(),
  scope: z.enum(FRAMEWORK_SCOPES),
  protects: z.string(),
  whyItMatters: z.string(),
  status: z.string(),
  ...Provenance,
  /** Mechanisms that apply this framework, for cross-links. */
  mechanisms: z.array(NamedLink),
  /** Set when the entry's text is a translation; else null. */
  translation: TranslationInfo.nullable(),
  /** Fields the translation leaves out, shown in English (the reader marks them). */
  inEnglish: z.array(z.enum(FRAMEWORK_TRANSLATABLE_FIELDS)),
});
export type Framework = z.infer<typeof Framework>;

export const MechanismSummary = z.object({
  id: KbId,
  name: z.string(),
  type: z.string(),
  reach: MechanismReach,
  scope: z.string(),
  summary: z.string(),
  uses: z.array(MechanismUse),
  exposure: Exposure,
  asOf: z.string(),
  inToolkit: z.boolean(),
  /** Set when the name and summary are a translation; else null. */
  translation: TranslationInfo.nullable(),
  /** With a translation: each field shown that is still the English original. */
  inEnglish: z.array(z.enum(MECHANISM_ENGLISH_FIELDS)),
});
export type MechanismSummary = z.infer<typeof MechanismSummary>;

export const Mechanism = MechanismSummary.extend({
  whoCanUse: z.string(),
  howTo: z.array(z.string()),
  timing: z.string(),
  languages: z.array(z.string()),
  website: z.string().nullable(),
  reprisalNotes: z.array(z.string()),
  ...Provenance,
  /** Sections that mention this mechanism (from the section links), in reading order. */
  sections: z.array(z.object({ id: KbId, title: z.string() })),
  frameworks: z.array(NamedLink),
});
export type Mechanism = z.infer<typeof Mechanism>;

export const KbHome = z.object({
  entryPoints: z.array(
    z.object({ key: EntryPointKey, question: z.string(), sectionId: KbId, sectionTitle: z.string(), summary: z.string() }),
  ),
  /** The "Get started" steps, each one line of Markdown. */
  getStarted: z.array(z.object({ id: z.string(), markdown: z.string() })),
  /** Set when the questions and steps come from a translation; else null. */
  translation: TranslationInfo.nullable(),
});
export type KbHome = z.infer<typeof KbHome>;

export const PartyStatus = z.enum(['party', 'signatory', 'no-action']);
export type PartyStatus = z.infer<typeof PartyStatus>;

/** Which States are bound by a treaty and accept individual complaints under its protocol. */
export const TreatyStatus = z.object({
  treaty: Treaty,
  title: z.string(),
  protocolTitle: z.string(),
  asOf: z.string(),
  sources: EntrySources,
  unverified: z.array(z.string()),
  companiesNote: z.string(),
  states: z.array(
    z.object({
      iso2: z.string(),
      name: z.string(),
      subregion: z.string(),
      treaty: PartyStatus,
      treatyYear: z.number().int().nullable(),
      protocol: PartyStatus,
      protocolYear: z.number().int().nullable(),
      note: z.string().nullable(),
    }),
  ),
});
export type TreatyStatus = z.infer<typeof TreatyStatus>;

/** Reads that take the UI language; null (as before languages) reads English. */
const LanguageInput = z.object({ language: KbLanguage.optional() }).nullable();

export const kbMethods = {
  'kb.search': { input: KbSearchInput, output: KbSearchResult },
  'kb.home': { input: LanguageInput, output: KbHome },
  'kb.sections.list': { input: LanguageInput, output: z.array(SectionSummary) },
  'kb.sections.get': { input: z.object({ id: KbId, language: KbLanguage.optional() }), output: Section },
  'kb.frameworks.list': { input: LanguageInput, output: z.array(Framework) },
  'kb.mechanisms.list': { input: LanguageInput, output: z.array(MechanismSummary) },
  'kb.mechanisms.get': { input: z.object({ id: KbId, language: KbLanguage.optional() }), output: Mechanism },
  'kb.treaties.status': { input: z.object({ treaty: Treaty }), output: TreatyStatus },
} as const;
