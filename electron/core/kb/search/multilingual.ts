// Which languages a question is searched in, and how their results become one list. Only the
// reader's language and English by default: a passage in six other languages competing for the
// same three places helped no one, and each language ranks by its own word statistics. A question
// in another script (Thai typed with the interface in English) adds that script's languages, and a
// question nothing matched in those tries every language before saying so.
import type { KbHit, KbKind } from '@shared/api/kb';
import { searchTokens } from '@shared/search/normalise';
import type { KbSearch, Ranking } from './kb-search';
import { INDEX_ENGLISH } from './index-files';

/** Scripts that name their languages; Latin could be any of English, Vietnamese or Indonesian. */
const SCRIPT_LANGUAGES: ReadonlyArray<readonly [RegExp, readonly string[]]> = [
  [/\p{Script=Thai}/u, ['th']],
  [/\p{Script=Myanmar}/u, ['my']],
  [/\p{Script=Khmer}/u, ['km']],
  [/\p{Script=Han}/u, ['zh-Hans', 'zh-Hant']],
  // Letters only Vietnamese writes (ă, đ, ơ, ư and the tone-marked vowels of U+1EA0–U+1EF9).
  [/[ăđơưĂĐƠƯ\u1ea0-\u1ef9]/u, ['vi']],
];

export function languagesFor(query: string, reader: string, available: readonly string[]): string[] {
  const wanted = new Set([reader, INDEX_ENGLISH]);
  for (const [script, languages] of SCRIPT_LANGUAGES) if (script.test(query)) for (const language of languages) wanted.add(language);
  return available.filter((language) => wanted.has(language));
}

export interface SearchOptions {
  kinds?: readonly KbKind[] | undefined;
  limit: number;
  language?: string | undefined;
}

/** Translations written in Latin letters: a question typed without diacritics could be in any of them. */
const LATIN_LANGUAGES: readonly string[] = ['vi', 'id'];
const LATIN = /\p{Script=Latin}/u;

/**
 * Searches the languages a question needs, loading each language's indexes through `open`. When
 * most words of a question in Latin letters are not words of the languages searched, it is also
 * tried in the other Latin-script languages ("lam viec voi dung nguoi" is Vietnamese typed without its marks,
 * with the interface in English); when nothing matched at all, every language is tried.
 */
export function searchLanguages(query: string, options: SearchOptions, available: readonly string[], open: (language: string) => readonly KbSearch[]): KbHit[] {
  const reader = options.language ?? INDEX_ENGLISH;
  const kinds = options.kinds && options.kinds.length > 0 ? new Set(options.kinds) : null;
  const searched = new Set(languagesFor(query, reader, available));
  const tokens = searchTokens(query);
  const rank = (language: string) => open(language).map((search) => search.rank(query, kinds, tokens));
  const rankings = [...searched].flatMap(rank);
  const more = (languages: readonly string[]) => {
    for (const language of languages) {
      if (searched.has(language) || !available.includes(language)) continue;
      searched.add(language);
      rankings.push(...rank(language));
    }
  };
  if (LATIN.test(query) && rankings.every((ranking) => ranking.foreign && !ranking.complete)) more(LATIN_LANGUAGES);
  if (rankings.every((ranking) => ranking.ranked.length === 0)) more(available);
  return onePerPassage(rankings, options.limit, reader);
}

/**
 * Each passage once, at the rank of its best-scoring language: a name every translation keeps
 * ("CLARITI", "UPR") would otherwise fill the list with one entry in several languages. Shown in
 * the reader's language when that version matched too, else in the language that matched.
 */
function onePerPassage(rankings: Ranking[], limit: number, reader: string): KbHit[] {
  const all = rankings.flatMap((ranking) => ranking.ranked.map((candidate) => ({ ranking, ...candidate })));
  all.sort((a, b) => b.score - a.score);
  const preferred = new Map<string, (typeof all)[number]>();
  for (const hit of all) if (hit.ranking.search.languageOf(hit.doc) === reader) preferred.set(hit.ranking.search.passageOf(hit.doc), hit);
  const seen = new Set<string>();
  const out: KbHit[] = [];
  for (const hit of all) {
    if (out.length === limit) break;
    const passage = hit.ranking.search.passageOf(hit.doc);
    if (seen.has(passage)) continue;
    seen.add(passage);
    const shown = preferred.get(passage) ?? hit;
    out.push(shown.ranking.search.hit(shown.doc, shown.score, shown.ranking.plan));
  }
  return out;
}
