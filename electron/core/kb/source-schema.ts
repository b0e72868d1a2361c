// The shape of the knowledge-base sources in resources/kb. The build validates every file
// against these schemas and refuses to ship a knowledge base that does not fit them.
import { z } from 'zod';
import { ENTRY_POINTS, FRAMEWORK_SCOPES, MECHANISM_REACHES, MECHANISM_USES, TREATIES } from '@shared/api/kb';

const Id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be lowercase letters, digits and hyphens');
const Text = z.string().trim().min(1);
const Source = z.object({ title: Text, url: z.url({ protocol: /^https?$/ }) }).strict();

/**
 * When something was checked: a day ("2026-12-01") or, when the source is only that precise, a month
 * ("2022-03") or a year ("2013"). A month is never padded into an invented day.
 */
export const IsoDate = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, { error: 'must be a date written as YYYY-MM-DD (or YYYY-MM, or YYYY, when the source is no more precise)' });

/**
 * Where an entry's facts come from. Primary sources are the issuing body's own publication or page
 * (OHCHR, the OECD, ASEAN, the mechanism itself); secondary sources are background reading and are
 * shown as such. An entry with no primary source must say so in words, so the gap is visible to the
 * reader instead of being filled by a weaker page.
 */
export const EntrySources = z
  .object({
    primary: z.array(Source),
    secondary: z.array(Source),
    noPrimarySource: Text.optional(),
  })
  .strict()
  .superRefine((sources, ctx) => {
    if (sources.primary.length === 0 && !sources.noPrimarySource) {
      ctx.addIssue({ code: 'custom', path: ['primary'], message: 'needs a primary source, or a "noPrimarySource" statement saying none was found' });
    }
    if (sources.primary.length > 0 && sources.noPrimarySource) {
      ctx.addIssue({ code: 'custom', path: ['noPrimarySource'], message: 'says no primary source was found but lists one' });
    }
  });
export type EntrySources = z.infer<typeof EntrySources>;

/**
 * A fact that is true for a time: who holds a mandate, when an agreement is due to be signed.
 * Once `until` has passed, the app shows `lapsed` instead of stating the fact as current.
 */
export const DatedFact = z
  .object({ text: Text, asOf: IsoDate, until: IsoDate.optional(), lapsed: Text.optional() })
  .strict()
  .refine((fact) => !fact.until === !fact.lapsed, { message: 'a fact with "until" needs a "lapsed" sentence, and only then', path: ['lapsed'] });
export type DatedFact = z.infer<typeof DatedFact>;

/** What using the mechanism makes public, when, and whose names appear. */
export const Exposure = z
  .object({ whatIsPublic: Text, when: Text, whoIsNamed: Text }, { error: 'every mechanism needs exposure notes: what becomes public, when, and whose names' })
  .strict();
export type Exposure = z.infer<typeof Exposure>;

/** Fields every framework and mechanism carries so the reader can judge how far to trust it. */
const Provenance = {
  /** The day the whole entry was last checked against its sources. */
  asOf: IsoDate,
  /** True when the toolkit itself names it; false when this app added it. */
  inToolkit: z.boolean(),
  sources: EntrySources,
  datedFacts: z.array(DatedFact).default([]),
  /** Show the States' party status for this treaty wherever the entry is shown. */
  partyStatus: z.enum(TREATIES).optional(),
  unverified: z.array(Text),
};

export const SectionFrontMatter = z
  .object({
    id: Id,
    title: Text,
    order: z.coerce.number().int().min(1),
    entryPoint: z.enum([...ENTRY_POINTS, 'none']),
    summary: Text,
  })
  .strict();
export type SectionFrontMatter = z.infer<typeof SectionFrontMatter>;

export const FrameworkSource = z
  .object({
    id: Id,
    name: Text,
    instrument: Text,
    scope: z.enum(FRAMEWORK_SCOPES),
    protects: Text,
    whyItMatters: Text,
    status: Text,
    ...Provenance,
  })
  .strict();
export type FrameworkSource = z.infer<typeof FrameworkSource>;

export const MechanismSource = z
  .object({
    id: Id,
    name: Text,
    type: Id,
    reach: z.enum(MECHANISM_REACHES),
    summary: Text,
    whoCanUse: Text,
    howTo: z.array(Text),
    timing: Text,
    scope: Text,
    languages: z.array(Text),
    website: z.url({ protocol: /^https?$/ }).nullable(),
    uses: z.array(z.enum(MECHANISM_USES)).min(1),
    /** Numbers of the strategic recommendations (1–6) in "Using findings" that use this mechanism. */
    recommendations: z.array(z.number().int().min(1).max(6)),
    frameworks: z.array(Id),
    sections: z.array(Id),
    exposure: Exposure,
    /** Consent of the people named, confidential routes, reprisals, travel: what to weigh before using it. */
    reprisalNotes: z.array(Text).min(1, { error: 'every mechanism needs at least one reprisal note' }),
    ...Provenance,
  })
  .strict();
export type MechanismSource = z.infer<typeof MechanismSource>;

export const FrameworksFile = z.array(FrameworkSource).min(1);
export const MechanismsFile = z.array(MechanismSource).min(1);

