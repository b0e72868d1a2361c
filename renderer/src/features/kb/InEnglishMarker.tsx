import { useTranslation } from 'react-i18next';

/** Says, in the reader's language, that the text beside it is the English original, not yet translated. */
export function InEnglishMarker() {
  const { t, i18n } = useTranslation('kb');
  return (
    <span className="kb-tag kb-tag-english" lang={i18n.language}>
      {t('frameworks.inEnglish')}
    </span>
  );
}
