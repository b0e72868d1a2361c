// The anonymisation check: does a stakeholder's real name appear anywhere in text that should use
// their pseudonym? Matching ignores case and diacritics (Nguyễn = nguyen = NGUYEN, Đ = D), and
// full-width forms, so a name typed without accents on a foreign keyboard is still caught. It
// finds names inside longer text: in any sentence, in unspaced Chinese or Japanese text, and run
// together in handles or addresses (@NguyenVanAn). It only warns; it never edits the text.
import type { NameHit, PhaseKey } from '@shared/api/assessments';

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

interface Folded {
  text: string;
  /** For each folded character, where its source character starts and ends in the original. */
  start: number[];
  end: number[];
}

const MARKS = /\p{M}/gu;
const SPACE = /\s/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
// Scripts written without spaces between words: a name there may touch other letters.
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const EXCERPT_CONTEXT = 40;
/** Run-together forms shorter than this ("anle") would match inside too many ordinary words. */
const MIN_COMPACT = 6;

/** Case, diacritics and compatibility forms folded away; runs of white space become one space. */
export function fold(value: string): Folded {
  const out: Folded = { text: '', start: [], end: [] };
  let offset = 0;
  for (const char of value) {
    const next = offset + char.length;
    let folded = SPACE.test(char) ? ' ' : char.normalize('NFKD').toLowerCase().replace(MARKS, '').replace(/đ/g, 'd');
    if (folded === ' ' && out.text.endsWith(' ')) folded = '';
    for (const piece of folded) {
      out.text += piece;
      out.start.push(offset);
      out.end.push(next);
    }
    offset = next;
  }
  return out;
}

/** A name written in a spaced script must not be part of a longer word ("An" inside "Anh"). */
function atBoundary(text: string, index: number, nameChar: string): boolean {
  if (UNSPACED.test(nameChar)) return true;
  const neighbour = text[index];
  return neighbour === undefined || !LETTER_OR_DIGIT.test(neighbour);
}

function occurrences(haystack: string, needle: string, bounded: boolean): number[] {
  const found: number[] = [];
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) {
    if (!bounded || (atBoundary(haystack, at - 1, needle[0]!) && atBoundary(haystack, at + needle.length, needle.at(-1)!))) found.push(at);
  }
  return found;
}

/** Every place where any real name appears, in the order of the places given. */
export function findRealNames(names: readonly NamedStakeholder[], places: readonly TextPlace[]): NameHit[] {
  const patterns = names.flatMap((name) => {
    const spaced = fold(name.realName.trim()).text.trim();
    if ([...spaced].length < 2) return [];
    const compact = spaced.replaceAll(' ', '');
    const forms = [{ form: spaced, bounded: true }];
    if (compact !== spaced && compact.length >= MIN_COMPACT) forms.push({ form: compact, bounded: false });
    return [{ name, forms }];
  });
  const hits: NameHit[] = [];
  for (const place of places) {
    if (!place.text) continue;
    const folded = fold(place.text);
    for (const { name, forms } of patterns) {
      for (const { form, bounded } of forms) {
        for (const at of occurrences(folded.text, form, bounded)) {
          const start = folded.start[at]!;
          const end = folded.end[at + form.length - 1]!;
          const from = Math.max(0, start - EXCERPT_CONTEXT);
          const to = Math.min(place.text.length, end + EXCERPT_CONTEXT);
          const excerpt = `${from > 0 ? '…' : ''}${place.text.slice(from, to)}${to < place.text.length ? '…' : ''}`;
          const shift = from > 0 ? 1 - from : 0;
          hits.push({ stakeholderId: name.stakeholderId, pseudonym: name.pseudonym, where: place.where, phase: place.phase, excerpt, mark: [start + shift, end + shift] });
        }
      }
    }
  }
  return hits;
}
