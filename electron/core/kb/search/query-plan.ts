// Turns what the user typed into weighted index terms: one group per word, each group holding the
// word's own term plus its expansions (synonyms, prefixes while typing, near-misses for typos).
import { searchTokens } from '@shared/search/normalise';
import { termFor } from '../lunr-index';
import { boundedEditDistance } from './edit-distance';
import { Vocabulary } from './vocabulary';

export interface TermGroup {
  /** The folded word as typed. */
  word: string;
  /** Index term → boost. */
  terms: Map<string, number>;
}

/**
 * Readers use their own words for what the toolkit names differently: they say "platform" where
 * the text says "company". Only words the toolkit itself treats as the same thing belong here.
 * Keys and values are folded words, before stemming.
 *
 * Question words are stop words, but a question says what kind of answer it wants: "who to
 * contact" asks for people, so "who" looks for the words the toolkit uses for people.
 */
export const SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  who: ['people', 'team', 'staff'],
  when: ['timing', 'deadline'],
  platform: ['company'],
  platforms: ['companies'],
  firm: ['company'],
  firms: ['companies'],
  tech: ['technology'],
  complain: ['complaint'],
  ngo: ['cso'],
  ngos: ['csos'],
};

const WEIGHT = { exact: 1, synonym: 0.7, prefix: 0.5, typo: 0.4 } as const;
/** Prefixes shorter than this match too much to be useful, except for the word being typed. */
const MIN_PREFIX = 3;
const MAX_PREFIX_TERMS = 12;

export function planQuery(query: string, vocabulary: Vocabulary): TermGroup[] {
  const words = searchTokens(query);
  const stillTyping = words.length > 0 && !/\s$/.test(query);
  const groups: TermGroup[] = [];
  words.forEach((word, i) => {
    const term = termFor(word);
    if (term === undefined && !(word in SYNONYMS)) return; // a stop word: "to", "the", "at"
    const terms = new Map<string, number>();
    const add = (candidate: string, weight: number) => {
      if (vocabulary.has(candidate) && (terms.get(candidate) ?? 0) < weight) terms.set(candidate, weight);
    };
    if (term !== undefined) add(term, WEIGHT.exact);
    add(word, WEIGHT.exact);
    for (const synonymTerm of synonymTerms(word)) {
      // For a question word the expansion is its whole meaning, not a looser second guess.
      add(synonymTerm, term === undefined ? WEIGHT.exact : WEIGHT.synonym);
    }
    // Completions only for a word that is not a whole term already, or for the word still being
    // typed: each extra term is a lunr clause, and they are most of the query's cost.
    const typing = i === words.length - 1 && stillTyping;
    const wantsCompletion = term !== undefined && (terms.size === 0 || typing);
    if (wantsCompletion && (word.length >= MIN_PREFIX || (typing && word.length >= 2))) {
      for (const candidate of vocabulary.withPrefix(word, MAX_PREFIX_TERMS)) {
        // A long completion of a short prefix is a weaker guess than a near-complete word.
        add(candidate, WEIGHT.prefix * Math.min(1, (word.length + 2) / candidate.length));
      }
    }
    if (term === undefined) {
      // A question word: it narrows the answer when its synonyms occur, and never counts against one.
      if (terms.size > 0) groups.push({ word, terms });
      return;
    }
    if (terms.size === 0) addTypos(word, term, vocabulary, add);
    // An empty group still counts against coverage: a word nothing matched makes every hit weaker.
    groups.push({ word, terms });
  });
  return groups;
}

const synonymCache = new Map<string, string[]>();
/** Index terms of a word's synonyms, worked out once per word. */
function synonymTerms(word: string): string[] {
  let terms = synonymCache.get(word);
  if (!terms) {
    terms = (SYNONYMS[word] ?? []).flatMap((synonym) => searchTokens(synonym).map(termFor)).filter((t): t is string => t !== undefined);
    synonymCache.set(word, terms);
  }
  return terms;
}

/** Near-misses only when nothing else matched, so a correctly spelled word never pulls in noise. */
function addTypos(word: string, term: string, vocabulary: Vocabulary, add: (candidate: string, weight: number) => void): void {
  if (word.length < 4) return;
  const allowed = word.length >= 8 ? 2 : 1;
  const forms = term === word ? [term] : [term, word];
  for (const form of forms) {
    for (const candidate of vocabulary.withLengthNear(form.length, allowed)) {
      // People rarely mistype the first letter; checking it first skips most of the vocabulary.
      if (candidate[0] !== form[0]) continue;
      const distance = boundedEditDistance(form, candidate, allowed);
      if (distance <= allowed) add(candidate, WEIGHT.typo / distance);
    }
  }
}
