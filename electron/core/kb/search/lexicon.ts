// The words of the knowledge base as people type them, each with the index term it is stored
// under. The index keeps only stems ("escal" for escalate, escalation, escalating), so a typo or
// an unfinished word has to be compared with the words of the text, not with the stems: the stem
// "escal" is four letters away from "escalaton", the word "escalation" one.
import { wordSpans } from '@shared/search/normalise';
import { sortedIndexOf } from '../../sorted';
import { boundedEditDistance } from './edit-distance';

/**
 * Each word, and each word with one letter deleted, as a key to the words it comes from. Looking
 * up a typed word's own deletions finds every word one edit away (a deletion, insertion,
 * substitution or swap) without comparing against the whole vocabulary. The build works the keys
 * out; the app looks them up by binary search, so a language's typo candidates cost nothing to
 * prepare at start-up (building them there took up to 40 ms per language, in one stretch).
 */
export interface TypoKeys {
  /** Distinct keys, sorted by UTF-16 code unit (JavaScript's default sort, and what `<` compares). */
  keys: string[];
  /** The words of keys[k] are words[from[k]] up to words[from[k + 1]] (exclusive); from has one entry more than keys. */
  from: number[];
  /** Word numbers (places in LexiconData.words), ascending within each key. */
  words: number[];
}

/** What the build ships in each language's search file (search-file.ts), under `lexicon`. */
export interface LexiconData {
  /** Folded words of the indexed text, sorted. */
  words: string[];
  /** terms[i] is the index term of words[i]; "" when it is the word itself (most non-English words). */
  terms: string[];
  typo: TypoKeys;
}

/** Build time: every folded word of the documents, with the term the index pipeline made of it. */
export function buildLexicon(texts: Iterable<string>, termFor: (word: string) => string | undefined): LexiconData {
  const byWord = new Map<string, string>();
  for (const text of texts) {
    for (const { token } of wordSpans(text)) {
      if (byWord.has(token)) continue;
      const term = termFor(token);
      if (term !== undefined) byWord.set(token, term);
    }
  }
  const words = [...byWord.keys()].sort();
  return { words, terms: words.map((word) => (byWord.get(word) === word ? '' : byWord.get(word)!)), typo: typoKeys(words) };
}

function typoKeys(words: readonly string[]): TypoKeys {
  const byKey = new Map<string, number[]>();
  words.forEach((word, i) => {
    if (word.length < MIN_TYPO_LENGTH - 1) return;
    for (const key of [word, ...deletionsOf(word)]) {
      const list = byKey.get(key);
      if (!list) byKey.set(key, [i]);
      else if (list.at(-1) !== i) list.push(i);
    }
  });
  const keys = [...byKey.keys()].sort();
  const from = [0];
  const out: number[] = [];
  for (const key of keys) {
    out.push(...byKey.get(key)!);
    from.push(out.length);
  }
  return { keys, from, words: out };
}

/** The shape only: the file comes from the build, and its arrays are too long to check item by item at every start. */
export function isLexiconData(value: unknown): value is LexiconData {
  const data = value as LexiconData | null;
  if (typeof data !== 'object' || data === null || !Array.isArray(data.words) || !Array.isArray(data.terms) || data.words.length !== data.terms.length) return false;
  const typo = data.typo as TypoKeys | undefined;
  return (
    typeof typo === 'object' &&
    typo !== null &&
    Array.isArray(typo.keys) &&
    Array.isArray(typo.from) &&
    Array.isArray(typo.words) &&
    typo.from.length === typo.keys.length + 1 &&
    typo.from.at(-1) === typo.words.length
  );
}

/** Typos shorter than this are too ambiguous to correct: "ngo" is one edit from "ngos", "go", "no". */
const MIN_TYPO_LENGTH = 4;
/** From this length on, two edits are allowed (one for shorter words). */
const TWO_EDITS_FROM = 8;

export interface Near {
  term: string;
  /** The word of the text the term was found through. */
  word: string;
  distance: number;
}

