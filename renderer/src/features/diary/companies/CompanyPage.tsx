import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Company } from '@shared/api/diary';
import { api } from '../../../api/client';
import { AsyncView, ErrorMessage } from '../../../components/AsyncView';
import { useApi } from '../../../components/useApi';
import { formatDateTime } from '../../../i18n';
import { HistoryPanel } from '../history/HistoryPanel';
import { CompanyForm } from './CompanyForm';
import { LedgerCard } from './LedgerCard';
import { StartFromCompany } from './StartFromCompany';
import { CompanyNotes } from '../../notes/CompanyNotes';

export function CompanyPage() {
  const { id } = useParams();
  const [company, setCompany] = useState<Company | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setCompany(null);
    if (!id) return;
    api()
      .call('companies.get', { id })
      .then(setCompany)
      .catch((caught: Error) => setError(caught.message));
  }, [id]);

  if (error) return <ErrorMessage message={error} />;
  if (id && !company) return <p className="hint" role="status">…</p>;
  return (
    <>
      <CompanyForm key={company?.updatedAt ?? 'new'} company={company} onSaved={setCompany} />
      {company && (
        <>
          <LedgerCard companyId={company.id} version={company.updatedAt} />
          <Timeline company={company} />
          <CompanyNotes companyId={company.id} />
          <HistoryPanel entity="company" id={company.id} version={company.updatedAt} />
        </>
      )}
    </>
  );
}

function Timeline({ company }: { company: Company }) {
  const companyId = company.id;
  const { t } = useTranslation('diary');
  const { state, reload } = useApi('engagements.list', { companyId, sort: 'newest', limit: 500 }, [companyId]);
  return (
    <section className="card" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('companies.timeline')}</h2>
      <StartFromCompany company={company} />
      <AsyncView state={state} onRetry={reload}>
        {({ items }) =>
          items.length === 0 ? (
            <p className="hint">{t('companies.noTimeline')}</p>
          ) : (
            <ol className="timeline">
              {items.map((item) => (
                <li key={item.id}>
                  <span className="hint">{formatDateTime(item.occurredAt)}</span> · {t(`channels.${item.channel}`)}{' '}
                  <Link to={`/diary/entries/${item.id}`}>{item.title || t('editor.editTitle')}</Link>
                  {item.openCommitments > 0 && <span className="pill-open"> · {t('list.openCommitments', { count: item.openCommitments })}</span>}
                </li>
              ))}
            </ol>
          )
        }
      </AsyncView>
    </section>
  );
}
