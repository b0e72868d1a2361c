// A language's messages for end-to-end tests: the journeys find buttons and fields by the words a
// person in that language reads, taken from the same catalogue files the app ships.
import fs from 'node:fs';
import path from 'node:path';
import i18next, { type TFunction } from 'i18next';

const LOCALES = path.resolve('renderer/src/i18n/locales');

function catalogues(language: string): Record<string, Record<string, unknown>> {
  const dir = path.join(LOCALES, language);
  const out: Record<string, Record<string, unknown>> = {};
  for (const file of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
    if (file.endsWith('.json')) out[path.basename(file, '.json')] = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Record<string, unknown>;
  }
  return out;
}

/** t() in one language, with English only for what that language's files lack. */
export async function messagesIn(language: string): Promise<TFunction> {
  const instance = i18next.createInstance();
  await instance.init({
    lng: language,
    fallbackLng: 'en',
    resources: { en: catalogues('en'), [language]: catalogues(language) },
    defaultNS: 'common',
    interpolation: { escapeValue: false },
  });
  return instance.t;
}

/** Where screenshots of every language are kept: under the git-ignored test results. */
export const LANGUAGE_SHOTS_DIR = path.resolve('test-results', 'languages');
