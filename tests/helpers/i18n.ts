// The renderer's message catalogues for component tests: the same files the app loads with Vite's
// import.meta.glob, read from disk so a test sets up i18next without the app's start-up code.
import fs from 'node:fs';
import path from 'node:path';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
// The app's own start-up first: a component importing it would otherwise run it after the set-up
// below and leave i18next with the frame's English only, the rest fetched as pages need it.
import '../../renderer/src/i18n';

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
