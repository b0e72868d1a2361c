// The tokens FTS5 makes of a record's segmented text, worked out in code so the per-word ranking
// lists (term-index.ts) hold the same words, with the same counts, as the FTS5 index. It follows
// the record_search tokenizer: unicode61, remove_diacritics 2, token characters L*, M*, N* and Co;
// anything else (spaces, punctuation, the zero-width spaces segmentation adds) separates tokens.
// Case is folded and Latin diacritics dropped (ộ → o); đ stays đ, as unicode61 keeps it.

const TOKEN_CHAR = /[\p{L}\p{M}\p{N}\p{Co}]/u;
const COMBINING_DIACRITIC = /[\u0300-\u036f]/g;

/** Each UTF-16 unit's fold, worked out once: 0 not yet known, 0xffff a unit that is dropped. */
const FOLDED = new Uint16Array(0x10000);
const DROPPED = 0xffff;

function foldUnit(code: number): number {
  if (code < 0x80) return String.fromCharCode(code).toLowerCase().charCodeAt(0);
  if (code >= 0xd800 && code <= 0xdfff) return code;
  if (code >= 0x300 && code <= 0x36f) return DROPPED;
  const lower = String.fromCharCode(code).toLowerCase();
  const base = lower.normalize('NFD').replace(COMBINING_DIACRITIC, '');
  if (base.length === 1) return base.charCodeAt(0);
  return lower.length === 1 ? lower.charCodeAt(0) : code;
}

function fold(token: string): string {
  let out = '';
  for (let i = 0; i < token.length; i++) {
    const code = token.charCodeAt(i);
    let folded = FOLDED[code]!;
    if (folded === 0) folded = FOLDED[code] = foldUnit(code);
    if (folded !== DROPPED) out += String.fromCharCode(folded);
  }
  return out;
}

/** The folded tokens of one column's text, in order, as FTS5 indexes them. */
export function indexTokens(text: string): string[] {
  const tokens: string[] = [];
  let start = -1;
  // Walk by code point so a surrogate pair (a supplementary Han character) stays one character.
  let i = 0;
  for (const char of text) {
    const isToken = TOKEN_CHAR.test(char);
    if (isToken && start < 0) start = i;
    else if (!isToken && start >= 0) {
      const token = fold(text.slice(start, i));
      if (token) tokens.push(token);
      start = -1;
    }
    i += char.length;
  }
  if (start >= 0) {
    const token = fold(text.slice(start));
    if (token) tokens.push(token);
  }
  return tokens;
}
