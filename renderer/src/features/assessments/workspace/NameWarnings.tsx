import { useTranslation } from 'react-i18next';
import type { NameHit } from '@shared/api/assessments';

/** Every place a stakeholder's real name appears, with the name marked in its context. Warns; never edits. */
export function NameWarnings({ hits }: { hits: NameHit[] }) {
  const { t } = useTranslation('assessments');
  if (hits.length === 0) return null;
  return (
    <section className="notice name-warnings" role="alert" aria-labelledby="name-warnings-title" data-testid="name-warnings">
      <h2 id="name-warnings-title">{t('names.title', { count: hits.length })}</h2>
      <p>{t('names.body')}</p>
      <ul>
        {hits.map((hit, i) => (
          <li key={`${hit.where}-${i}`}>
            <strong>{hit.where}</strong> — {t('names.realNameOf', { pseudonym: hit.pseudonym })}
            <blockquote>
              {hit.excerpt.slice(0, hit.mark[0])}
              <mark>{hit.excerpt.slice(hit.mark[0], hit.mark[1])}</mark>
              {hit.excerpt.slice(hit.mark[1])}
            </blockquote>
          </li>
        ))}
      </ul>
    </section>
  );
}
