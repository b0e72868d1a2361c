import { useTranslation } from 'react-i18next';
import { chooseLanguage } from '../../i18n';
import { languageByCode, shippedLanguages, SOURCE_LANGUAGE } from '../../i18n/languages';
import './LanguagePicker.css';

interface Props {
  /** Names the radio group and the note, unique on the page. */
  id: string;
  /** When a heading right above already says "Language". */
  hideLegend?: boolean;
}

/**
 * The shipped languages, each named in its own script (and marked with its lang, so it gets its
 * font and line height), for someone who may not read the language on screen. Choosing one
 * switches at once and is kept on this device. A language no native speaker has reviewed says
 * so under the list, in that language when its catalogue has the sentence.
 */
export function LanguagePicker({ id, hideLegend = false }: Props) {
  const { t, i18n } = useTranslation();
  const choices = shippedLanguages();
  if (choices.length < 2) return null;
  const current = languageByCode(i18n.language);
  const noteId = `${id}-unreviewed`;
  const noteLanguage = current && i18n.getResource(current.code, 'common', 'language.unreviewed') ? current.code : SOURCE_LANGUAGE;
  return (
    <fieldset className="language-picker">
      <legend className={hideLegend ? 'visually-hidden' : undefined}>{t('language.legend')}</legend>
      {choices.map((language) => (
        <label key={language.code} lang={language.code}>
          <input
            type="radio"
            name={id}
            value={language.code}
            checked={current?.code === language.code}
            onChange={() => void chooseLanguage(language.code)}
            aria-describedby={!language.reviewed && current?.code === language.code ? noteId : undefined}
          />{' '}
          {language.nativeName}
        </label>
      ))}
      {current && !current.reviewed && (
        <p id={noteId} className="hint language-unreviewed" lang={noteLanguage}>
          {i18n.getFixedT(noteLanguage, 'common')('language.unreviewed')}
        </p>
      )}
    </fieldset>
  );
}
