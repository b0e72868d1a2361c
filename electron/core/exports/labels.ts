// The words core writes around the user's own text in an export (headings, field names, states),
// in the language the export is made in. Core cannot read the renderer's catalogues, so these
// are data of their own in resources/export-labels/<language>.json, bundled at build time; a
// missing label falls back to the English, and the user's text is never translated.
import en from '../../../resources/export-labels/en.json';
import id from '../../../resources/export-labels/id.json';
import km from '../../../resources/export-labels/km.json';
import my from '../../../resources/export-labels/my.json';
import th from '../../../resources/export-labels/th.json';
import vi from '../../../resources/export-labels/vi.json';
import zhHans from '../../../resources/export-labels/zh-Hans.json';
import zhHant from '../../../resources/export-labels/zh-Hant.json';

interface LabelFile {
  language: string;
  /** False until a native speaker has reviewed the translation. */
  reviewed: boolean;
  labels: Record<string, string>;
}

export const LABEL_FILES: Record<string, LabelFile> = { en, vi, 'zh-Hans': zhHans, 'zh-Hant': zhHant, th, my, km, id };
export type LabelLanguage = keyof typeof LABEL_FILES;

type EnglishKey = keyof typeof en.labels;
/** A label's key; a plural label is named without its `_one`/`_other` ending and needs `count`. */
export type LabelKey = EnglishKey extends infer K ? (K extends `${infer Base}_${'one' | 'other'}` ? Base : K) : never;
export type LabelParams = Record<string, string | number>;

export interface Labels {
  (key: LabelKey, params?: LabelParams): string;
  /** The language the labels are in: the export's, or English when it has no labels. */
  language: string;
  /** Whether the language (or English, its fallback) has this label: for keys built from data. */
  has(key: string): boolean;
  /** False while a native speaker has not reviewed this language's labels. */
  reviewed: boolean;
}

/**
 * The label language for an export locale (a BCP 47 tag such as `th-TH-u-ca-buddhist`): Chinese by
 * script, written or implied by the region; every other language by its language subtag.
 */
export function labelLanguage(locale: string | undefined): string {
  if (!locale) return 'en';
  let tag: Intl.Locale;
  try {
    tag = new Intl.Locale(locale).maximize();
  } catch {
    return 'en';
  }
  const code = tag.language === 'zh' ? `zh-${tag.script === 'Hant' ? 'Hant' : 'Hans'}` : tag.language;
  return code in LABEL_FILES ? code : 'en';
}

function interpolate(text: string, params: LabelParams): string {
  return text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function exportLabels(locale: string | undefined): Labels {
  const language = labelLanguage(locale);
  const own = LABEL_FILES[language]!.labels;
  const english: Record<string, string> = en.labels;
  const plurals = new Intl.PluralRules(language);
  const find = (key: string): string | undefined => own[key] ?? english[key];
  // As i18next reads them: a `context` param picks `key_<context>`, a numeric `count` the plural form.
  const labels = (key: LabelKey, params: LabelParams = {}): string => {
    const base = typeof params.context === 'string' && find(`${key}_${params.context}`) !== undefined ? `${key}_${params.context}` : key;
    let text = find(base);
    if (text === undefined && typeof params.count === 'number') {
      text = find(`${base}_${plurals.select(params.count)}`) ?? find(`${base}_other`);
    }
    return interpolate(text ?? key, params);
  };
  const has = (key: string) => find(key) !== undefined || find(`${key}_other`) !== undefined;
  return Object.assign(labels, { language, has, reviewed: LABEL_FILES[language]!.reviewed });
}

/**
 * "Page {{page}} of {{total}}" in the export's language, placeholders kept: the document's own
 * label where it carries one (submissions in French or Spanish), else the export labels'.
 */
export function pageOfLabel(doc: { pageOf?: string | undefined; locale?: string | undefined }): string {
  return doc.pageOf ?? exportLabels(doc.locale)('common.pageOf', { page: '{{page}}', total: '{{total}}' });
}
