// The pseudo-locale en-XA: every English message with its letters accented and its length grown
// by about 40%, between brackets. With it on, text that stays plain English on screen did not
// come from the catalogues, and a label whose closing bracket is cut off is too tight for the
// longer languages. Made at run time from the English catalogues, so it never goes stale.

export const PSEUDO_LOCALE = 'en-XA';

const ACCENTS: Record<string, string> = {
  a: 'á', b: 'ƀ', c: 'ç', d: 'ð', e: 'é', f: 'ƒ', g: 'ĝ', h: 'ĥ', i: 'í', j: 'ĵ', k: 'ķ', l: 'ļ', m: 'ɱ',
  n: 'ñ', o: 'ö', p: 'þ', q: 'ǫ', r: 'ŕ', s: 'š', t: 'ţ', u: 'ü', v: 'ṽ', w: 'ŵ', x: 'ẋ', y: 'ý', z: 'ž',
  A: 'Å', B: 'Ɓ', C: 'Ç', D: 'Ð', E: 'É', F: 'Ƒ', G: 'Ĝ', H: 'Ĥ', I: 'Î', J: 'Ĵ', K: 'Ķ', L: 'Ļ', M: 'Ṁ',
  N: 'Ñ', O: 'Ö', P: 'Þ', Q: 'Ǫ', R: 'Ŕ', S: 'Š', T: 'Ţ', U: 'Û', V: 'Ṽ', W: 'Ŵ', X: 'Ẋ', Y: 'Ý', Z: 'Ž',
};

/** Filler that stands for the extra length of longer languages; accented like the rest. */
const FILLER = 'ļöŕéɱ íþšüɱ ðöļöŕ šíţ áɱéţ ';

/** Placeholders, nested messages and markup that i18next and <Trans> read: left exactly as they are. */
const PROTECTED = /(\{\{[^}]*\}\}|\$t\([^)]*\)|<[^>]*>)/;

/** Accents letters and pads a message by ~40% of its visible length, keeping placeholders intact. */
export function pseudoLocalise(message: string): string {
  if (!message) return message;
  let visible = 0;
  const body = message
    .split(PROTECTED)
    .map((part, i) => {
      // split() with one capture group puts the protected pieces at odd indexes.
      if (i % 2 === 1) return part;
      visible += part.length;
      return part.replace(/[a-zA-Z]/g, (c) => ACCENTS[c] ?? c);
    })
    .join('');
  const extra = Math.ceil(visible * 0.4);
  const padding = FILLER.repeat(Math.ceil(extra / FILLER.length) + 1).slice(0, extra).trimEnd();
  return `⟦${body}${padding ? ` ${padding}` : ''}⟧`;
}

type Catalogue = { [key: string]: string | Catalogue | unknown };

/** The pseudo-locale's version of a catalogue: same keys, every string value pseudo-localised. */
export function pseudoCatalogue<T>(value: T): T {
  if (typeof value === 'string') return pseudoLocalise(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => pseudoCatalogue(v)) as T;
  if (value && typeof value === 'object') {
    const out: Catalogue = {};
    for (const [key, v] of Object.entries(value as Catalogue)) out[key] = pseudoCatalogue(v);
    return out as T;
  }
  return value;
}

/** Whether a text shows pseudo-localised letters, i.e. came through the catalogues in en-XA. */
export const looksPseudo = (text: string): boolean => /[⟦⟧]|[áçðéíñöšţüŕɱ]/.test(text);
