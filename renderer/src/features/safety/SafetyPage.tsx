import safetyGuide from '../../../../docs/safety.md?raw';
import { Markdown } from '../../components/Markdown';

/** The same text as docs/safety.md, so the app and the README never disagree. */
export function SafetyPage() {
  return (
    <article className="page reading">
      <Markdown source={safetyGuide} />
    </article>
  );
}
