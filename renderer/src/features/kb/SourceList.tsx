import { useTranslation } from 'react-i18next';
import type { EntrySources } from '@shared/api/kb';
import { ExternalLink } from '../../components/ExternalLink';
import { InEnglishMarker } from './InEnglishMarker';

/**
 * Primary sources (the issuing body's own pages) first; secondary ones follow, marked as background.
 * When no primary source was found the entry says so in words instead of leaving the gap unseen.
 */
export function Sources({ sources }: { sources: EntrySources }) {
  const { t } = useTranslation('kb');
  return (
    <>
      <h3 className="kb-subhead">{t('sources.primary')}</h3>
      {sources.primary.length > 0 ? (
        <SourceLinks items={sources.primary} />
      ) : (
        <p className="notice kb-no-primary">
          <strong>{t('sources.noPrimary')}</strong> {sources.noPrimarySource}
        </p>
      )}
      {sources.secondary.length > 0 && (
        <>
          <h3 className="kb-subhead">{t('sources.secondary')}</h3>
          <p className="hint">{t('sources.secondaryExplain')}</p>
          <SourceLinks items={sources.secondary} />
        </>
      )}
    </>
  );
}

/** The titles of the pages cited, as they are published: English, and marked so. */
function SourceLinks({ items }: { items: Array<{ title: string; url: string }> }) {
  return (
    <ul className="kb-sources" lang="en">
      {items.map((source) => (
        <li key={source.url}>
          <ExternalLink href={source.url}>{source.title}</ExternalLink>
        </li>
      ))}
    </ul>
  );
}

/** Facts the research could not confirm, set apart so nobody cites them by mistake. */
/** `inEnglish`: the items are the English original beside a translated page, and say so. */
export function Unverified({ items, inEnglish = false }: { items: string[]; inEnglish?: boolean }) {
  const { t } = useTranslation('kb');
  if (items.length === 0) return null;
  return (
    <aside className="notice kb-unverified" aria-label={t('unverified.title')}>
      <strong>{t('unverified.title')}</strong>
      <p className="hint">{t('unverified.explain')}</p>
      {inEnglish && <InEnglishMarker />}
      <ul lang={inEnglish ? 'en' : undefined}>
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </aside>
  );
}
