// The one text normaliser for every search in the app: the knowledge-base index (lunr, built at
// build time) and the user's record search (FTS5) must cut and fold text identically, or a word
// indexed one way is searched for another way and silently never found.
//
// Pure and dependency-free (runs in Node, Electron and the renderer). The measurements behind
// each choice are in the project's search research notes (lunr against FTS5 with multilingual text).

/** One word of the original text: where it sits, and the folded form that goes into an index. */
export interface WordSpan {
  /** Offset of the word in the original string (UTF-16 code units). */
  start: number;
  /** Length of the word in the original string. */
  length: number;
  /** The folded token: lowercase, Latin diacritics stripped, compatibility forms unified. */
  token: string;
}

// Latin letters with a combining mark (Vietnamese ệ, ữ …) lose the mark; Thai, Burmese and Khmer
// vowel and tone signs are also combining marks but are part of the word, so they stay.
const LATIN_WITH_MARKS = /(\p{Script=Latin})\p{M}+/gu;
// Letters NFKD does not decompose but a reader types without the stroke (đ is the common one: a
// Vietnamese user types "dan" for "dân" and "đan" alike).
const STROKED: Record<string, string> = { đ: 'd', Đ: 'd', ø: 'o', Ø: 'o', ł: 'l', Ł: 'l', ħ: 'h', ı: 'i' };
const STROKED_PATTERN = /[đĐøØłŁħı]/g;

/**
 * Folds text for matching: NFKD (full-width and ligature forms become plain letters), Latin
 * diacritics and strokes removed, lowercase, then NFC so scripts whose marks we keep are stored
 * in one canonical form. "Nhân quyền" and "nhan quyen" fold to the same string.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(LATIN_WITH_MARKS, '$1')
    .replace(STROKED_PATTERN, (letter) => STROKED[letter] ?? letter)
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .toLowerCase()
    .normalize('NFC');
}

// ICU keeps "ohchr.org", "U.N." and "Meta's" as one word; a reader searches for "ohchr" or "meta".
const WORD_PARTS = /[^.'\u2018\u2019\u02bc]+/g;
const POSSESSIVE = /['\u2019\u02bc]s$/i;
const NUMBER = /^\d[\d.,]*$/;

/**
 * Segments longer than this are cut at whitespace first: Intl.Segmenter is super-linear on long
 * strings in some V8 versions (search.md §5), and no sentence boundary is lost by cutting there.
 */
const CHUNK = 1000;

let segmenter: Intl.Segmenter | undefined;
// The locale does not matter: ICU picks the dictionary (Thai, Khmer, Burmese, Chinese) by script.
const words = (): Intl.Segmenter => (segmenter ??= new Intl.Segmenter('en', { granularity: 'word' }));

/** Every word of the text with its position, ready for an index or for highlighting. */
export function wordSpans(text: string): WordSpan[] {
  return [...wordSpanChunks(text)].flat();
}

/** The same words, one piece of at most CHUNK characters at a time, so a caller can pause between pieces. */
export function* wordSpanChunks(text: string): Generator<WordSpan[]> {
  for (const [chunkStart, chunk] of chunks(text)) {
    const spans: WordSpan[] = [];
    for (const segment of words().segment(chunk)) {
      if (!segment.isWordLike) continue;
      pushWord(spans, segment.segment, chunkStart + segment.index);
    }
    yield spans;
  }
}

/** The folded tokens of a text: what an index stores and what a query looks up. */
export function searchTokens(text: string): string[] {
  return wordSpans(text).map((span) => span.token);
}

function pushWord(spans: WordSpan[], word: string, start: number): void {
  if (NUMBER.test(word)) {
    const token = word.replace(/[.,]+$/, '');
    spans.push({ start, length: token.length, token });
    return;
  }
  for (const part of word.replace(POSSESSIVE, '').matchAll(WORD_PARTS)) {
    const token = foldForSearch(part[0]);
    if (token.length > 0) spans.push({ start: start + part.index, length: part[0].length, token });
  }
}

/**
 * Cuts the text into pieces of at most CHUNK characters, at the last space inside each window.
 * The search for that space never looks before the window's start, so a long run without spaces
 * (unspaced Thai or Chinese) costs one pass, not one pass per chunk over everything before it.
 */
function* chunks(text: string): Generator<[number, string]> {
  let start = 0;
  while (text.length - start > CHUNK) {
    const end = cutPoint(text, start, start + CHUNK);
    yield [start, text.slice(start, end)];
    start = end;
  }
  if (start < text.length) yield [start, text.slice(start)];
}

/** Just after the last space in (start, limit], or at limit (moved off a surrogate pair's middle). */
function cutPoint(text: string, start: number, limit: number): number {
  for (let i = limit - 1; i > start; i--) if (text.charCodeAt(i) === 0x20) return i + 1;
  // A run without a space is cut where it is: at worst one word in a thousand characters is split.
  const low = text.charCodeAt(limit);
  return low >= 0xdc00 && low <= 0xdfff ? limit - 1 : limit;
}

/** True for tokens an English stemmer may touch: plain ASCII letters after folding. */
export const isStemmable = (token: string): boolean => /^[a-z]+$/.test(token);
