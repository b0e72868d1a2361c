import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApi } from '../../../components/useApi';

/** The directory's how-to and timing for a step's mechanism, right under the choice. */
export function MechanismGuide({ id }: { id: string }) {
  const { t } = useTranslation('plans');
  const { state } = useApi('kb.mechanisms.get', { id }, [id]);
  if (state.status === 'loading') return null;
  if (state.status === 'error') return <p className="hint">{state.error.message}</p>;
  const m = state.data;
  return (
    <div className="mechanism-guide" data-testid="mechanism-guide">
      <p>
        <strong>{m.name}</strong> · <Link to={`/kb/mechanisms/${m.id}`}>{t('steps.directoryEntry')}</Link>
      </p>
      <p>
        <strong>{t('steps.timing')}</strong> {m.timing}
      </p>
      <details>
        <summary>{t('steps.howTo', { count: m.howTo.length })}</summary>
        <ol>
          {m.howTo.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ol>
      </details>
    </div>
  );
}
