import { useTranslation } from 'react-i18next';
import type { SubmissionTemplate } from '@shared/api/submissions';
import { CollapsibleSection } from '../../components/CollapsibleSection';
import type { TemplateWords, Word } from './template-words';

/** Said after a template's word that stands in English because its translation lacks it. */
export function UntranslatedMark({ word, words }: { word: Word; words: TemplateWords }) {
  const { t, i18n } = useTranslation('submissions');
  if (!words.translation || words.english || word.lang !== 'en') return null;
  return (
    <span className="hint" lang={i18n.language}>
      {' '}
      {t('translation.untranslated')}
    </span>
  );
}

/**
 * Said beside every passage taken from a template's translation: that no native speaker has
 * reviewed it yet, and a way to read the English original (and back).
 */
export function TemplateTranslationNotice({ words, onToggle }: { words: TemplateWords; onToggle: () => void }) {
  const { t } = useTranslation('submissions');
  if (!words.translation) return null;
  return (
    <p className="notice template-translation-notice" role="note">
      {words.english ? t('translation.englishShown') : !words.translation.reviewed && <strong>{t('translation.unreviewed')}</strong>}{' '}
      <button type="button" className="button link-button" aria-pressed={words.english} onClick={onToggle}>
        {words.english ? t('translation.showTranslation') : t('translation.showEnglish')}
      </button>
    </p>
  );
}

/** The template's sections in the order the body expects, each with what to write in it. */
export function TemplateGuide({ template, words, onToggle }: { template: SubmissionTemplate; words: TemplateWords; onToggle: () => void }) {
  const { t } = useTranslation('submissions');
  return (
    <CollapsibleSection name={`submission.guide.${template.route}`} title={t('guide.title')} summary={t('guide.summary', { count: template.sections.length })} defaultOpen testId="template-guide">
      <TemplateTranslationNotice words={words} onToggle={onToggle} />
      <p className="hint">{t('guide.intro')}</p>
      <dl className="template-guide">
        {template.sections.map((section) => {
          const heading = words.heading(section.id);
          const guidance = words.guidance(section.id);
          return (
            <div key={section.id} data-section={section.id}>
              <dt lang={heading.lang}>
                {heading.text}
                <UntranslatedMark word={heading} words={words} />
              </dt>
              <dd lang={guidance.lang}>
                {guidance.text}
                <UntranslatedMark word={guidance} words={words} />
              </dd>
            </div>
          );
        })}
      </dl>
    </CollapsibleSection>
  );
}
