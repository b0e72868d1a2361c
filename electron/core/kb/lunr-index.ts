// How the knowledge-base lunr index cuts and stems text. The build and the loader both import
// this module: a serialised index names its pipeline functions, and lunr refuses to load one whose
// functions are not registered under the same labels.
import { stemmer as stemIndonesian } from '@orama/stemmers/indonesian';
import lunr from 'lunr';
import { isStemmable, wordSpans } from '@shared/search/normalise';
import { postingsFromLunr, type SerialisedLunrIndex } from './search/build-postings';
import { buildLexicon } from './search/lexicon';
import { passagesDigest, SEARCH_FILE_FORMAT, type SearchFileData } from './search/search-file';

/**
 * Field boosts: a word in a title or heading says more about a passage than one in its body. The
 * title is the section's, repeated on each of its passages, so it is boosted far less than the
 * passage's own heading: at 8, and still at 4, one word of a section title ("assessment" in
 * CLARITI's, in every translation) outranked the principle a question was about.
 */
export const KB_FIELDS = { title: 1.5, heading: 5, body: 1 } as const;
export type KbField = keyof typeof KB_FIELDS;

export type KbDocument = Record<KbField, string> & { ref: string };

const PIPELINE_LABEL = 'kbTerm';

/**
 * lunr's own trimmer cuts Vietnamese words and empties Chinese and Thai ones (search.md §2.3), so
 * every token comes from the shared normaliser; only plain Latin words meet the English stop-word
 * list and the Porter stemmer.
 */
export function kbTerm(token: lunr.Token): lunr.Token | null {
  if (!isStemmable(token.toString())) return token;
  const kept = lunr.stopWordFilter(token) as lunr.Token | undefined;
  return kept ? lunr.stemmer(kept) : null;
}
lunr.Pipeline.registerFunction(kbTerm, PIPELINE_LABEL);

/**
 * Indonesian words in plain Latin letters go to the Indonesian stemmer instead (Snowball's, from
 * Tala's rules: "menilai" becomes "ila", a known over-stemming of the algorithm): the English one
 * took "regional" to "region" and left "mencatat" (to record) apart from "catat" (record).
 * Indonesian function words are dropped from questions only (search/language-words.ts).
 */
export function kbTermIndonesian(token: lunr.Token): lunr.Token | null {
  const text = token.toString();
  if (!isStemmable(text)) return token;
  // English quoted in the translation ("trust and safety") keeps its stop words out, as in English.
  const kept = lunr.stopWordFilter(token) as lunr.Token | undefined;
  return kept ? kept.update(() => stemIndonesian(text)) : null;
}
lunr.Pipeline.registerFunction(kbTermIndonesian, 'kbTermIndonesian');

/** The term function of a language's index; English's for the languages without one of their own. */
const termFunctionOf = (language: string): ((token: lunr.Token) => lunr.Token | null) => (language === 'id' ? kbTermIndonesian : kbTerm);

/** Tokens with [start, length] positions in the original field text, for highlighting. */
function kbTokenizer(value?: unknown, metadata?: object): lunr.Token[] {
  const text = typeof value === 'string' ? value : '';
  return wordSpans(text).map(
    (span, index) => new lunr.Token(span.token, { ...metadata, position: [span.start, span.length], index }),
  );
}

/** The query-side twin of a language's index pipeline: the term a folded query word is stored under. */
export function termFor(token: string, language = 'en'): string | undefined {
  return termFunctionOf(language)(new lunr.Token(token, {}))?.toString();
}

export function buildIndex(documents: KbDocument[], language = 'en'): lunr.Index {
  const term = termFunctionOf(language);
  return lunr(function () {
    this.tokenizer = kbTokenizer as typeof lunr.tokenizer;
    this.pipeline.reset();
    this.pipeline.add(term);
    this.searchPipeline.reset();
    this.searchPipeline.add(term);
    this.metadataWhitelist = ['position'];
    this.ref('ref');
    for (const [field, boost] of Object.entries(KB_FIELDS)) this.field(field, { boost });
    for (const document of documents) this.add(document);
  });
}

/**
 * What a language's search file holds (search-file.ts): the postings worked out from lunr's index,
 * the words of the text behind its terms (which typo and prefix matching need and lunr does not
 * keep) with their typo keys, and a fingerprint of the passages, so a stale file is refused.
 */
export function serialiseIndex(index: lunr.Index, documents: KbDocument[], language = 'en'): SearchFileData {
  const texts = documents.flatMap((document) => Object.keys(KB_FIELDS).map((field) => document[field as KbField]));
  return {
    format: SEARCH_FILE_FORMAT,
    language,
    digest: passagesDigest(documents),
    ...postingsFromLunr(index.toJSON() as unknown as SerialisedLunrIndex),
    lexicon: buildLexicon(texts, (word) => termFor(word, language)),
  };
}

/** lunr's own index of the same passages, for comparing against lunr's query (the app reads its own postings). */
export const loadIndex = (serialised: object): lunr.Index => lunr.Index.load(serialised);
