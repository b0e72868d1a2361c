import { useTranslation } from 'react-i18next';
import { ExternalLink } from '../../components/ExternalLink';

export function Sources({ sources }: { sources: Array<{ title: string; url: string }> }) {
  const { t } = useTranslation('kb');
  return (
    <>
      <h3 className="kb-subhead">{t('sources.title')}</h3>
      {sources.length === 0 ? (
        <p className="hint">{t('sources.none')}</p>
      ) : (
        <ul className="kb-sources">
          {sources.map((source) => (
            <li key={source.url}>
              <ExternalLink href={source.url}>{source.title}</ExternalLink>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** Facts the research could not confirm, set apart so nobody cites them by mistake. */
export function Unverified({ items }: { items: string[] }) {
  const { t } = useTranslation('kb');
  if (items.length === 0) return null;
  return (
    <aside className="notice kb-unverified" aria-label={t('unverified.title')}>
      <strong>{t('unverified.title')}</strong>
      <p className="hint">{t('unverified.explain')}</p>
      <ul>
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </aside>
  );
}
