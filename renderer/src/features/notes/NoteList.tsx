import { useCallback, useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { NotePage, NoteRow } from '@shared/api/notes';
import { api, ApiError } from '../../api/client';
import { ErrorMessage } from '../../components/AsyncView';
import { EmptyState } from '../../components/EmptyState';
import { useApi } from '../../components/useApi';
import { formatDateTime, formatNumber } from '../../i18n';
import { sortLanguage } from '../../i18n/locale-format';

const PAGE = 50;

/**
 * Notes, newest change first, a page at a time: "Show more" asks for the page after the last row
 * shown (a keyset cursor), so a year of notes costs what the first page costs.
 */
export function NoteList() {
  const { t } = useTranslation('notes');
  const [params, setParams] = useSearchParams();
  const tag = params.get('tag') ?? '';
  const companyId = params.get('companyId') ?? '';
  const locale = sortLanguage();
  const tags = useApi('notes.tags', { locale }, [locale]);
  const [rows, setRows] = useState<NoteRow[]>([]);
  const [page, setPage] = useState<Pick<NotePage, 'total' | 'next'> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(
    async (cursor: string | null, live: () => boolean = () => true) => {
      setBusy(true);
      setError(null);
      try {
        const next = await api().call('notes.list', { limit: PAGE, ...(tag && { tag }), ...(companyId && { companyId }), ...(cursor && { cursor }) });
        if (!live()) return;
        setRows((shown) => (cursor ? [...shown, ...next.items] : next.items));
        setPage({ total: next.total, next: next.next });
      } catch (caught) {
        if (live()) setError(caught instanceof ApiError ? caught.message : String(caught));
      } finally {
        if (live()) setBusy(false);
      }
    },
    [tag, companyId],
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

  const newLink = (
    <Link to="/notes/new" className="button primary">
      {t('list.new')}
    </Link>
  );

  return (
    <>
      <h1>{t('title')}</h1>
      <p className="lead">{t('intro')}</p>
      <div className="note-list-tools">
        {newLink}
        {tags.state.status === 'ready' && tags.state.data.length > 0 && (
          <div className="field">
            <label htmlFor="note-tag-filter">{t('list.tag')}</label>
            <select id="note-tag-filter" value={tag} onChange={(event) => setParams({ ...(event.target.value && { tag: event.target.value }), ...(companyId && { companyId }) })}>
              <option value="">{t('list.allTags')}</option>
              {tags.state.data.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      {companyId && (
        <p className="hint">
          {t('list.companyOnly', { name: rows[0]?.companyName ?? t('list.thisCompany') })} <Link to="/notes">{t('list.allCompanies')}</Link>
        </p>
      )}
      {error && <ErrorMessage message={error} onRetry={() => void load(null)} />}
      {page && page.total === 0 ? (
        <EmptyState title={companyId ? t('list.noneForCompany') : tag ? t('list.noneTagged', { tag }) : t('list.emptyTitle')}>
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
            {rows.map((note) => (
              <NoteListRow key={note.id} note={note} />
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

function NoteListRow({ note }: { note: NoteRow }) {
  const { t } = useTranslation('notes');
  return (
    <li className="card note-row">
      <Link to={`/notes/${note.id}`} className="note-row-title">
        {note.title}
      </Link>
      <div className="hint">
        {t('list.updated', { time: formatDateTime(note.updatedAt) })}
        {note.companyName && ` · ${note.companyName}`}
        {note.tags.length > 0 && ` · ${note.tags.join(', ')}`}
      </div>
      {note.excerpt && <p className="note-excerpt">{note.excerpt}</p>}
    </li>
  );
}
