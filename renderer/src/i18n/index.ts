// All UI text comes from message catalogues: one JSON file per feature namespace under
// locales/<language>/. Adding a language means adding a folder, not touching components.
import i18next, { type BackendModule, type ReadCallback } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { initialLanguage, LANGUAGE_STORAGE_KEY, PREVIEW_STORAGE_KEY, rememberLanguage } from './language-choice';
import { LANGUAGES, SOURCE_LANGUAGE } from './languages';
import { PSEUDO_LOCALE, pseudoCatalogue } from './pseudo';

type Messages = Record<string, unknown>;
type Catalogue = { default: Messages };

// The entry chunk carries only the English the frame and Home show: the header (search box, lock,
// panic), the navigation and Home's own words. Every other catalogue, of every language, is a
// chunk of its own, fetched with the page that uses it: all of them in the entry made it several
// times larger and held back every first screen while they were parsed. The two patterns must name
// the same namespaces (an import.meta.glob takes literals only).
const shellEnglish = import.meta.glob<Catalogue>('./locales/en/{common,home,kb,safety,vault}.json', { eager: true });
const fetchable = import.meta.glob<Catalogue>(['./locales/*/*.json', '!./locales/en/{common,home,kb,safety,vault}.json']);
const catalogueFile = (language: string, namespace: string) => `./locales/${language}/${namespace}.json`;

const CATALOGUE_FILE = /\.\/locales\/en\/([^/]+)\.json$/;
/** The namespaces in the entry chunk. */
export const SHELL_NAMESPACES: readonly string[] = Object.freeze(Object.keys(shellEnglish).map((file) => CATALOGUE_FILE.exec(file)![1]!));

/** English catalogues once in, so i18next can be answered in the same tick (see the backend). */
const englishIn = new Map<string, Messages>(SHELL_NAMESPACES.map((namespace) => [namespace, shellEnglish[catalogueFile(SOURCE_LANGUAGE, namespace)]!.default]));
const englishLoading = new Map<string, Promise<Messages>>();

/** An English catalogue, fetched once; a failed fetch may be tried again. */
function english(namespace: string): Promise<Messages> | Messages {
  const loaded = englishIn.get(namespace);
  if (loaded) return loaded;
  let loading = englishLoading.get(namespace);
  if (!loading) {
    const load = fetchable[catalogueFile(SOURCE_LANGUAGE, namespace)];
    loading = load ? load().then((module) => module.default) : Promise.resolve({});
    loading.then(
      (messages) => englishIn.set(namespace, messages),
      () => englishLoading.delete(namespace),
    );
    englishLoading.set(namespace, loading);
  }
  return loading;
}

/** Hands a catalogue to i18next as soon as it is in: in the same tick when it already is. */
function answer(messages: Promise<Messages> | Messages, callback: ReadCallback, shape: (messages: Messages) => Messages = (m) => m): void {
  if (messages instanceof Promise) messages.then((m) => callback(null, shape(m)), (error: unknown) => callback(error as Error, false));
  else callback(null, shape(messages));
}

const translations = new Map<string, Promise<void>>();

/**
 * Core's errors: read by error-text.ts when an error is shown, never through a component's
 * useTranslation, so they are added without telling react-i18next, which would otherwise redraw
 * every component on screen when they arrive, for nothing. Fetched after the first screen's
 * words (see loadErrors); until they are in, an error reads in core's English.
 */
const QUIET_NAMESPACES = ['errors'];

/**
 * Fetches a translated catalogue into i18next, once (again after a failure); resolves when it is
 * in, at once where the language has no such file. Never rejects: English stands in meanwhile.
 */
function addTranslation(language: string, namespace: string): Promise<void> {
  // English comes through the backend; it is never a translation to add.
  if (language === SOURCE_LANGUAGE) return Promise.resolve();
  const key = `${language}|${namespace}`;
  let done = translations.get(key);
  if (!done) {
    const load = fetchable[catalogueFile(language, namespace)];
    const silent = QUIET_NAMESPACES.includes(namespace);
    done = load
      ? load().then(
          (module) => void i18next.addResourceBundle(language, namespace, module.default, true, true, { silent }),
          () => void translations.delete(key),
        )
      : Promise.resolve();
    translations.set(key, done);
  }
  return done;
}

/**
 * How i18next gets a catalogue it lacks, so a component whose namespace is not in yet suspends
 * (react-i18next) instead of showing keys. English is answered when it is in; the pseudo-locale,
 * made from it then (only when it is the language chosen). For a translation, i18next is told "in"
 * as soon as the English it falls back on is, and the translation is added when it arrives (the
 * words re-render then, see bindI18nStore): so choosing a language takes effect at once, and a
 * page is never held back by a fetch of words English already has.
 */
