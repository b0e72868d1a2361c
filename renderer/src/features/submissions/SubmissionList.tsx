import { useCallback, useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { SUBMISSION_STATUSES, type SubmissionPage, type SubmissionStatus, type SubmissionSummary } from '@shared/api/submissions';
import { api, ApiError } from '../../api/client';
import { ErrorMessage } from '../../components/AsyncView';
import { EmptyState } from '../../components/EmptyState';
import { formatDateTime, formatDay, formatNumber } from '../../i18n';

const PAGE = 50;

/** Drafts, newest change first, a page at a time (a keyset cursor, as the notes list). */
export function SubmissionList() {
  const { t } = useTranslation('submissions');
  const [params, setParams] = useSearchParams();
  const status = (params.get('status') ?? '') as SubmissionStatus | '';
  const [rows, setRows] = useState<SubmissionSummary[]>([]);
  const [page, setPage] = useState<Pick<SubmissionPage, 'total' | 'next'> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(
    async (cursor: string | null, live: () => boolean = () => true) => {
      setBusy(true);
      setError(null);
      try {
        const next = await api().call('submissions.list', { limit: PAGE, ...(status && { status }), ...(cursor && { cursor }) });
        if (!live()) return;
        setRows((shown) => (cursor ? [...shown, ...next.items] : next.items));
        setPage({ total: next.total, next: next.next });
      } catch (caught) {
        if (live()) setError(caught instanceof ApiError ? caught.message : String(caught));
      } finally {
        if (live()) setBusy(false);
      }
    },
    [status],
  );

  useEffect(() => {
    let live = true;
    setRows([]);
    setPage(null);
    void load(null, () => live);
    return () => {
      live = false;
    };
  }, [load]);

  return (
    <>
      <h1>{t('title')}</h1>
      <p className="lead">{t('intro')}</p>
      <div className="note-list-tools">
        <Link to="/submissions/new" className="button primary">
          {t('list.new')}
        </Link>
        <div className="field">
          <label htmlFor="submission-status-filter">{t('list.status')}</label>
          <select id="submission-status-filter" value={status} onChange={(event) => setParams(event.target.value ? { status: event.target.value } : {})}>
            <option value="">{t('list.allStatuses')}</option>
            {SUBMISSION_STATUSES.map((value) => (
              <option key={value} value={value}>
                {t(`status.${value}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {error && <ErrorMessage message={error} onRetry={() => void load(null)} />}
      {page && page.total === 0 ? (
        <EmptyState title={status ? t('list.noneWithStatus') : t('list.emptyTitle')}>
          <p>{t('list.emptyBody')}</p>
        </EmptyState>
      ) : (
        <>
          {page && (
            <p className="hint" role="status">
              {t('list.count', { shown: formatNumber(rows.length), total: formatNumber(page.total), count: page.total })}
            </p>
          )}
          <ul className="note-list" aria-label={t('title')}>
            {rows.map((row) => (
              <SubmissionRow key={row.id} row={row} />
            ))}
          </ul>
          {page?.next && (
            <button type="button" className="button" disabled={busy} onClick={() => void load(page.next)}>
              {t('list.more')}
            </button>
          )}
          {busy && !page && (
            <p className="hint" role="status">
              {t('list.loading')}
            </p>
          )}
        </>
      )}
    </>
  );
}

function SubmissionRow({ row }: { row: SubmissionSummary }) {
  const { t } = useTranslation('submissions');
  const today = new Date().toISOString().slice(0, 10);
  const open = row.status === 'drafting' || row.status === 'internalReview';
  const overdue = open && row.filingDeadline !== null && row.filingDeadline < today;
  return (
    <li className="card note-row submission-row">
      <Link to={`/submissions/${row.id}`} className="note-row-title">
        {row.title}
      </Link>
      <div className="hint">
        {t(`routes.${row.route}`)} · {row.status === 'filed' && row.filedOn ? t('list.filedOn', { date: formatDay(row.filedOn) }) : t(`status.${row.status}`)}
      </div>
      <div className={overdue ? 'error-text' : 'hint'}>
        {row.filingDeadline ? t(overdue ? 'list.deadlinePassed' : 'list.deadline', { date: formatDay(row.filingDeadline) }) : t('list.noDeadline')}
        {' · '}
        {t('list.updated', { time: formatDateTime(row.updatedAt) })}
      </div>
    </li>
  );
}
