import { useTranslation } from 'react-i18next';
import { shippedLanguages } from '../../i18n/languages';
import { LanguagePicker } from './LanguagePicker';

/** Settings' card for the interface language of this device; absent while English is the only one. */
export function LanguageSettings() {
  const { t } = useTranslation();
  if (shippedLanguages().length < 2) return null;
  return (
    <section className="card" aria-labelledby="language-title">
      <h2 id="language-title">{t('language.legend')}</h2>
      <LanguagePicker id="settings-language" hideLegend />
      <p className="hint">{t('language.hint')}</p>
    </section>
  );
}
