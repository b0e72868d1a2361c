import { useTranslation } from 'react-i18next';
import type { Exposure } from '@shared/api/kb';

/** One line for a directory card: what becomes public. The full notes are on the entry. */
export function ExposureSummary({ exposure }: { exposure: Exposure }) {
  const { t } = useTranslation('kb');
  return (
    <p className="kb-exposure-summary">
      <strong>{t('exposure.public')}:</strong> {exposure.whatIsPublic}
    </p>
  );
}

/** What using the mechanism exposes, and to whom, with the precautions to take before using it. */
export function ExposureDetails({ exposure, reprisalNotes }: { exposure: Exposure; reprisalNotes: string[] }) {
  const { t } = useTranslation('kb');
  return (
    <section className="notice kb-exposure" aria-labelledby="exposure-title">
      <h3 id="exposure-title">{t('exposure.title')}</h3>
      <dl className="facts">
        <dt>{t('exposure.public')}</dt>
        <dd>{exposure.whatIsPublic}</dd>
        <dt>{t('exposure.when')}</dt>
        <dd>{exposure.when}</dd>
        <dt>{t('exposure.names')}</dt>
        <dd>{exposure.whoIsNamed}</dd>
      </dl>
      <h4>{t('exposure.reprisals')}</h4>
      <ul>
        {reprisalNotes.map((note) => (
          <li key={note}>{note}</li>
        ))}
      </ul>
    </section>
  );
}
