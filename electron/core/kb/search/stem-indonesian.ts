// Indonesian words carry their grammar in prefixes and suffixes: "mencatat" (to record),
// "catatan" (a record) and "catat" (record!) are one word to a reader, three to an index. This is
// the rule-based stemmer of Tala (2003), as Lucene's IndonesianStemmer implements it: strip a
// particle, a possessive, then the derivational prefixes and suffix, never below two syllables.
// English words inside Indonesian text pass through it too; they rarely carry these affixes.

const enum Removed {
  None = 0,
  Di = 1,
  Meng = 2,
  Ter = 4,
  Ber = 8,
  Ke = 16,
  Peng = 32,
  Pe = 64,
}

const isVowel = (letter: string | undefined): boolean => letter === 'a' || letter === 'e' || letter === 'i' || letter === 'o' || letter === 'u';
const syllablesOf = (word: string): number => [...word].filter((letter) => isVowel(letter)).length;

export function stemIndonesian(word: string): string {
  let stem = word;
  let syllables = syllablesOf(stem);
  let removed = 0;
  const strip = (next: string | null): boolean => {
    if (next === null) return false;
    stem = next;
    syllables--;
    return true;
  };
  if (syllables > 2) strip(suffixOf(stem, ['kah', 'lah', 'pun']));
  if (syllables > 2) strip(suffixOf(stem, ['nya', 'ku', 'mu']));
  if (syllables <= 2) return stem;

  const first = firstOrderPrefix(stem);
  if (first) {
    removed |= first.removed;
    strip(first.stem);
    if (syllables > 2) strip(derivationalSuffix(stem, removed));
    if (syllables > 2) {
      const second = secondOrderPrefix(stem);
      if (second) strip(second.stem);
    }
  } else {
    const second = secondOrderPrefix(stem);
    if (second) {
      removed |= second.removed;
      strip(second.stem);
    }
    if (syllables > 2) strip(derivationalSuffix(stem, removed));
  }
  return stem;
}

function suffixOf(word: string, suffixes: readonly string[]): string | null {
  for (const suffix of suffixes) if (word.endsWith(suffix)) return word.slice(0, -suffix.length);
  return null;
}

/** meng-, meny-, men-, mem-, me-, peng-, peny-, pen-, pem-, di-, ter-, ke- (meny- and peny- before a vowel were s-). */
function firstOrderPrefix(word: string): { stem: string; removed: Removed } | null {
  if (word.startsWith('meng')) return { stem: word.slice(4), removed: Removed.Meng };
  if (word.startsWith('meny') && isVowel(word[4])) return { stem: `s${word.slice(4)}`, removed: Removed.Meng };
  if (word.startsWith('men') || word.startsWith('mem')) return { stem: word.slice(3), removed: Removed.Meng };
  if (word.startsWith('me')) return { stem: word.slice(2), removed: Removed.Meng };
  if (word.startsWith('peng')) return { stem: word.slice(4), removed: Removed.Peng };
  if (word.startsWith('peny') && isVowel(word[4])) return { stem: `s${word.slice(4)}`, removed: Removed.Peng };
  if (word.startsWith('peny')) return { stem: word.slice(4), removed: Removed.Peng };
  if (word.startsWith('pen') && isVowel(word[3])) return { stem: `t${word.slice(3)}`, removed: Removed.Peng };
  if (word.startsWith('pen') || word.startsWith('pem')) return { stem: word.slice(3), removed: Removed.Peng };
  if (word.startsWith('di')) return { stem: word.slice(2), removed: Removed.Di };
  if (word.startsWith('ter')) return { stem: word.slice(3), removed: Removed.Ter };
  if (word.startsWith('ke')) return { stem: word.slice(2), removed: Removed.Ke };
  return null;
}

/** ber-, be- before "-er" (bekerja), bel- in belajar, per-, pel- in pelajar, pe-. */
function secondOrderPrefix(word: string): { stem: string; removed: Removed } | null {
  if (word.startsWith('ber')) return { stem: word.slice(3), removed: Removed.Ber };
  if (word === 'belajar') return { stem: 'ajar', removed: Removed.Ber };
  if (word.startsWith('be') && word.length > 4 && !isVowel(word[2]) && word[3] === 'e' && word[4] === 'r') return { stem: word.slice(2), removed: Removed.Ber };
  if (word.startsWith('per')) return { stem: word.slice(3), removed: Removed.None };
  if (word === 'pelajar') return { stem: 'ajar', removed: Removed.None };
  if (word.startsWith('pe')) return { stem: word.slice(2), removed: Removed.Pe };
  return null;
}

/** -kan, -an, -i, unless the prefix already taken rules it out (ke-…-kan is kept whole, and so on). */
function derivationalSuffix(word: string, removed: number): string | null {
  if (word.endsWith('kan') && !(removed & (Removed.Ke | Removed.Peng | Removed.Pe))) return word.slice(0, -3);
  if (word.endsWith('an') && !(removed & (Removed.Di | Removed.Meng | Removed.Ter))) return word.slice(0, -2);
  if (word.endsWith('i') && !word.endsWith('si') && !(removed & (Removed.Ber | Removed.Ke | Removed.Peng))) return word.slice(0, -1);
  return null;
}
