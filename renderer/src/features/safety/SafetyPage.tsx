import safetyGuide from '../../../../docs/safety.md?raw';
import { Markdown } from '../../components/Markdown';
import { WhoToCall } from './WhoToCall';

/** Who to call first, for emergencies; then the same text as docs/safety.md, so the app and the README never disagree. */
export function SafetyPage() {
  return (
    <article className="page reading">
      <WhoToCall />
      <Markdown source={safetyGuide} />
    </article>
  );
}
