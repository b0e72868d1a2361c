// Finding the people of the register in a text, however their names are written: any case, with or
// without diacritics, in any word order ("Minh Nguyễn Văn"), run together or joined by dots and
// underscores as in handles and addresses ("nguyenvanminh", "nguyen.van.minh"), in other scripts,
// and by their e-mail addresses, phone numbers, handles and profile links. The given name alone is
// found too, written with a capital, and reported apart because it is often someone else.
import type { Person } from '@shared/api/identity';
import { atBoundary, fold, foldedText, UNSPACED, type Folded } from './fold';
import { digitRunsIn, emailsIn, handlesIn, normaliseEmail, normaliseHandle, normaliseUrl, samePhone, urlsIn } from './identifiers';
import { HONORIFIC_WORDS, VIETNAMESE_FAMILY_NAMES } from './names';
import { insideStopPhrase } from './places';
import { STOP_WORDS } from './stop-words';

/** What the check needs of a person; assessment stakeholders bring only a name and a pseudonym. */
export type CheckPerson = Pick<Person, 'id' | 'realName' | 'pseudonym'> &
  Partial<Pick<Person, 'aliases' | 'handles' | 'emails' | 'phones' | 'urls' | 'otherScripts' | 'givenName'>>;

export interface RegisteredSpan {
  start: number;
  end: number;
  personId: string;
  /** The given name alone: it may be someone else. */
  given: boolean;
}

interface NameForm {
  personId: string;
  pattern: RegExp;
}

interface Compiled {
  forms: NameForm[];
  given: Array<{ personId: string; folded: string }>;
  emails: Map<string, string>;
  handles: Map<string, string>;
  /** Registered handles long enough to find without their @, in sentences and addresses. */
  bareHandles: Array<{ personId: string; pattern: RegExp }>;
  urls: Map<string, string>;
  phones: Array<{ personId: string; phone: string }>;
}

/** Run-together forms shorter than this ("lean" for Lê An) would match inside too many words. */
const MIN_COMPACT = 6;
/** Word orders tried for names of up to this many words; longer names are tried rotated only. */
const MAX_PERMUTED_WORDS = 4;
const SEPARATOR = '[ ._-]?';
const escape = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

function wordOrders(words: readonly string[]): string[][] {
  if (words.length <= MAX_PERMUTED_WORDS) return permutations(words);
  const rotations = [words, [...words.slice(1), words[0]!], [words.at(-1)!, ...words.slice(0, -1)]];
  return rotations.map((r) => [...r]);
}

const givenOfWords = (words: readonly string[]): string => {
  if (words.length < 2) return '';
  // Vietnamese names put the family name first and the given name last; most others, first.
  return VIETNAMESE_FAMILY_NAMES.has(foldedText(words[0]!)) ? words.at(-1)! : words[0]!;
};

/**
 * The given names: the field if set, else the last word of a Vietnamese name or the first of
 * others (none for a Burmese name); and the same from each alias and other-script name written in
 * several words ("สมชาย" from "สมชาย วงศ์สกุล").
 */
export function givenNamesOf(person: CheckPerson): string[] {
  // Burmese names have no given name: "Aung" alone is a part of thousands of names.
  const burmese = [person.realName, ...(person.otherScripts ?? [])].some((name) => /\p{Script=Myanmar}/u.test(name));
  const fromField = person.givenName?.trim() || (burmese ? '' : givenOfWords(person.realName.trim().split(/\s+/)));
  const others = [...(person.aliases ?? []), ...(person.otherScripts ?? [])].map((name) => givenOfWords(name.trim().split(/\s+/)));
  return [...new Set([fromField, ...others].filter((g) => g && !HONORIFIC_WORDS.has(g.toLowerCase())))];
}

function compile(people: readonly CheckPerson[]): Compiled {
  const compiled: Compiled = { forms: [], given: [], emails: new Map(), handles: new Map(), bareHandles: [], urls: new Map(), phones: [] };
  for (const person of people) {
    const names = [person.realName, ...(person.aliases ?? []), ...(person.otherScripts ?? [])];
    // Every form of the person in one pattern, longest first: one pass over the text per person.
    const sources = new Map<string, number>();
    for (const name of names) {
      const words = foldedText(name).split(' ').filter(Boolean);
      if (words.join('').length < 2) continue;
      const orders = wordOrders(words);
      // A Vietnamese name is also written as family and given name alone: "Trần Mai", "Mai Tran".
      if (words.length >= 3 && VIETNAMESE_FAMILY_NAMES.has(words[0]!)) orders.push([words[0]!, words.at(-1)!], [words.at(-1)!, words[0]!]);
      for (const order of orders) sources.set(order.map(escape).join(SEPARATOR), order.join('').length);
    }
    if (sources.size > 0) {
      const longestFirst = [...sources].sort((a, b) => b[1] - a[1]).map(([source]) => `(?:${source})`);
      compiled.forms.push({ personId: person.id, pattern: new RegExp(longestFirst.join('|'), 'gu') });
    }
    for (const given of givenNamesOf(person).map(foldedText)) {
      if ([...given].length >= 2 && !given.includes(' ')) compiled.given.push({ personId: person.id, folded: given });
    }
    for (const email of person.emails ?? []) compiled.emails.set(normaliseEmail(email), person.id);
    for (const handle of person.handles ?? []) {
      const bare = normaliseHandle(handle);
      compiled.handles.set(bare, person.id);
      if (bare.length >= MIN_COMPACT) compiled.bareHandles.push({ personId: person.id, pattern: new RegExp(escape(bare), 'gu') });
    }
    for (const url of person.urls ?? []) compiled.urls.set(normaliseUrl(url), person.id);
    for (const phone of person.phones ?? []) compiled.phones.push({ personId: person.id, phone });
  }
  return compiled;
}

