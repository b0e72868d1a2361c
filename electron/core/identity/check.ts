// The identity check: every registered person (by any of their names and identifiers) and every
// likely name, e-mail address, phone number, handle and profile link nobody registered, in the
// texts about to leave the vault; and the user's decisions applied to those texts. Pure: the
// callers bring the register and the texts.
import type { IdentityDecision, IdentityFlag, IdentityFlagKind } from '@shared/api/identity';
import { atBoundary, fold, foldedText } from './fold';
import { emailsIn, handlesIn, isProfileUrl, normaliseEmail, normaliseHandle, normaliseUrl, phoneKey, phonesIn, urlsIn } from './identifiers';
import { likelyNames } from './names';
import { registeredMatcher, type CheckPerson } from './registered';

export type { CheckPerson } from './registered';

/** One finding in one text, by offsets into that text. */
export interface IdentitySpan {
  start: number;
  end: number;
  kind: IdentityFlagKind;
  personId: string | null;
}

const EXCERPT_CONTEXT = 40;
const IDENTIFIER_KINDS: ReadonlySet<IdentityFlagKind> = new Set(['email', 'phone', 'handle', 'url']);

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

/** Registered people first, then identifiers, then names; longer before shorter; no two findings overlap. */
function tier(span: IdentitySpan): number {
  if (span.kind === 'registered') return 0;
  return IDENTIFIER_KINDS.has(span.kind) ? 1 : 2;
}

/** For each character, the first span of this kind that covers it. */
function coverage(length: number, spans: readonly IdentitySpan[], kind: IdentityFlagKind): Array<IdentitySpan | undefined> {
  const at = new Array<IdentitySpan | undefined>(length);
  for (const span of spans) {
    if (span.kind !== kind) continue;
    for (let i = span.start; i < span.end; i++) at[i] ??= span;
  }
  return at;
}

function firstIn(at: ReadonlyArray<IdentitySpan | undefined>, span: { start: number; end: number }): IdentitySpan | null {
  for (let i = span.start; i < span.end; i++) if (at[i]) return at[i]!;
  return null;
}

export interface Scanner {
  scan(text: string): IdentitySpan[];
}

/** Prepares the register once, for checking many texts. */
export function identityScanner(people: readonly CheckPerson[]): Scanner {
  const registered = registeredMatcher(people);
  // A pseudonym ("Activist A") is what the text should say: never a name to flag.
  const pseudonyms = new Set(people.map((p) => foldedText(p.pseudonym)).filter(Boolean));
  return {
    scan(text) {
      const found: IdentitySpan[] = registered
        .find(text)
        .map((s) => ({ start: s.start, end: s.end, kind: s.given ? 'givenName' : 'registered', personId: s.personId }));
      const add = (kind: IdentityFlagKind, spans: Iterable<{ start: number; end: number }>) => {
        for (const s of spans) found.push({ start: s.start, end: s.end, kind, personId: null });
      };
      add('email', emailsIn(text));
      add('phone', phonesIn(text));
      add('handle', handlesIn(text));
      add('url', urlsIn(text).filter((u) => isProfileUrl(u.text)));
      add('name', likelyNames(text).filter((n) => !pseudonyms.has(foldedText(text.slice(n.start, n.end)))));
      // Whose registered name or given name covers each character, to look up in linear time.
      const registeredAt = coverage(text.length, found, 'registered');
      const givenAt = coverage(text.length, found, 'givenName');
      for (const span of found) {
        // An address, handle or link that holds a registered name is that person's: "nguyenvanminh@…".
        const holder = IDENTIFIER_KINDS.has(span.kind) ? firstIn(registeredAt, span) : null;
        if (holder) Object.assign(span, { kind: 'registered', personId: holder.personId });
        // A likely name that holds a registered given name ("Somchai W.") may be that person: ask.
        const given = span.kind === 'name' ? firstIn(givenAt, span) : null;
        if (given) Object.assign(span, { kind: 'givenName', personId: given.personId });
      }
      const ordered = [...found].sort(
        (a, b) => tier(a) - tier(b) || b.end - b.start - (a.end - a.start) || Number(b.kind === 'givenName') - Number(a.kind === 'givenName'),
      );
      // Which characters a kept finding already covers: linear in the text, however many findings.
      const taken = new Uint8Array(text.length);
      const kept: IdentitySpan[] = [];
      for (const span of ordered) {
        if (taken.subarray(span.start, span.end).includes(1)) continue;
        taken.fill(1, span.start, span.end);
        kept.push(span);
      }
      return kept.sort((a, b) => a.start - b.start);
    },
  };
}

