// Places and bodies written with name-like words ("Hồ Chí Minh", "Chiang Mai", "Liên Hợp Quốc"):
// a given name or a run of capitalised words inside one of them is not a person.
import { STOP_PHRASES } from './stop-words';

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/** Whether folded[at, at + length) lies inside one of the listed phrases, as whole words. */
export function insideStopPhrase(folded: string, at: number, length: number): boolean {
  for (const phrase of STOP_PHRASES) {
    if (phrase.length < length) continue;
    // Only the starts from which the phrase would cover the match; never a search through the text.
    for (let start = Math.max(0, at + length - phrase.length); start <= at; start++) {
      if (folded.startsWith(phrase, start) && !isWordChar(folded[start - 1]) && !isWordChar(folded[start + phrase.length])) return true;
    }
  }
  return false;
}
