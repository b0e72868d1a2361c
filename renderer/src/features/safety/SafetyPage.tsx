import safetyGuide from '../../../../docs/safety.md?raw';
import { Markdown } from '../../components/Markdown';
import { useSafetyGuide } from '../kb/safetyTranslation';
import { TranslationNotice, useReadingLanguage } from '../kb/TranslationNotice';
import { WhoToCall } from './WhoToCall';

/**
 * Who to call first, for emergencies; then the same text as docs/safety.md, so the app and the
 * README never disagree, or its translation in the UI language with the English one link away.
 */
export function SafetyPage() {
  const language = useReadingLanguage();
  const guide = useSafetyGuide(safetyGuide, language);
  return (
    <article className="page reading">
      <WhoToCall />
      <TranslationNotice translation={guide.translation} language={language} />
      <div lang={guide.translation?.language ?? 'en'}>
        <Markdown source={guide.markdown} />
      </div>
    </article>
  );
}
