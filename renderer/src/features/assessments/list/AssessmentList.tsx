import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AssessmentSummary } from '@shared/api/assessments';
import { api, ApiError } from '../../../api/client';
import { AsyncView, ErrorMessage } from '../../../components/AsyncView';
import { distinctNames } from '../../../components/distinct-names';
import { EmptyState } from '../../../components/EmptyState';
import { useApi } from '../../../components/useApi';
import { formatDateTime } from '../../../i18n';
import { RowProvenance } from '../../exchange/RowProvenance';

export function AssessmentList() {
  const { t } = useTranslation('assessments');
  const { state, reload } = useApi('assessments.list', null);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const run = async (action: 'assessments.addExamples' | 'assessments.removeExamples') => {
    setError(null);
    try {
      if (action === 'assessments.addExamples') setMessage(t('examples.added', { count: (await api().call(action, null)).added }));
      else {
        if (!window.confirm(t('examples.confirmRemove'))) return;
        setMessage(t('examples.removed', { count: (await api().call(action, null)).removed }));
      }
      await reload();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : String(caught));
    }
  };

  return (
    <section aria-labelledby="assessments-title">
      <h1 id="assessments-title">{t('title')}</h1>
      <p className="lead">{t('lead')}</p>
      <p role="status" aria-live="polite" className="hint">
        {message}
      </p>
      {error && <ErrorMessage message={error} />}
      <AsyncView state={state} onRetry={reload}>
        {(items) =>
          items.length === 0 ? (
            <EmptyState
              title={t('empty.title')}
              action={
                <div className="actions">
                  <Link to="/assessments/new/safety" className="button primary">
                    {t('empty.start')}
                  </Link>
                  <button type="button" className="button" onClick={() => void run('assessments.addExamples')}>
                    {t('examples.add')}
                  </button>
                </div>
              }
            >
              <p>{t('empty.body')}</p>
              <p>{t('examples.explain')}</p>
            </EmptyState>
          ) : (
            <>
              <ul className="assessment-grid" data-testid="assessment-list">
                {items.map((item) => (
                  <AssessmentCard key={item.id} item={item} />
                ))}
              </ul>
              <div className="actions">
                {items.some((i) => i.example) ? (
                  <button type="button" className="button danger" onClick={() => void run('assessments.removeExamples')}>
                    {t('examples.remove')}
                  </button>
                ) : (
                  <button type="button" className="button" onClick={() => void run('assessments.addExamples')}>
                    {t('examples.add')}
                  </button>
                )}
              </div>
            </>
          )
        }
      </AsyncView>
    </section>
  );
}

function AssessmentCard({ item }: { item: AssessmentSummary }) {
  const { t } = useTranslation('assessments');
  return (
    <li>
      <Link to={`/assessments/${item.id}`} className="card">
        <strong>{item.title}</strong> {item.example && <span className="badge example">{t('badge.example')}</span>}
        <RowProvenance entity="assessment" id={item.id} />
        <div className="hint">{distinctNames([item.platform, item.companyName]).join(' · ')}</div>
        <div>{item.safetyAnswered ? t('list.phases', { complete: item.phasesComplete }) : t('list.safetyPending')}</div>
        <div className="hint">
          {t('list.impacts', { count: item.impacts })} · {t('list.updated', { time: formatDateTime(item.updatedAt) })}
        </div>
      </Link>
    </li>
  );
}