/**
 * A match counts when it stands as a word; a fully run-together form of six letters or more also
 * counts inside a longer word, as in handles ("@NguyenVanAn_official").
 */
function standsAlone(folded: Folded, at: number, length: number): boolean {
  const matched = folded.text.slice(at, at + length);
  const runTogether = !/[ ._-]/.test(matched) && matched.length >= MIN_COMPACT;
  return runTogether || (atBoundary(folded.text, at - 1, matched[0]!) && atBoundary(folded.text, at + length, matched.at(-1)!));
}

/** The original text of a folded range, as start and end offsets. */
const original = (folded: Folded, at: number, length: number) => ({ start: folded.start[at]!, end: folded.end[at + length - 1]! });

export interface RegisteredMatcher {
  find(text: string): RegisteredSpan[];
}

export function registeredMatcher(people: readonly CheckPerson[]): RegisteredMatcher {
  const compiled = compile(people);
  return {
    find(text) {
      const spans: RegisteredSpan[] = [];
      const folded = fold(text);
      for (const form of compiled.forms) {
        for (const m of folded.text.matchAll(form.pattern)) {
          if (!standsAlone(folded, m.index, m[0].length)) continue;
          spans.push({ ...original(folded, m.index, m[0].length), personId: form.personId, given: false });
        }
      }
      for (const given of compiled.given) {
        for (let at = folded.text.indexOf(given.folded); at !== -1; at = folded.text.indexOf(given.folded, at + 1)) {
          if (!atBoundary(folded.text, at - 1, given.folded[0]!) || !atBoundary(folded.text, at + given.folded.length, given.folded.at(-1)!)) continue;
          const range = original(folded, at, given.folded.length);
          const first = text.slice(range.start, range.end);
          // Written with a capital, as a name is ("Mai said", "chị Mai"), or in a script without case.
          const cased = /^\p{Lu}/u.test(first) || (!/^\p{Ll}/u.test(first) && UNSPACED.test(first));
          if (!cased || (STOP_WORDS.has(given.folded) && atSentenceStart(text, range.start))) continue;
          // "Minh" in "Hồ Chí Minh", "Mai" in "Chiang Mai" are places.
          if (insideStopPhrase(folded.text, at, given.folded.length)) continue;
          spans.push({ ...range, personId: given.personId, given: true });
        }
      }
      const identifier = (found: { start: number; end: number }, personId: string | undefined) => {
        if (personId) spans.push({ start: found.start, end: found.end, personId, given: false });
      };
      for (const email of emailsIn(text)) identifier(email, compiled.emails.get(normaliseEmail(email.text)));
      for (const handle of handlesIn(text)) identifier(handle, compiled.handles.get(normaliseHandle(handle.text)));
      for (const url of urlsIn(text)) identifier(url, compiled.urls.get(normaliseUrl(url.text)));
      if (compiled.phones.length > 0) {
        for (const run of digitRunsIn(text)) {
          const trimmed = run.text.replace(/[\s(]+$/, '');
          identifier({ start: run.start, end: run.start + trimmed.length }, compiled.phones.find((p) => samePhone(p.phone, trimmed))?.personId);
        }
      }
      // A registered handle written without its @, in a sentence or an address.
      for (const { personId, pattern } of compiled.bareHandles) {
        for (const m of folded.text.matchAll(pattern)) {
          if (standsAlone(folded, m.index, m[0].length)) spans.push({ ...original(folded, m.index, m[0].length), personId, given: false });
        }
      }
      return spans;
    },
  };
}

/** Whether `index` opens a sentence or a line, where any word is capitalised. */
function atSentenceStart(text: string, index: number): boolean {
  const window = text.slice(Math.max(0, index - 8), index);
  if (index <= 8 && /^\s*$/.test(window)) return true;
  return /(?:[.!?…:"“‘]|\n)\s*$/u.test(window);
}