/**
 * The matched text in the form the key is built on: a name in any case or accents, a number with
 * any separators, a link with or without its scheme share one key.
 */
function keyForm(kind: IdentityFlagKind, matched: string): string {
  switch (kind) {
    case 'email':
      return normaliseEmail(matched);
    case 'handle':
      return normaliseHandle(matched);
    case 'url':
      return normaliseUrl(matched);
    case 'phone':
      return phoneKey(matched);
    default:
      return foldedText(matched);
  }
}

export const flagKey = (kind: IdentityFlagKind, personId: string | null, matched: string): string =>
  `${kind}:${personId ?? '-'}:${keyForm(kind, matched)}`;

function excerptOf(text: string, start: number, end: number): string {
  const from = Math.max(0, start - EXCERPT_CONTEXT);
  const to = Math.min(text.length, end + EXCERPT_CONTEXT);
  return `${from > 0 ? '…' : ''}${text.slice(from, to)}${to < text.length ? '…' : ''}`;
}

/**
 * Every finding in the places given, in their order. A finding written the same way twice in one
 * place is reported once; each different way of writing it is reported, so it can be replaced.
 */
export function checkIdentity(people: readonly CheckPerson[], places: readonly { where: string; text: string }[]): IdentityFlag[] {
  const scanner = identityScanner(people);
  const names = new Map(people.map((p) => [p.id, p.realName]));
  const flags: IdentityFlag[] = [];
  for (const place of places) {
    if (!place.text) continue;
    const seen = new Set<string>();
    for (const span of scanner.scan(place.text)) {
      const matched = place.text.slice(span.start, span.end);
      const key = flagKey(span.kind, span.personId, matched);
      if (seen.has(`${key}\u0000${matched}`)) continue;
      seen.add(`${key}\u0000${matched}`);
      flags.push({
        key,
        kind: span.kind,
        personId: span.personId,
        label: span.personId ? (names.get(span.personId) ?? matched) : matched,
        matched,
        where: place.where,
        excerpt: excerptOf(place.text, span.start, span.end),
        confirm: span.kind !== 'registered',
      });
    }
  }
  return flags;
}

/**
 * The text with every flag decided 'replace' replaced, wherever and however it is written: every
 * occurrence of each of its matched forms, ignoring case and diacritics, longest first, so a full
 * name goes before the given name inside it.
 */
export function applyDecisions(text: string, flags: readonly IdentityFlag[], decisions: readonly IdentityDecision[]): string {
  const replacements = new Map<string, string>();
  const byKey = new Map(decisions.map((d) => [d.key, d]));
  for (const flag of flags) {
    const decision = byKey.get(flag.key);
    if (decision?.action !== 'replace') continue;
    const form = fold(flag.matched).text;
    if (form.trim() && !replacements.has(form)) replacements.set(form, decision.replacement);
  }
  if (replacements.size === 0 || !text) return text;
  const folded = fold(text);
  const chosen: Array<{ start: number; end: number; replacement: string }> = [];
  for (const [form, replacement] of [...replacements].sort((a, b) => b[0].length - a[0].length)) {
    for (let at = folded.text.indexOf(form); at !== -1; at = folded.text.indexOf(form, at + 1)) {
      if (!atBoundary(folded.text, at - 1, form[0]!) || !atBoundary(folded.text, at + form.length, form.at(-1)!)) continue;
      const range = { start: folded.start[at]!, end: folded.end[at + form.length - 1]!, replacement };
      if (!chosen.some((c) => overlaps(c, range))) chosen.push(range);
    }
  }
  let out = '';
  let cursor = 0;
  for (const c of chosen.sort((a, b) => a.start - b.start)) {
    out += text.slice(cursor, c.start) + c.replacement;
    cursor = c.end;
  }
  return out + text.slice(cursor);
}
