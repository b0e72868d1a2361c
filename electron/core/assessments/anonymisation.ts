// The anonymisation check: does a stakeholder's real name appear anywhere in text that should use
// their pseudonym? It is the identity check's name matching (electron/core/identity), so it ignores
// case, diacritics, spacing and word order, finds names in unspaced scripts and run together in
// handles or addresses (@NguyenVanAn). It only warns; it never edits the text.
import type { NameHit, PhaseKey } from '@shared/api/assessments';
import { registeredMatcher } from '../identity/registered';

export { fold } from '../identity/fold';

export interface NamedStakeholder {
  stakeholderId: string;
  pseudonym: string;
  realName: string;
}

export interface TextPlace {
  /** In words, for the user: "Phase 5 · Impact 2 · What happened". */
  where: string;
  phase: PhaseKey | null;
  text: string;
}

const EXCERPT_CONTEXT = 40;

/** Where two forms of a name overlap, the longer one, then in the order of the text. */
function longestFirst<T extends { start: number; end: number }>(spans: T[]): T[] {
  const kept: T[] = [];
  for (const span of [...spans].sort((a, b) => b.end - b.start - (a.end - a.start))) {
    if (!kept.some((k) => k.start < span.end && span.start < k.end)) kept.push(span);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** Every place where any real name appears, in the order of the places given. */
export function findRealNames(names: readonly NamedStakeholder[], places: readonly TextPlace[]): NameHit[] {
  const matcher = registeredMatcher(names.map((n) => ({ id: n.stakeholderId, realName: n.realName, pseudonym: n.pseudonym })));
  const pseudonyms = new Map(names.map((n) => [n.stakeholderId, n.pseudonym]));
  const hits: NameHit[] = [];
  for (const place of places) {
    if (!place.text) continue;
    // The full name only: the given name alone is too often someone else for a warning without a question.
    const found = matcher.find(place.text).filter((s) => !s.given);
    for (const { start, end, personId } of longestFirst(found)) {
      const from = Math.max(0, start - EXCERPT_CONTEXT);
      const to = Math.min(place.text.length, end + EXCERPT_CONTEXT);
      const excerpt = `${from > 0 ? '…' : ''}${place.text.slice(from, to)}${to < place.text.length ? '…' : ''}`;
      const shift = from > 0 ? 1 - from : 0;
      hits.push({ stakeholderId: personId, pseudonym: pseudonyms.get(personId)!, where: place.where, phase: place.phase, excerpt, mark: [start + shift, end + shift] });
    }
  }
  return hits;
}
