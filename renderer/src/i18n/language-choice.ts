// Which language the interface speaks, and the locale that dates, numbers and sorting follow.
// The choice belongs to the device, not to a vault: it must work on the first screen, before any
// vault exists, and is kept in the origin's localStorage like the theme (browser mode keeps its
// port between runs, so the origin and what it stores last).
import { languageByCode, SOURCE_LANGUAGE } from './languages';
import { PSEUDO_LOCALE } from './pseudo';

export const LANGUAGE_STORAGE_KEY = 'workbench.language';
/** The tab's preview language, from ?locale= in test and development builds only. */
export const PREVIEW_STORAGE_KEY = 'workbench.locale';

interface Circumstances {
  /** ?locale= or the tab's earlier one; honoured only when previews are allowed. */
  preview: string | null;
  previewAllowed: boolean;
  /** What the person chose on this device before. */
  stored: string | null;
  /** The browser's or system's languages, most wanted first. */
  preferred: readonly string[];
}

const isShipped = (code: string | null): code is string => !!code && !!languageByCode(code)?.shipped;

/** The system language's best shipped match: zh-TW and zh-HK read Traditional Chinese, other zh Simplified. */
function matchPreferred(preferred: readonly string[]): string | undefined {
  for (const tag of preferred) {
    let locale: Intl.Locale;
    try {
      locale = new Intl.Locale(tag);
    } catch {
      continue;
    }
    // Only Chinese needs its script guessed from the region; maximize() reads the likely-subtags
    // data, several milliseconds on every start, so other languages go without.
    if (locale.language !== 'zh') {
      if (isShipped(locale.language)) return locale.language;
      continue;
    }
    const script = locale.script ?? locale.maximize().script;
    const code = `zh-${script === 'Hant' ? 'Hant' : 'Hans'}`;
    if (isShipped(code)) return code;
  }
  return undefined;
}

/**
 * The language to start in: a preview asked for in a test or development build (any registered
 * language, shipped or not, or the pseudo-locale), else the person's earlier choice if it is
 * still shipped, else the system's language if the app speaks it, else English.
 */
export function initialLanguage({ preview, previewAllowed, stored, preferred }: Circumstances): string {
  if (previewAllowed && preview && (preview === PSEUDO_LOCALE || languageByCode(preview))) return preview;
  if (isShipped(stored)) return stored;
  return matchPreferred(preferred) ?? SOURCE_LANGUAGE;
}

/** Whether this device has a language chosen by a person (not guessed from the system). */
export const hasChosenLanguage = (): boolean => isShipped(window.localStorage.getItem(LANGUAGE_STORAGE_KEY));

/** Keeps the choice on this device; a tab's preview language gives way to it. */
export function rememberLanguage(code: string): void {
  window.localStorage.setItem(LANGUAGE_STORAGE_KEY, code);
  window.sessionStorage.removeItem(PREVIEW_STORAGE_KEY);
}

/**
 * The locale for Intl: the language's own (Thai with the Buddhist calendar). English keeps the
 * system's English variant, so en-GB and en-AU users keep day-month order; the pseudo-locale
 * formats as the system does.
 */
export function intlLocaleFor(language: string, systemLocale: string): string {
  const registered = languageByCode(language);
  if (registered && registered.code !== SOURCE_LANGUAGE) return registered.intlLocale;
  return /^en(-|$)/i.test(systemLocale) ? systemLocale : 'en';
}
