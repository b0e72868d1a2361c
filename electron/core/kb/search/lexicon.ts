// The words of the knowledge base as people type them, each with the index term it is stored
// under. The index keeps only stems ("escal" for escalate, escalation, escalating), so a typo or
// an unfinished word has to be compared with the words of the text, not with the stems: the stem
// "escal" is four letters away from "escalaton", the word "escalation" one.
import { wordSpans } from '@shared/search/normalise';
import { boundedEditDistance } from './edit-distance';

/** What the build ships next to the lunr index (inside index.json, under `lexicon`). */
export interface LexiconData {
  /** Folded words of the indexed text, sorted. */
  words: string[];
  /** terms[i] is the index term of words[i]; "" when it is the word itself (most non-English words). */
  terms: string[];
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
  return { words, terms: words.map((word) => (byWord.get(word) === word ? '' : byWord.get(word)!)) };
}

export function isLexiconData(value: unknown): value is LexiconData {
  const data = value as LexiconData | null;
  return (
    typeof data === 'object' && data !== null && Array.isArray(data.words) && Array.isArray(data.terms) && data.words.length === data.terms.length
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
  /**
   * Each word, and each word with one letter deleted, → the words it comes from. Looking up a typed
   * word's own deletions finds every word one edit away (a deletion, insertion, substitution or
   * swap) without comparing against the whole vocabulary. Built on first use: it is faster to
   * make from the word list than to parse from a file.
   */
  private deletions: Map<string, number[]> | null = null;

  constructor(data: LexiconData) {
    this.words = data.words;
    this.terms = data.words.map((word, i) => data.terms[i] || word);
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
    const index = this.deletionIndex();
    const candidates = new Set<number>();
    const collect = (key: string) => {
      for (const i of index.get(key) ?? []) candidates.add(i);
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

  /** Builds what `near` needs; the service calls it while warming up, before anyone searches. */
  deletionIndex(): Map<string, number[]> {
    if (this.deletions) return this.deletions;
    const index = new Map<string, number[]>();
    const add = (key: string, i: number) => {
      const list = index.get(key);
      if (!list) index.set(key, [i]);
      else if (list.at(-1) !== i) list.push(i);
    };
    this.words.forEach((word, i) => {
      if (word.length < MIN_TYPO_LENGTH - 1) return;
      add(word, i);
      for (const key of deletionsOf(word)) add(key, i);
    });
    this.deletions = index;
    return index;
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
