// All UI text comes from message catalogues: one JSON file per feature namespace under
// locales/<language>/. Adding a language means adding a folder, not touching components.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { initialLanguage, LANGUAGE_STORAGE_KEY, PREVIEW_STORAGE_KEY, rememberLanguage } from './language-choice';
import { LANGUAGES, SOURCE_LANGUAGE } from './languages';
import { PSEUDO_LOCALE, pseudoCatalogue } from './pseudo';

const files = import.meta.glob<{ default: Record<string, unknown> }>('./locales/*/*.json', { eager: true });

type Resources = Record<string, Record<string, Record<string, unknown>>>;
const resources: Resources = {};
for (const [file, module] of Object.entries(files)) {
  const match = /\.\/locales\/([^/]+)\/([^/]+)\.json$/.exec(file);
  if (!match) continue;
  const [, language, namespace] = match as unknown as [string, string, string];
  (resources[language] ??= {})[namespace] = module.default;
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

void i18next.use(initReactI18next).init({
  resources,
  lng: startingLanguage(),
  fallbackLng: SOURCE_LANGUAGE,
  supportedLngs: [...LANGUAGES.map((l) => l.code), PSEUDO_LOCALE],
  ns: namespaces,
  defaultNS: 'common',
  interpolation: { escapeValue: false }, // React escapes already
  returnNull: false,
});

/** Switches the interface to a shipped language and keeps the choice on this device. */
export async function chooseLanguage(code: string): Promise<void> {
  rememberLanguage(code);
  await i18next.changeLanguage(code);
}

export { collatorFor, dateFormatter, formatDate, formatDateTime, formatDay, formatNumber, userLocale } from './locale-format';

export default i18next;
