// The identity check: the people register (who must never be named in what leaves the vault, and
// every way they can be recognised) and the check that flags them, and likely names, e-mail
// addresses, phone numbers, handles and profile links nobody registered, in any outgoing text.
// The register stays in the vault: only full backups carry it, never bundles, exports or search.
import { z } from 'zod';
import { Id } from './diary';

const Text = (max: number) => z.string().trim().max(max);
const IsoDateTime = z.iso.datetime({ offset: true });
/** One list of identifiers: each entry non-empty, at most 100 of them. */
const Identifiers = (max: number) => z.array(Text(max).min(1)).max(100).default([]);

export const PersonDraft = z.object({
  id: Id.optional(),
  realName: Text(300).min(1, 'Give the real name, as the person is known.'),
  /** What to print instead of the name; '' when none was chosen yet. */
  pseudonym: Text(200).default(''),
  aliases: Identifiers(300),
  handles: Identifiers(200),
  emails: Identifiers(320),
  phones: Identifiers(80),
  urls: Identifiers(2000),
  /** The name written in Han, Thai, Burmese, Khmer, Latin… */
  otherScripts: Identifiers(300),
  /** The given name alone ("Mai" for Nguyễn Thị Mai); '' when unknown, then the engine derives one. */
  givenName: Text(100).default(''),
  note: Text(4000).default(''),
});
export type PersonDraft = z.input<typeof PersonDraft>;

export const Person = PersonDraft.extend({ id: Id, createdAt: IsoDateTime, updatedAt: IsoDateTime });
export type Person = z.infer<typeof Person>;

export const IDENTITY_FLAG_KINDS = ['registered', 'givenName', 'name', 'email', 'phone', 'handle', 'url'] as const;
export const IdentityFlagKind = z.enum(IDENTITY_FLAG_KINDS);
export type IdentityFlagKind = z.infer<typeof IdentityFlagKind>;

export const IdentityFlag = z.object({
  /** Stable across runs: kind + folded matched text (+ person id); decisions are remembered by it. */
  key: z.string(),
  kind: IdentityFlagKind,
  /** The registered person, for 'registered' and 'givenName'. */
  personId: Id.nullable(),
  /** What was found, for the user: "Nguyễn Văn Minh", "minh@example.org". */
  label: z.string(),
  /** The exact text as it appears, to replace it. */
  matched: z.string(),
  /** The place, in words: "Finding 2 · Summary", "File name", "Evidence label". */
  where: z.string(),
  /** About 40 characters either side of the match. */
  excerpt: z.string(),
  /** True for the given name alone and every unregistered kind: it may be a false positive. */
  confirm: z.boolean(),
});
export type IdentityFlag = z.infer<typeof IdentityFlag>;

export const IdentityDecision = z.discriminatedUnion('action', [
  z.object({ key: z.string().min(1), action: z.literal('fine') }),
  z.object({ key: z.string().min(1), action: z.literal('replace'), replacement: Text(200).min(1, 'Say what to print instead.') }),
]);
export type IdentityDecision = z.infer<typeof IdentityDecision>;

/** A text about to leave the vault, with where it is in words. */
export const IdentityPlace = z.object({ where: Text(300), text: z.string().max(2_000_000) });
export type IdentityPlace = z.infer<typeof IdentityPlace>;

export const identityMethods = {
  'people.list': { input: z.null(), output: z.array(Person) },
  'people.save': { input: PersonDraft, output: Person },
  'people.delete': { input: z.object({ id: Id }), output: z.null() },
  /** Checks against the register plus every assessment stakeholder's private name. */
  'identity.check': { input: z.object({ places: z.array(IdentityPlace).max(10_000) }), output: z.array(IdentityFlag) },
} as const;
