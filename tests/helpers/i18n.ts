// The renderer's message catalogues for component tests. The app loads them with Vite's
// import.meta.glob, which the test type-check does not know; tests read the same files from disk.
import fs from 'node:fs';
import path from 'node:path';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

const dir = path.resolve('renderer/src/i18n/locales/en');
const resources: Record<string, Record<string, unknown>> = {};
for (const file of fs.readdirSync(dir).filter((name) => name.endsWith('.json'))) {
  resources[path.basename(file, '.json')] = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Record<string, unknown>;
}

void i18next.use(initReactI18next).init({
  resources: { en: resources },
  lng: 'en',
  ns: Object.keys(resources),
  defaultNS: 'common',
  interpolation: { escapeValue: false },
});
