// All UI text comes from message catalogues: one JSON file per feature namespace under
// locales/<language>/. Adding a language means adding a folder, not touching components.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { initialLanguage, LANGUAGE_STORAGE_KEY, PREVIEW_STORAGE_KEY, rememberLanguage } from './language-choice';
import { LANGUAGES, SOURCE_LANGUAGE } from './languages';
import { PSEUDO_LOCALE, pseudoCatalogue } from './pseudo';

type Catalogue = { default: Record<string, unknown> };
// English is in the entry chunk; every other language is fetched only when it is the one spoken
// (all of them together are several times the size of the rest of the entry chunk, and would be
// parsed before the first screen on every start).
const english = import.meta.glob<Catalogue>('./locales/en/*.json', { eager: true });
const translations = import.meta.glob<Catalogue>(['./locales/*/*.json', '!./locales/en/*.json']);
const CATALOGUE_FILE = /\.\/locales\/([^/]+)\/([^/]+)\.json$/;

type Resources = Record<string, Record<string, Record<string, unknown>>>;
const resources: Resources = {};
for (const [file, module] of Object.entries(english)) {
  const [, language, namespace] = CATALOGUE_FILE.exec(file) as unknown as [string, string, string];
  (resources[language] ??= {})[namespace] = module.default;
}

/** Fetches a language's catalogues into i18next, once; resolves at once for English and the pseudo-locale. */
const loading = new Map<string, Promise<void>>();
function loadLanguage(code: string): Promise<void> {
  let done = loading.get(code);
  if (!done) {
    const files = Object.entries(translations).filter(([file]) => CATALOGUE_FILE.exec(file)?.[1] === code);
    done = Promise.all(
      files.map(async ([file, load]) => {
        const [, language, namespace] = CATALOGUE_FILE.exec(file) as unknown as [string, string, string];
        i18next.addResourceBundle(language, namespace, (await load()).default, true, true);
      }),
    ).then(() => undefined);
    // A failed fetch may be tried again; until then the interface stays in English (the fallback).
    done.catch(() => loading.delete(code));
    loading.set(code, done);
  }
  return done;
}

export const namespaces = Object.keys(resources.en ?? {});

// The pseudo-locale exists in development builds, in builds made with VITE_PSEUDO_LOCALE=1, and in
// a browser driven by test automation (navigator.webdriver), so end-to-end tests can use the
// release build; a person's browser never offers it. There, ?locale=<code> in the address picks
// it or any registered language, shipped or not (so translators can see their work in place),
// and is kept for the tab.
const previewAllowed = import.meta.env.DEV || import.meta.env.VITE_PSEUDO_LOCALE === '1' || navigator.webdriver;
if (previewAllowed && resources.en) resources[PSEUDO_LOCALE] = pseudoCatalogue(resources.en);

function startingLanguage(): string {
  const asked = previewAllowed ? new URLSearchParams(window.location.search).get('locale') : null;
  if (asked) sessionStorage.setItem(PREVIEW_STORAGE_KEY, asked);
  return initialLanguage({
    preview: asked ?? sessionStorage.getItem(PREVIEW_STORAGE_KEY),
    previewAllowed,
    stored: localStorage.getItem(LANGUAGE_STORAGE_KEY),
    preferred: navigator.languages,
  });
}

// The page's lang picks the script's line height, line breaking and Chinese glyph shapes (fonts.css).
i18next.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

const firstLanguage = startingLanguage();
void i18next.use(initReactI18next).init({
  resources,
  partialBundledLanguages: true,
  lng: firstLanguage,
  fallbackLng: SOURCE_LANGUAGE,
  supportedLngs: [...LANGUAGES.map((l) => l.code), PSEUDO_LOCALE],
  ns: namespaces,
  defaultNS: 'common',
  interpolation: { escapeValue: false }, // React escapes already
  returnNull: false,
  // A language's catalogues arrive after it is chosen: render again when they do.
  react: { bindI18nStore: 'added' },
});

/** Resolves once the starting language's catalogues are in (main.tsx renders after it); never rejects. */
export const languageReady: Promise<void> = loadLanguage(firstLanguage).catch(() => undefined);

/**
 * Switches the interface to a shipped language and keeps the choice on this device. The choice
 * shows at once (the picker follows i18next's language); the words follow when the catalogues
 * arrive (i18next re-renders on their arrival, see bindI18nStore), English until then.
 */
export async function chooseLanguage(code: string): Promise<void> {
  rememberLanguage(code);
  const loaded = loadLanguage(code);
  await i18next.changeLanguage(code);
  await loaded;
}

export { collatorFor, dateFormatter, formatDate, formatDateTime, formatDay, formatNumber, userLocale } from './locale-format';

export default i18next;
