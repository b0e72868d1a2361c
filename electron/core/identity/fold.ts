// Folding for the identity check: case, diacritics and compatibility forms fall away (Nguyễn =
// nguyen = NGUYEN, Đ = d, Ｗ = w), runs of white space become one space, and every folded character
// remembers where it came from, so a match in folded text maps back to the exact original text.

export interface Folded {
  text: string;
  /** For each folded character, where its source character starts and ends in the original. */
  start: number[];
  end: number[];
}

const MARKS = /\p{M}/gu;
const SPACE = /\s/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** Scripts written without spaces between words: a name there may touch other letters. */
export const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
// Thai, Lao, Khmer and Burmese write vowels and tones as combining marks: they are the word, not
// decoration, so they stay.
const KEEP_MARKS = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

/** Folded forms of the characters met so far: texts repeat the same few hundred characters. */
const folds = new Map<string, string>();
const MAX_CACHED = 20_000;

/** One character folded: lower case, no diacritics, compatibility forms resolved. */
function foldChar(char: string): string {
  const code = char.charCodeAt(0);
  // Plain ASCII, most of many texts, without normalising.
  if (code < 0x80 && char.length === 1) {
    if (code >= 65 && code <= 90) return String.fromCharCode(code + 32);
    return code === 9 || code === 10 || code === 11 || code === 12 || code === 13 ? ' ' : char;
  }
  const known = folds.get(char);
  if (known !== undefined) return known;
  const folded = SPACE.test(char) ? ' ' : KEEP_MARKS.test(char) ? char : char.normalize('NFKD').toLowerCase().replace(MARKS, '').replace(/đ/g, 'd');
  if (folds.size < MAX_CACHED) folds.set(char, folded);
  return folded;
}

/** Case, diacritics and compatibility forms folded away; runs of white space become one space. */
export function fold(value: string): Folded {
  // Pieces joined once at the end: reading back a string built by += (endsWith) flattens it
  // each time, which made long reports quadratic.
  const pieces: string[] = [];
  const start: number[] = [];
  const end: number[] = [];
  let offset = 0;
  let lastWasSpace = false;
  for (const char of value) {
    const next = offset + char.length;
    const folded = foldChar(char);
    if (!(folded === ' ' && lastWasSpace)) {
      pieces.push(folded);
      // One entry per UTF-16 unit of the folded text, as its indexes count (an emoji is two).
      for (let k = 0; k < folded.length; k++) {
        start.push(offset);
        end.push(next);
      }
      if (folded.length > 0) lastWasSpace = folded.endsWith(' ');
    }
    offset = next;
  }
  return { text: pieces.join(''), start, end };
}

/** The folded form of a short value, without the offsets: for keys and comparisons. */
export const foldedText = (value: string): string => fold(value.trim()).text.trim();

/** A match in a spaced script must not be part of a longer word ("An" inside "Anh"). */
export function atBoundary(text: string, index: number, matchChar: string): boolean {
  if (UNSPACED.test(matchChar)) return true;
  const neighbour = text[index];
  return neighbour === undefined || !LETTER_OR_DIGIT.test(neighbour);
}
