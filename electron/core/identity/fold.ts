// Folding for the identity check: case, diacritics and compatibility forms fall away (Nguyễn =
// nguyen = NGUYEN, Đ = d, Ｗ = w), runs of white space become one space, and every folded character
// remembers where it came from, so a match in folded text maps back to the exact original text.

export interface Folded {
  text: string;
  /** For each folded character, where its source character starts and ends in the original. */
  start: Int32Array;
  end: Int32Array;
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
  let start = new Int32Array(value.length + 16);
  let end = new Int32Array(value.length + 16);
  let size = 0;
  let lastWasSpace = false;
  for (let offset = 0; offset < value.length; ) {
    const code = value.charCodeAt(offset);
    const width = code >= 0xd800 && code <= 0xdbff && offset + 1 < value.length ? 2 : 1;
    const next = offset + width;
    const folded = foldChar(width === 1 ? value[offset]! : value.slice(offset, next));
    if (!(folded === ' ' && lastWasSpace) && folded.length > 0) {
      pieces.push(folded);
      if (size + folded.length > start.length) {
        const grown = Math.max(start.length * 2, size + folded.length);
        start = copyInto(new Int32Array(grown), start);
        end = copyInto(new Int32Array(grown), end);
      }
      // One entry per UTF-16 unit of the folded text, as its indexes count (an emoji is two).
      start.fill(offset, size, size + folded.length);
      end.fill(next, size, size + folded.length);
      size += folded.length;
      lastWasSpace = folded.endsWith(' ');
    }
    offset = next;
  }
  return { text: pieces.join(''), start: start.subarray(0, size), end: end.subarray(0, size) };
}

function copyInto<T extends Int32Array>(target: T, source: Int32Array): T {
  target.set(source);
  return target;
}

/** The folded form of a short value, without the offsets: for keys and comparisons. */
export function foldedText(value: string): string {
  let out = '';
  let lastWasSpace = true;
  for (const char of value) {
    const folded = foldChar(char);
    if (folded === ' ') {
      if (!lastWasSpace) out += ' ';
      lastWasSpace = true;
    } else if (folded) {
      out += folded;
      lastWasSpace = folded.endsWith(' ');
    }
  }
  return out.trimEnd();
}

/** A match in a spaced script must not be part of a longer word ("An" inside "Anh"). */
export function atBoundary(text: string, index: number, matchChar: string): boolean {
  if (UNSPACED.test(matchChar)) return true;
  const neighbour = text[index];
  return neighbour === undefined || !LETTER_OR_DIGIT.test(neighbour);
}