export class Lexicon {
  private readonly words: string[];
  private readonly terms: string[];
  private readonly typo: TypoKeys;

  constructor(data: LexiconData) {
    this.words = data.words;
    // "" stands for the word itself in the file; filled in here so a lookup never has to ask.
    this.terms = data.terms;
    for (let i = 0; i < this.terms.length; i++) if (this.terms[i] === '') this.terms[i] = this.words[i]!;
    this.typo = data.typo;
  }

  get size(): number {
    return this.words.length;
  }

  /** Index terms of words that start with prefix (not the prefix itself), with the shortest word that led to each, shortest first. */
  completions(prefix: string, limit: number): Array<{ term: string; word: string }> {
    let low = 0;
    let high = this.words.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.words[mid]! < prefix) low = mid + 1;
      else high = mid;
    }
    const found: Array<{ term: string; word: string }> = [];
    for (let i = low; i < this.words.length && this.words[i]!.startsWith(prefix); i++) {
      if (this.words[i] !== prefix) found.push({ term: this.terms[i]!, word: this.words[i]! });
    }
    found.sort((a, b) => a.word.length - b.word.length);
    const seen = new Set<string>();
    const out: Array<{ term: string; word: string }> = [];
    for (const candidate of found) {
      if (seen.has(candidate.term)) continue;
      seen.add(candidate.term);
      out.push(candidate);
      if (out.length === limit) break;
    }
    return out;
  }

  /**
   * Words of the text within one edit of word (two from eight letters on), as their index terms,
   * nearest first. Of two-edit typos, those where one edit is a letter too many are found
   * ("univerrsl"); two wrong or two missing letters are not, which would need a vocabulary
   * index twenty times larger.
   */
  near(word: string): Near[] {
    if (word.length < MIN_TYPO_LENGTH) return [];
    const allowed = word.length >= TWO_EDITS_FROM ? 2 : 1;
    const candidates = new Set<number>();
    const collect = (key: string) => {
      const k = this.keyAt(key);
      if (k < 0) return;
      for (let at = this.typo.from[k]!; at < this.typo.from[k + 1]!; at++) candidates.add(this.typo.words[at]!);
    };
    const first = deletionsOf(word);
    collect(word);
    for (const key of first) collect(key);
    if (allowed === 2) for (const key of first) for (const second of deletionsOf(key)) collect(second);

    const best = new Map<string, Near>();
    for (const i of candidates) {
      const candidate = this.words[i]!;
      if (candidate === word) continue;
      const distance = boundedEditDistance(word, candidate, allowed);
      if (distance > allowed) continue;
      const term = this.terms[i]!;
      const known = best.get(term);
      if (!known || distance < known.distance) best.set(term, { term, word: candidate, distance });
    }
    return [...best.values()].sort((a, b) => a.distance - b.distance || a.word.localeCompare(b.word));
  }

  /**
   * A throwaway question in this vocabulary's own words and script, for the warm-up to send down
   * the whole search path: a whole word, a long word with a letter missing (the typo path) and
   * the start of a word still being typed (the completion path).
   */
  warmUpQuestion(): string {
    const count = this.words.length;
    const wordFrom = (at: number, minLength: number): string => {
      for (let k = 0; k < count; k++) {
        const word = this.words[(at + k) % count]!;
        if (word.length >= minLength) return word;
      }
      return this.words[at % count] ?? '';
    };
    const typo = wordFrom(count >> 1, TWO_EDITS_FROM + 1);
    return `${wordFrom(count >> 2, 1)} ${typo.slice(0, 1)}${typo.slice(2)} ${wordFrom((3 * count) >> 2, MIN_TYPO_LENGTH).slice(0, 3)}`;
  }

  /** The place of key in typo.keys, or -1. */
  private keyAt(key: string): number {
    return sortedIndexOf(this.typo.keys, key);
  }
}

function deletionsOf(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) {
    // A doubled letter gives the same deletion twice.
    if (i > 0 && word[i] === word[i - 1]) continue;
    out.push(word.slice(0, i) + word.slice(i + 1));
  }
  return out;
}
