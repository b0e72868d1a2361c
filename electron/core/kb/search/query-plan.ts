// Turns what the user typed into weighted index terms: one group per word, each group holding the
// word's own term plus its expansions (synonyms, prefixes while typing, near-misses for typos).
import { searchTokens } from '@shared/search/normalise';
import type { HitMatch } from '@shared/api/kb';
import { termFor } from '../lunr-index';
import { joinQuestionWords, questionWordOf, stopWordsOf } from './language-words';

export interface TermGroup {
  /** The folded word as typed. */
  word: string;
  /** Index term → boost. */
  terms: Map<string, number>;
  /** Index term → how it stands for the word: the word itself, a looser expansion, or a typo correction. */
  matches: Map<string, HitMatch>;
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
  // Under pressure people name what happened to them; the toolkit names the risk. "Reprisals" is
  // the toolkit's word for threats and retaliation after engaging, and "engagement" its word for
  // meeting a company. Keys are matched by their stem too, so "threatened" finds "threaten".
  threat: ['reprisals'],
  threaten: ['reprisals'],
  retaliate: ['reprisals'],
  revenge: ['reprisals'],
  punish: ['reprisals'],
  intimidate: ['reprisals'],
  harass: ['harassment', 'reprisals'],
  danger: ['risk', 'safety'],
  unsafe: ['risk', 'safety'],
  meet: ['engagement'],
  safe: ['safety'],
  promise: ['commitment'],
  speech: ['expression'],
  respond: ['escalate'],
  reply: ['escalate'],
  ignore: ['escalate'],
  proof: ['evidence', 'documentation'],
};

const WEIGHT = { exact: 1, synonym: 0.7, prefix: 0.5 } as const;
/** Prefixes shorter than this match too much to be useful, except for the word being typed. */
const MIN_PREFIX = 3;
const MAX_PREFIX_TERMS = 12;

/** What planning needs to know about the index: its terms, and the words of the text behind them. */
export interface PlanVocabulary {
  has(term: string): boolean;
  completions(prefix: string, limit: number): Array<{ term: string; word: string }>;
  near(word: string): Array<{ term: string; distance: number }>;
  /** False for a word that cannot be in this vocabulary (written in a script it lacks); spares the lookups. */
  mayHold?(word: string): boolean;
}

/**
 * language: the language of the passages searched, whose function words and question words apply.
 * tokens: the query's words, when the caller has cut them already (one question, several languages).
 */
export function planQuery(query: string, vocabulary: PlanVocabulary, language = 'en', tokens = searchTokens(query)): TermGroup[] {
  const stopWords = stopWordsOf(language);
  const words = joinQuestionWords(tokens, language);
  const stillTyping = words.length > 0 && !/\s$/.test(query);
  const groups: TermGroup[] = [];
  words.forEach((word, i) => {
    if (stopWords.has(word)) return;
    if (vocabulary.mayHold && !vocabulary.mayHold(word)) {
      // A Thai word in the English index: nothing to look up, and it still counts as unanswered.
      groups.push({ word, terms: new Map(), matches: new Map() });
      return;
    }
    const asks = questionWordOf(language, word);
    const term = asks ? undefined : termFor(word, language);
    // SYNONYMS are English words; a translation's question words have lists of their own.
    const synonyms = asks ? termsIn(asks, language) : language === 'en' ? synonymTerms(word, term) : [];
    if (term === undefined && synonyms.length === 0) return; // a stop word: "to", "the", "at"
    const terms = new Map<string, number>();
    const matches = new Map<string, HitMatch>();
    const add = (candidate: string, weight: number, match: HitMatch) => {
      if (vocabulary.has(candidate) && (terms.get(candidate) ?? 0) < weight) {
        terms.set(candidate, weight);
        matches.set(candidate, match);
      }
    };
    if (term !== undefined) add(term, WEIGHT.exact, 'exact');
    add(word, WEIGHT.exact, 'exact');
    for (const synonymTerm of synonyms) {
      // For a question word the expansion is its whole meaning, not a looser second guess.
      if (term === undefined) add(synonymTerm, WEIGHT.exact, 'exact');
      else add(synonymTerm, WEIGHT.synonym, 'close');
    }
    // Completions only for a word that is not a whole term already, or for the word still being
    // typed: each extra term adds postings to score.
    const typing = i === words.length - 1 && stillTyping;
    const wantsCompletion = term !== undefined && (terms.size === 0 || typing);
    if (wantsCompletion && (word.length >= MIN_PREFIX || (typing && word.length >= 2))) {
      for (const completion of vocabulary.completions(word, MAX_PREFIX_TERMS)) {
        // A long completion of a short prefix is a weaker guess than a near-complete word.
        // Completing the word still being typed is what the record search does too (a prefix), so
        // it counts as the word itself; completing a finished word is a looser guess.
        add(completion.term, WEIGHT.prefix * Math.min(1, (word.length + 2) / completion.word.length), typing ? 'exact' : 'close');
      }
    }
    if (term === undefined) {
      // A question word: it narrows the answer when its synonyms occur, and never counts against one.
      if (terms.size > 0) groups.push({ word, terms, matches });
      return;
    }
    // Near-misses only when nothing else matched, so a correctly spelled word never pulls in noise.
    if (terms.size === 0) for (const near of vocabulary.near(word)) add(near.term, typoWeight(word, near.distance), 'typo');
    // An empty group still counts against coverage: a word nothing matched makes every hit weaker.
    groups.push({ word, terms, matches });
  });
  return groups;
}

/**
 * How sure a correction is: one wrong letter in "escalaton" leaves little doubt, one in a
 * four-letter word leaves plenty. Never as sure as the word itself.
 */
const typoWeight = (word: string, distance: number): number => Math.min(0.8, Math.max(0.3, 1 - (2 * distance) / word.length));

/** Synonym keys by their stem, so every form of a key ("threatened", "threatening") finds it. */
const SYNONYM_KEYS_BY_TERM = new Map(Object.keys(SYNONYMS).flatMap((key) => {
  const term = termFor(key);
  return term === undefined ? [] : [[term, key] as const];
}));

const synonymCache = new Map<string, string[]>();
/** Index terms of a word's synonyms, worked out once per word. */
function synonymTerms(word: string, term: string | undefined): string[] {
  let terms = synonymCache.get(word);
  if (!terms) {
    const key = word in SYNONYMS ? word : term === undefined ? undefined : SYNONYM_KEYS_BY_TERM.get(term);
    terms = (key ? SYNONYMS[key]! : []).flatMap((synonym) => termsIn(searchTokens(synonym), 'en'));
    synonymCache.set(word, terms);
  }
  return terms;
}

/** The index terms of folded words, in a language's index. */
const termsIn = (words: readonly string[], language: string): string[] =>
  words.map((word) => termFor(word, language)).filter((term): term is string => term !== undefined);
