// The languages the workbench can speak. Each has a folder of catalogues under locales/<code>/
// with the same namespaces as English. A language is offered to people only once it is
// `shipped` (its catalogues are complete: i18n-catalogues.test.ts fails otherwise), and until a
// native speaker has read it through, `reviewed` stays false and the picker says so.

export interface Language {
  /** The catalogue folder and i18next language code; also the page's lang attribute. */
  code: string;
  /** The language's name in its own script, as the picker shows it. */
  nativeName: string;
  /** Its name in English, for logs, tests and people supporting the user. */
  englishName: string;
  /** The BCP 47 locale that dates, numbers and sorting use (Thai shows Buddhist-era years). */
  intlLocale: string;
  /** Every key of the English catalogues is translated, so the language can be chosen. */
  shipped: boolean;
  /** A native speaker has reviewed the translation; until then the UI says it has not been. */
  reviewed: boolean;
}

export const SOURCE_LANGUAGE = 'en';

export const LANGUAGES: readonly Language[] = [
  { code: 'en', nativeName: 'English', englishName: 'English', intlLocale: 'en', shipped: true, reviewed: true },
  { code: 'vi', nativeName: 'Tiếng Việt', englishName: 'Vietnamese', intlLocale: 'vi-VN', shipped: true, reviewed: false },
  { code: 'zh-Hans', nativeName: '简体中文', englishName: 'Chinese (Simplified)', intlLocale: 'zh-Hans', shipped: true, reviewed: false },
  { code: 'zh-Hant', nativeName: '繁體中文', englishName: 'Chinese (Traditional)', intlLocale: 'zh-Hant', shipped: true, reviewed: false },
  { code: 'th', nativeName: 'ไทย', englishName: 'Thai', intlLocale: 'th-TH-u-ca-buddhist', shipped: true, reviewed: false },
  { code: 'my', nativeName: 'မြန်မာ', englishName: 'Burmese', intlLocale: 'my-MM', shipped: true, reviewed: false },
  { code: 'km', nativeName: 'ខ្មែរ', englishName: 'Khmer', intlLocale: 'km-KH', shipped: true, reviewed: false },
  { code: 'id', nativeName: 'Bahasa Indonesia', englishName: 'Indonesian', intlLocale: 'id-ID', shipped: true, reviewed: false },
];

export const languageByCode = (code: string): Language | undefined => LANGUAGES.find((l) => l.code === code);

/** The languages a person can choose: complete catalogues only. */
export const shippedLanguages = (): Language[] => LANGUAGES.filter((l) => l.shipped);

/** Shipped languages no native speaker has reviewed yet (counted by the tests and the build). */
export const unreviewedLanguages = (): Language[] => LANGUAGES.filter((l) => l.shipped && !l.reviewed);
