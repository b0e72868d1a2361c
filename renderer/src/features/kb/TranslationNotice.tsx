import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import type { TranslationInfo } from '@shared/api/kb';

/** The address parameter that picks the language of a knowledge-base page ("?lang=en"). */
export const LANGUAGE_PARAM = 'lang';
const ENGLISH = 'en';

/**
 * The language to read a knowledge-base page in: the one the address names (a search hit on a
 * translated passage, or "Read the English original"), else the UI language.
 */
export function useReadingLanguage(): string {
  const [params] = useSearchParams();
  const { i18n } = useTranslation();
  return params.get(LANGUAGE_PARAM) ?? i18n.language;
}

/** The current address with the reading language set (null: back to the UI language). */
function withLanguage(location: ReturnType<typeof useLocation>, language: string | null) {
  const params = new URLSearchParams(location.search);
  if (language) params.set(LANGUAGE_PARAM, language);
  else params.delete(LANGUAGE_PARAM);
  const search = params.toString();
  return { pathname: location.pathname, search: search ? `?${search}` : '', hash: location.hash };
}

/**
 * Said with every translated passage: that no native speaker has reviewed it yet, that the English
 * changed since, and a way to the English original. When the English original is shown in place
 * of a translation, a way back.
 */
export function TranslationNotice({
  translation,
  language,
  englishHref,
}: {
  translation: TranslationInfo | null;
  language: string;
  /** Where the English original is, when it is not this page read in English. */
  englishHref?: string;
}) {
  const { t, i18n } = useTranslation('kb');
  const location = useLocation();
  if (!translation) {
    // Reading the English on purpose while the UI speaks another language.
    if (language !== ENGLISH || i18n.language === ENGLISH) return null;
    return (
      <p className="notice kb-translation-notice" role="note">
        {t('translation.englishShown')} <Link to={withLanguage(location, null)}>{t('translation.backToTranslation')}</Link>
      </p>
    );
  }
  return (
    <p className="notice kb-translation-notice" role="note">
      {!translation.reviewed && <strong>{t('translation.unreviewed')}</strong>}
      {translation.outdated && <span> {t('translation.outdated')}</span>}{' '}
      <Link to={englishHref ?? withLanguage(location, ENGLISH)}>{t('translation.readEnglish')}</Link>
    </p>
  );
}