export const PARTY_STATUSES = ['party', 'signatory', 'no-action'] as const;
export const SUBREGIONS = ['east-asia', 'south-east-asia', 'south-asia', 'pacific'] as const;

/** One State's standing under a treaty and its individual-complaints protocol. */
export const PartyState = z
  .object({
    iso2: z.string().regex(/^[A-Z]{2}$/),
    name: Text,
    subregion: z.enum(SUBREGIONS),
    treaty: z.enum(PARTY_STATUSES),
    /** Year of ratification or accession, when a party. */
    treatyYear: z.number().int().min(1966).optional(),
    /** The First Optional Protocol: individual communications to the Human Rights Committee. */
    protocol: z.enum(PARTY_STATUSES),
    protocolYear: z.number().int().min(1966).optional(),
    /** Something the reader must know: a disagreement between sources, a territory, a withdrawal attempt. */
    note: Text.optional(),
  })
  .strict()
  .refine((s) => s.protocol !== 'party' || s.treaty === 'party', { message: 'only a party to the treaty can be a party to its protocol', path: ['protocol'] });
export type PartyState = z.infer<typeof PartyState>;

export const TreatyStatusFile = z
  .object({
    treaty: z.enum(TREATIES),
    title: Text,
    protocolTitle: Text,
    asOf: IsoDate,
    sources: EntrySources,
    unverified: z.array(Text),
    /** The reminder that companies' responsibility does not depend on ratification. */
    companiesNote: Text,
    states: z.array(PartyState).min(1),
  })
  .strict();
export type TreatyStatusFile = z.infer<typeof TreatyStatusFile>;

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be the 64-character hex SHA-256 of the English source');
/** "reviewed: false" must be written out: a translation is never taken as reviewed by omission. */
const Reviewed = z.enum(['true', 'false'], { error: 'must say "reviewed: true" or "reviewed: false"' }).transform((value) => value === 'true');

/** Front matter of resources/kb/translations/<language>/sections/<English file name>. */
export const SectionTranslationFrontMatter = z
  .object({ translationOf: Id, title: Text, summary: Text, reviewed: Reviewed, sourceSha256: Sha256 })
  .strict();
export type SectionTranslationFrontMatter = z.infer<typeof SectionTranslationFrontMatter>;

/** resources/kb/translations/<language>/mechanisms.json: the translated text of some entries. */
export const MechanismTranslationsFile = z
  .object({
    reviewed: z.boolean({ error: 'must say "reviewed": true or false' }),
    mechanisms: z.record(
      Id,
      z
        .object({
          name: Text.optional(),
          summary: Text,
          howTo: z.array(Text),
          // The exposure and reprisal notes may come later than the rest; until then they show in English, marked.
          exposure: z.object({ whatIsPublic: Text, when: Text, whoIsNamed: Text }).strict().optional(),
          reprisalNotes: z.array(Text).optional(),
          // Each of these may come later too; a list translates the English item by item.
          whoCanUse: Text.optional(),
          timing: Text.optional(),
          scope: Text.optional(),
          unverified: z.array(Text).optional(),
          datedFacts: z.array(z.object({ text: Text, lapsed: Text.optional() }).strict()).optional(),
          sourceSha256: Sha256,
        })
        .strict(),
    ),
  })
  .strict();
export type MechanismTranslationsFile = z.infer<typeof MechanismTranslationsFile>;

/**
 * resources/kb/translations/<language>/frameworks.json: the translated text of some entries. The
 * name and what it protects (the table's own columns) are required; every other field may be left
 * out and is then shown in English, marked as such. Lists translate the English item by item.
 */
export const FrameworkTranslationsFile = z
  .object({
    reviewed: z.boolean({ error: 'must say "reviewed": true or false' }),
    frameworks: z.record(
      Id,
      z
        .object({
          name: Text,
          instrument: Text.optional(),
          protects: Text,
          whyItMatters: Text.optional(),
          status: Text.optional(),
          unverified: z.array(Text).optional(),
          noPrimarySource: Text.optional(),
          datedFacts: z.array(z.object({ text: Text, lapsed: Text.optional() }).strict()).optional(),
          sourceSha256: Sha256,
        })
        .strict(),
    ),
  })
  .strict();
export type FrameworkTranslationsFile = z.infer<typeof FrameworkTranslationsFile>;

/**
 * resources/kb/translations/<language>/ncps.json: the OECD NCP practice notes (ncps.json) in a
 * language. Everything is optional: the general facts, and per NCP (by ISO code) its name and its
 * facts, the facts item by item as the English. `sourceSha256` is of the English ncps.json as written.
 */
export const NcpTranslationsFile = z
  .object({
    reviewed: z.boolean({ error: 'must say "reviewed": true or false' }),
    sourceSha256: Sha256,
    general: z.object({ facts: z.array(Text) }).strict().optional(),
    ncps: z
      .record(
        z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as JP'),
        z.object({ name: Text.optional(), facts: z.array(Text).optional() }).strict(),
      )
      .default({}),
  })
  .strict();
export type NcpTranslationsFile = z.infer<typeof NcpTranslationsFile>;