const catalogueBackend: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read(language, namespace, callback) {
    if (language === SOURCE_LANGUAGE) return answer(english(namespace), callback);
    if (language === PSEUDO_LOCALE) return answer(english(namespace), callback, pseudoCatalogue);
    void addTranslation(language, namespace);
    answer(english(namespace), callback, () => ({}));
  },
};

// The pseudo-locale exists in development builds, in builds made with VITE_PSEUDO_LOCALE=1, and in
// a browser driven by test automation (navigator.webdriver), so end-to-end tests can use the
// release build; a person's browser never offers it. There, ?locale=<code> in the address picks
// it or any registered language, shipped or not (so translators can see their work in place),
// and is kept for the tab. Its catalogues are made only once it is chosen (see the backend).
const previewAllowed = import.meta.env.DEV || import.meta.env.VITE_PSEUDO_LOCALE === '1' || navigator.webdriver;

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

let errorsWanted = false;

/** Core's errors in English and in the language spoken, added quietly (see QUIET_NAMESPACES). */
function loadErrors(language: string): Promise<void> {
  errorsWanted = true;
  const englishAdded = Promise.resolve(english('errors')).then((messages) => {
    i18next.addResourceBundle(SOURCE_LANGUAGE, 'errors', messages, true, true, { silent: true });
    if (language === PSEUDO_LOCALE) i18next.addResourceBundle(PSEUDO_LOCALE, 'errors', pseudoCatalogue(messages), true, true, { silent: true });
  });
  return Promise.all([englishAdded, addTranslation(language, 'errors')]).then(
    () => undefined,
    () => undefined,
  );
}

i18next.on('languageChanged', (language) => {
  // The page's lang picks the script's line height, line breaking and Chinese glyph shapes (fonts.css).
  document.documentElement.lang = language;
  if (errorsWanted) void loadErrors(language);
});

const firstLanguage = startingLanguage();
const initialised = i18next
  .use(catalogueBackend)
  .use(initReactI18next)
  .init({
    resources: { [SOURCE_LANGUAGE]: Object.fromEntries(englishIn) },
    // The resources above are a start: the rest comes through the backend.
    partialBundledLanguages: true,
    lng: firstLanguage,
    fallbackLng: SOURCE_LANGUAGE,
    supportedLngs: [...LANGUAGES.map((l) => l.code), PSEUDO_LOCALE],
    // A copy: i18next adds every namespace asked for later to this list.
    ns: [...SHELL_NAMESPACES],
    defaultNS: 'common',
    interpolation: { escapeValue: false }, // React escapes already
    returnNull: false,
    // A translation arrives after its language is chosen: render again when it does.
    react: { bindI18nStore: 'added' },
  });

/** The namespaces i18next has been asked for so far (the shell's and every page's shown since). */
function namespacesInUse(): readonly string[] {
  const ns = i18next.options.ns ?? SHELL_NAMESPACES;
  return typeof ns === 'string' ? [ns] : [...ns];
}

/** Resolves when a language's words for these namespaces are in (its own, not English standing in). */
function wordsIn(language: string, namespaces: readonly string[]): Promise<void> {
  return Promise.all(namespaces.map((namespace) => addTranslation(language, namespace))).then(() => undefined);
}

/** Resolves once the starting language's shell catalogues are in (main.tsx renders after it); never rejects. */
export const languageReady: Promise<void> = Promise.all([initialised, wordsIn(firstLanguage, SHELL_NAMESPACES)]).then(
  () => undefined,
  () => undefined,
);

// No first screen shows one of core's errors: they are fetched once the first screen's words are in.
void languageReady.then(() => (window.requestIdleCallback ?? setTimeout)(() => void loadErrors(i18next.language)));

/**
 * Fetches a page's catalogues, English and the language spoken, alongside the page's code (see
 * routes.tsx), so the page renders whole when it arrives. Never rejects: a namespace still missing
 * then is asked for again by the component using it, which suspends until it is in.
 */
export function loadNamespaces(namespaces: readonly string[]): Promise<void> {
  if (namespaces.length === 0) return Promise.resolve();
  return Promise.all([i18next.loadNamespaces([...namespaces]), wordsIn(i18next.language, namespaces)]).then(
    () => undefined,
    () => undefined,
  );
}

/**
 * Switches the interface to a shipped language and keeps the choice on this device. The choice
 * shows at once (the picker follows i18next's language); the words follow when the catalogues
 * arrive (i18next re-renders on their arrival, see bindI18nStore), English until then.
 */
export async function chooseLanguage(code: string): Promise<void> {
  rememberLanguage(code);
  const loaded = wordsIn(code, namespacesInUse());
  await i18next.changeLanguage(code);
  await loaded;
}

export { collatorFor, dateFormatter, formatDate, formatDateTime, formatDay, formatNumber, userLocale } from './locale-format';

export default i18next;
