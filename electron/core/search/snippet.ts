// Snippets for record search, built in code for the hits shown, from the record's own text: a
// window around the densest cluster of query words, with each occurrence marked. FTS5's snippet()
// would run for every ranked row inside the query; this runs for the twenty shown.
import type { MarkedText } from '@shared/api/kb';

const WINDOW_CHARS = 160;
const ELLIPSIS = '…';
// Scripts written without spaces between words: a query word may start or end anywhere in a run.
const UNSPACED = /[\p{Script=Han}\p{Script=Thai}\p{Script=Lao}\p{Script=Myanmar}\p{Script=Khmer}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/**
 * One folded character per UTF-16 unit of the text, so an index in the folded text is the same
 * index in the original: lowercase, Latin diacritics dropped (ộ → o), đ → d, as the index folds.
 * Each unit's fold is worked out once per process and kept in a table: folding every character of
 * twenty notes with normalize() on each search cost more than the rest of the snippet work.
 */
export function foldKeepingIndexes(text: string): string {
  const out = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let folded = FOLDED[code]!;
    if (folded === 0) folded = FOLDED[code] = foldUnit(code);
    out[i] = folded;
  }
  return fromUnits(out);
}

/** The fold of each UTF-16 unit, 0 until first needed. */
const FOLDED = new Uint16Array(0x10000);

function foldUnit(code: number): number {
  const unit = String.fromCharCode(code);
  // Surrogate halves pass through; plain ASCII is only lowercased.
  if (code >= 0xd800 && code <= 0xdfff) return code;
  if (code < 0x80) return unit.toLowerCase().charCodeAt(0);
  if (unit === 'đ' || unit === 'Đ') return 0x64; // d
  const base = unit.normalize('NFD')[0]!.toLowerCase();
  // A unit whose lowercase is longer than one unit (İ → i̇) stays as it is, keeping indexes true.
  return base.length === 1 ? base.charCodeAt(0) : code;
}

/**
 * The string of these UTF-16 units, each kept as it is, a lone surrogate too (TextDecoder would
 * replace it with U+FFFD). Spreading them into String.fromCharCode cost 70 µs for a 1,800-character
 * note, and about 0.5 ms in a fresh process: over half of a first search's snippet time at 100,000
 * entries. Node copies them in about 2 µs, reading the array's memory as little-endian, as it is
 * on every platform Electron builds for.
 */
function fromUnits(units: Uint16Array): string {
  return Buffer.from(units.buffer, units.byteOffset, units.byteLength).toString('utf16le');
}

/** The words a user typed, folded as the text is; the last one may be the start of a word. */
function queryWords(query: string): string[] {
  return foldKeepingIndexes(query.normalize('NFC'))
    .split(/[^\p{L}\p{N}\p{M}]+/u)
    .filter(Boolean);
}

/** Every [start, end) where a query word occurs as a word (or anywhere, in unspaced scripts). */
export function matchRanges(text: string, query: string): Array<[number, number]> {
  const folded = foldKeepingIndexes(text);
  const words = queryWords(query);
  const ranges: Array<[number, number]> = [];
  words.forEach((word, w) => {
    const prefix = w === words.length - 1;
    for (let at = folded.indexOf(word); at >= 0; at = folded.indexOf(word, at + 1)) {
      const end = at + word.length;
      const unspaced = UNSPACED.test(word[0]!);
      if (!unspaced && at > 0 && WORD_CHAR.test(folded[at - 1]!) && !UNSPACED.test(folded[at - 1]!)) continue;
      let stop = end;
      // Mark the whole word a prefix matched (escalat → escalation), as a reader expects.
      if (!unspaced && prefix) while (stop < folded.length && WORD_CHAR.test(folded[stop]!) && !UNSPACED.test(folded[stop]!)) stop++;
      else if (!unspaced && end < folded.length && WORD_CHAR.test(folded[end]!) && !UNSPACED.test(folded[end]!)) continue;
      ranges.push([at, stop]);
    }
  });
  ranges.sort((a, b) => a[0] - b[0]);
  // Overlaps (the same place matched by two words) become one mark.
  const merged: Array<[number, number]> = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  return merged;
}

/** The window of the text with the most marks, about WINDOW_CHARS long, cut at spaces where it can. */
export function buildSnippet(text: string, query: string): MarkedText {
  const source = text.normalize('NFC');
  const ranges = matchRanges(source, query);
  if (ranges.length === 0) return { text: cut(source, 0).text, marks: [] };
  let best = 0;
  let bestCount = 0;
  for (let i = 0; i < ranges.length; i++) {
    let count = 0;
    for (let j = i; j < ranges.length && ranges[j]![1] - ranges[i]![0] <= WINDOW_CHARS; j++) count++;
    if (count > bestCount) [best, bestCount] = [i, count];
  }
  const first = ranges[best]![0];
  // A little context before the first mark, starting after a space when one is near.
  let start = Math.max(0, first - 30);
  const space = source.lastIndexOf(' ', first);
  if (space >= start && space < first) start = space + 1;
  const snippet = cut(source, start);
  const offset = (start > 0 ? ELLIPSIS.length : 0) - start;
  const marks = ranges
    .map(([from, to]): [number, number] => [from + offset, Math.min(to + offset, snippet.text.length)])
    .filter(([from, to]) => from >= 0 && to > from && from < snippet.text.length);
  return { text: snippet.text, marks };
}

function cut(source: string, start: number): { text: string } {
  let end = Math.min(source.length, start + WINDOW_CHARS);
  const space = source.lastIndexOf(' ', end);
  if (end < source.length && space > start + WINDOW_CHARS / 2) end = space;
  // One space per whitespace character, so mark offsets stay true.
  const body = source.slice(start, end).replace(/\s/g, ' ');
  return { text: `${start > 0 ? ELLIPSIS : ''}${body}${end < source.length ? ELLIPSIS : ''}` };
}
