// Places and bodies written with name-like words ("Hồ Chí Minh", "Chiang Mai", "Liên Hợp Quốc"):
// a given name or a run of capitalised words inside one of them is not a person.
import { STOP_PHRASES } from './stop-words';

/** Whether folded[at, at + length) lies inside one of the listed phrases, as whole words. */
export function insideStopPhrase(folded: string, at: number, length: number): boolean {
  for (const phrase of STOP_PHRASES) {
    if (phrase.length < length) continue;
    const from = Math.max(0, at + length - phrase.length);
    for (let found = folded.indexOf(phrase, from); found !== -1 && found <= at; found = folded.indexOf(phrase, found + 1)) {
      const before = folded[found - 1];
      const after = folded[found + phrase.length];
      const whole = (c: string | undefined) => c === undefined || !/[\p{L}\p{N}]/u.test(c);
      if (found + phrase.length >= at + length && whole(before) && whole(after)) return true;
    }
  }
  return false;
}
