// Every error core can send reaches the user in their language only if its key is in the errors
// catalogue. The keys are read from the source (error-sites.ts), so a new throw without an
// English message in the catalogue fails here, and the catalogue's English is held to the
// sentence core writes, so English users read what they read before.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { english, GENERIC_ENGLISH, problemOf } from '../../../electron/core/rpc/validation-keys';
import { scanErrorSites } from './error-sites';

type Catalogue = { [key: string]: string | Catalogue };
const catalogue = JSON.parse(fs.readFileSync('renderer/src/i18n/locales/en/errors.json', 'utf8')) as Catalogue;

/** The catalogue as flat dotted keys, as i18next reads them. */
function flatten(value: Catalogue, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, child] of Object.entries(value)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof child === 'string') out.set(name, child);
    else for (const [k, v] of flatten(child, name)) out.set(k, v);
  }
  return out;
}
const messages = flatten(catalogue);
/** A key i18next can resolve: itself, or its plural or context forms. */
const resolvable = (key: string) => messages.has(key) || [...messages.keys()].some((k) => k.startsWith(`${key}_`));

const WHAT: Record<string, string> = { backup: 'backup file', bundle: 'partner bundle' };
const { sites, unreadable } = scanErrorSites(process.cwd());

describe('error keys', () => {
  it('finds the throw sites, and every key there is a literal the scan can read', () => {
    expect(unreadable).toEqual([]);
    // Core has over a hundred; a scan that finds few has gone blind.
    expect(sites.length).toBeGreaterThan(140);
    expect(sites.some((s) => s.key === 'vault.wrongPassphrase')).toBe(true);
  });

  it('has every key core can send in the English errors catalogue, with each kind of file where the sentence names it', () => {
    const missing = sites.flatMap((site) => {
      const keys = site.contexts.length > 0 ? site.contexts.map((c) => `${site.key}_${c}`) : [site.key];
      return keys.filter((key) => !resolvable(key)).map((key) => `${site.file}:${site.line} ${key}`);
    });
    expect(missing).toEqual([]);
  });

  it('says in English exactly what core says, wherever the source states the sentence whole', () => {
    const differing = sites.flatMap((site) => {
      // A validation key sent directly is said inside the sentence naming the fields.
      if (site.message === null || site.key.startsWith('validation.')) return [];
      if (site.contexts.length === 0) return messages.get(site.key) === site.message ? [] : [`${site.file}:${site.line} ${site.key}`];
      return site.contexts
        .filter((c) => messages.get(`${site.key}_${c}`) !== `This ${WHAT[c]} cannot be used: ${site.message}. Nothing was changed.`)
        .map((c) => `${site.file}:${site.line} ${site.key}_${c}`);
    });
    expect(differing).toEqual([]);
  });

  it('keeps validation keys out of domain errors, since the renderer says those inside the sentence naming the fields', () => {
    expect(sites.filter((s) => s.via === 'DomainError' && (s.key.startsWith('validation.') || s.key.startsWith('invalidInput.')))).toEqual([]);
  });

  it('has a key for every sentence the contract writes, with the same English in the catalogue', () => {
    const sources = fs.readdirSync('electron/shared/api').map((name) => fs.readFileSync(`electron/shared/api/${name}`, 'utf8'));
    // A sentence given to zod: a quoted literal that starts with a capital and ends with a full stop.
    const sentences = sources.flatMap((source) => [...source.matchAll(/'([A-Z][^'\n]* [^'\n]*\.)'/g)].map((m) => m[1]!));
    expect(sentences.length).toBeGreaterThan(20);
    for (const sentence of sentences) {
      const problem = problemOf({ code: 'custom', message: sentence, path: [], input: undefined }, {});
      expect(problem.key, sentence).not.toBe('validation.notAccepted');
      expect(messages.get(problem.key), sentence).toBe(sentence);
    }
  });

  it('has the English of zod problems and of the sentence naming the fields as core writes it', () => {
    for (const [key, text] of Object.entries(GENERIC_ENGLISH)) expect(messages.get(key), key).toBe(text);
    expect(english('invalidInput.fields', { count: 2, fields: 'a, b', problem: 'Enter a whole number.' })).toBe('Please check these fields: a, b. Enter a whole number.');
  });

  it('keys the contract sentences built from constants, with their numbers as params', () => {
    const check = (message: string) => problemOf({ code: 'custom', message, path: [], input: undefined }, {});
    expect(check('Use at least 12 characters.')).toMatchObject({ key: 'validation.passphraseTooShort', params: { count: 12 } });
    expect(check('That file is larger than 64 MB, the most the app accepts for a partner bundle.')).toMatchObject({
      key: 'validation.fileTooLarge',
      params: { max: 64, context: 'bundle' },
    });
    expect(messages.get('validation.fileTooLarge_bundle')).toBe('That file is larger than {{max}} MB, the most the app accepts for a partner bundle.');
    expect(check('A package holds at most 7 findings: untick or remove the ones you will not use.')).toMatchObject({ key: 'validation.tooManyFindings', params: { count: 7 } });
  });
});
