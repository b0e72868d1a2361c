import { useTranslation } from 'react-i18next';
import type { PhaseKey } from '@shared/api/assessments';
import { useWorkspace } from '../workspace/context';

/** What this phase still needs, in the core's sentences, or that it is complete. */
export function Missing({ phase }: { phase: PhaseKey }) {
  const { t } = useTranslation('assessments');
  const progress = useWorkspace().check?.phases.find((p) => p.key === phase);
  if (!progress) return null;
  if (progress.complete) return <p className="phase-complete">{t('phase.complete')}</p>;
  return (
    <div className="card phase-missing">
      <h2>{t('phase.stillNeeded')}</h2>
      <ul>
        {progress.missing.map((m) => (
          <li key={m}>{m}</li>
        ))}
      </ul>
    </div>
  );
}
