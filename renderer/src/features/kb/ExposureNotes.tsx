import { useTranslation } from 'react-i18next';
import type { Exposure, Mechanism } from '@shared/api/kb';
import { InEnglishMarker } from './InEnglishMarker';

/** One line for a directory card: what becomes public. The full notes are on the entry. */
export function ExposureSummary({ exposure, inEnglish = false }: { exposure: Exposure; inEnglish?: boolean }) {
  const { t } = useTranslation('kb');
  return (
    <p className="kb-exposure-summary">
      <strong>{t('exposure.public')}:</strong> <span lang={inEnglish ? 'en' : undefined}>{exposure.whatIsPublic}</span>
      {inEnglish && (
        <>
          {' '}
          <InEnglishMarker />
        </>
      )}
    </p>
  );
}

/** What using the mechanism exposes, and to whom, with the precautions to take before using it. */
/** `inEnglish`: notes that are the English original beside a translated page say so. */
export function ExposureDetails({
  exposure,
  reprisalNotes,
  inEnglish = [],
}: {
  exposure: Exposure;
  reprisalNotes: string[];
  inEnglish?: Mechanism['inEnglish'];
}) {
  const { t } = useTranslation('kb');
  const exposureLang = inEnglish.includes('exposure') ? 'en' : undefined;
  const reprisalsLang = inEnglish.includes('reprisalNotes') ? 'en' : undefined;
  const marker = <p className="hint kb-in-english">{t('frameworks.inEnglish')}</p>;
  return (
    <section className="notice kb-exposure" aria-labelledby="exposure-title">
      <h3 id="exposure-title">{t('exposure.title')}</h3>
      {exposureLang && marker}
      <dl className="facts">
        <dt>{t('exposure.public')}</dt>
        <dd lang={exposureLang}>{exposure.whatIsPublic}</dd>
        <dt>{t('exposure.when')}</dt>
        <dd lang={exposureLang}>{exposure.when}</dd>
        <dt>{t('exposure.names')}</dt>
        <dd lang={exposureLang}>{exposure.whoIsNamed}</dd>
      </dl>
      <h4>{t('exposure.reprisals')}</h4>
      {reprisalsLang && marker}
      <ul lang={reprisalsLang}>
        {reprisalNotes.map((note) => (
          <li key={note}>{note}</li>
        ))}
      </ul>
    </section>
  );
}
