// All UI text comes from message catalogues: one JSON file per feature namespace under
// locales/<language>/. Adding a language means adding a folder, not touching components.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES, SOURCE_LANGUAGE, languageByCode } from './languages';
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

function chosenLanguage(): string {
  if (!previewAllowed) return SOURCE_LANGUAGE;
  const asked = new URLSearchParams(window.location.search).get('locale');
  if (asked) sessionStorage.setItem('workbench.locale', asked);
  const code = asked ?? sessionStorage.getItem('workbench.locale');
  return code === PSEUDO_LOCALE || (code && languageByCode(code)) ? code : SOURCE_LANGUAGE;
}

// The page's lang picks the script's line height, line breaking and Chinese glyph shapes (fonts.css).
i18next.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

void i18next.use(initReactI18next).init({
  resources,
  lng: chosenLanguage(),
  fallbackLng: SOURCE_LANGUAGE,
  supportedLngs: [...LANGUAGES.map((l) => l.code), PSEUDO_LOCALE],
  ns: namespaces,
  defaultNS: 'common',
  interpolation: { escapeValue: false }, // React escapes already
  returnNull: false,
});

/** The user's locale for dates and numbers, independent of the UI language. */
export const userLocale = (): string => navigator.language || 'en';

export const formatDate = (iso: string, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }): string =>
  new Intl.DateTimeFormat(userLocale(), options).format(new Date(iso));

/** A calendar day (YYYY-MM-DD) shown as that same day, whatever the time zone. */
export const formatDay = (isoDate: string): string =>
  new Intl.DateTimeFormat(userLocale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));

export const formatDateTime = (iso: string): string => formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' });

export const formatNumber = (value: number, options?: Intl.NumberFormatOptions): string =>
  new Intl.NumberFormat(userLocale(), options).format(value);

export default i18next;
