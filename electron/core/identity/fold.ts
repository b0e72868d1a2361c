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

/** One character folded: lower case, no diacritics, compatibility forms resolved. */
function foldChar(char: string): string {
  if (SPACE.test(char)) return ' ';
  if (KEEP_MARKS.test(char)) return char;
  return char.normalize('NFKD').toLowerCase().replace(MARKS, '').replace(/đ/g, 'd');
}

/** Case, diacritics and compatibility forms folded away; runs of white space become one space. */
export function fold(value: string): Folded {
  const out: Folded = { text: '', start: [], end: [] };
  let offset = 0;
  for (const char of value) {
    const next = offset + char.length;
    let folded = foldChar(char);
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

/** The folded form of a short value, without the offsets: for keys and comparisons. */
export const foldedText = (value: string): string => fold(value.trim()).text.trim();

/** A match in a spaced script must not be part of a longer word ("An" inside "Anh"). */
export function atBoundary(text: string, index: number, matchChar: string): boolean {
  if (UNSPACED.test(matchChar)) return true;
  const neighbour = text[index];
  return neighbour === undefined || !LETTER_OR_DIGIT.test(neighbour);
}
