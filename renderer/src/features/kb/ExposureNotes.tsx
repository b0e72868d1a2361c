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
/** `inEnglish`: the notes are the English original beside a translated page, so they say so. */
export function ExposureDetails({ exposure, reprisalNotes, inEnglish = false }: { exposure: Exposure; reprisalNotes: string[]; inEnglish?: boolean }) {
  const { t } = useTranslation('kb');
  const lang = inEnglish ? 'en' : undefined;
  return (
    <section className="notice kb-exposure" aria-labelledby="exposure-title">
      <h3 id="exposure-title">{t('exposure.title')}</h3>
      {inEnglish && <p className="hint kb-in-english">{t('frameworks.inEnglish')}</p>}
      <dl className="facts">
        <dt>{t('exposure.public')}</dt>
        <dd lang={lang}>{exposure.whatIsPublic}</dd>
        <dt>{t('exposure.when')}</dt>
        <dd lang={lang}>{exposure.when}</dd>
        <dt>{t('exposure.names')}</dt>
        <dd lang={lang}>{exposure.whoIsNamed}</dd>
      </dl>
      <h4>{t('exposure.reprisals')}</h4>
      <ul lang={lang}>
        {reprisalNotes.map((note) => (
          <li key={note}>{note}</li>
        ))}
      </ul>
    </section>
  );
}
