import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Mechanism } from '@shared/api/kb';
import { useApi } from '../../../components/useApi';

/** What a route makes public and who could face reprisals; read defensively, as older directories lack it. */
function exposureOf(m: Mechanism) {
  const { exposure, reprisalNotes } = m as Mechanism & { exposure?: { whatIsPublic?: string; when?: string; whoIsNamed?: string }; reprisalNotes?: string[] };
  return { exposure, reprisalNotes: reprisalNotes ?? [] };
}

/** The directory's how-to, timing, exposure and reprisal notes for a step's mechanism, right under the choice. */
export function MechanismGuide({ id }: { id: string }) {
  const { t, i18n } = useTranslation('plans');
  const language = i18n.language;
  const { state } = useApi('kb.mechanisms.get', { id, language }, [id, language]);
  if (state.status === 'loading') return null;
  if (state.status === 'error') return <p className="hint">{state.error.message}</p>;
  const m = state.data;
  const { exposure, reprisalNotes } = exposureOf(m);
  // What a translated entry still shows in English says so to the browser (and a screen reader).
  const english = (field: Mechanism['inEnglish'][number]) => (m.inEnglish.includes(field) ? 'en' : undefined);
  // …and to the reader, in their language.
  const marker = (field: Mechanism['inEnglish'][number]) => english(field) && <span className="badge">{t('steps.inEnglish')}</span>;
  return (
    <div className="mechanism-guide" data-testid="mechanism-guide">
      <p>
        <strong lang={english('name')}>{m.name}</strong> · <Link to={`/kb/mechanisms/${m.id}`}>{t('steps.directoryEntry')}</Link>
      </p>
      <p>
        <strong>{t('steps.timing')}</strong> <span lang={english('timing')}>{m.timing}</span> {marker('timing')}
      </p>
      <section className="exposure" data-testid="step-exposure" aria-label={t('exposure.title', { name: m.name })}>
        <h4>{t('exposure.heading')}</h4>
        {exposure && marker('exposure')}
        {exposure ? (
          <dl lang={english('exposure')}>
            {exposure.whatIsPublic && (
              <>
                <dt>{t('exposure.whatIsPublic')}</dt>
                <dd>{exposure.whatIsPublic}</dd>
              </>
            )}
            {exposure.when && (
              <>
                <dt>{t('exposure.when')}</dt>
                <dd>{exposure.when}</dd>
              </>
            )}
            {exposure.whoIsNamed && (
              <>
                <dt>{t('exposure.whoIsNamed')}</dt>
                <dd>{exposure.whoIsNamed}</dd>
              </>
            )}
          </dl>
        ) : (
          <p className="hint">{t('exposure.missing')}</p>
        )}
        {reprisalNotes.length > 0 && (
          <>
            <h4>{t('exposure.reprisals')}</h4>
            {marker('reprisalNotes')}
            <ul lang={english('reprisalNotes')}>
              {reprisalNotes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          </>
        )}
      </section>
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
