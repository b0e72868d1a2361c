import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AsyncView } from '../../../components/AsyncView';
import { sameName } from '../../../components/distinct-names';
import { EmptyState } from '../../../components/EmptyState';
import { formatDateTime } from '../../../i18n';
import { DueDashboard } from '../DueDashboard';
import { EngagementFilters } from './EngagementFilters';
import { filterFromParams } from './first-window';
import { useEntryWindows, type EntryList } from './useEntryWindows';

const ROW_HEIGHT = 48;

export function EngagementList() {
  const { t } = useTranslation('diary');
  const [params, setParams] = useSearchParams();
  const filter = filterFromParams(params);
  const { state, reload } = useEntryWindows(filter, params.toString());
  const filtered = [...params.keys()].length > 0;

  return (
    <>
      <h1>{t('title')}</h1>
      <p className="lead">{t('intro')}</p>
      <DueDashboard />
      <EngagementFilters params={params} onChange={setParams} />
      <AsyncView state={state} onRetry={reload}>
        {(list) =>
          list.total === 0 && !filtered ? (
            <EmptyState title={t('list.emptyTitle')} action={<Link to="/diary/new" className="button primary">{t('nav.newEntry')}</Link>}>
              <p>{t('list.emptyBody')}</p>
            </EmptyState>
          ) : list.total === 0 ? (
            <p className="hint" role="status">
              {t('list.noMatch')}{' '}
              <button type="button" className="button" onClick={() => setParams({})}>
                {t('list.clear')}
              </button>
            </p>
          ) : (
            <VirtualEntries list={list} canJump={filter.sort !== 'company'} />
          )
        }
      </AsyncView>
    </>
  );
}

/** Only the rows in view are in the page; their windows load as they scroll into view. */
function VirtualEntries({ list, canJump }: { list: EntryList; canJump: boolean }) {
  const { t } = useTranslation('diary');
  const scroller = useRef<HTMLDivElement>(null);
  const [day, setDay] = useState('');
  const virtualizer = useVirtualizer({ count: list.total, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const rows = virtualizer.getVirtualItems();
  const first = rows[0]?.index ?? 0;
  const last = rows.at(-1)?.index ?? 0;
  const { ensure } = list;
  useEffect(() => ensure(first, last), [ensure, first, last]);

  const jump = async (event: FormEvent) => {
    event.preventDefault();
    if (!day) return;
    const index = Math.min(await list.positionOf(day), list.total - 1);
    virtualizer.scrollToIndex(index, { align: 'start' });
  };

  return (
    <>
      <div className="list-bar">
        <p className="hint" role="status">
          {t('list.count', { count: list.total })}
        </p>
        {canJump && (
          <form className="jump" onSubmit={jump} aria-label={t('list.jumpLabel')}>
            <label htmlFor="jump-day">{t('list.jumpTo')}</label>
            <input id="jump-day" type="date" value={day} onChange={(event) => setDay(event.target.value)} />
            <button type="submit" className="button">
              {t('list.jump')}
            </button>
          </form>
        )}
      </div>
      <div ref={scroller} className="entry-list" role="list" aria-label={t('list.label')} data-testid="entry-list">
        <div className="entry-list-inner" style={{ height: virtualizer.getTotalSize() }}>
          {rows.map((row) => {
            const item = list.rowAt(row.index);
            const place = { top: row.start, height: ROW_HEIGHT };
            if (!item) {
              return (
                <div key={`pending-${row.index}`} role="listitem" className="entry-row pending" style={place} aria-busy="true" aria-setsize={list.total} aria-posinset={row.index + 1}>
                  <span className="when">…</span>
                  <span className="what hint">{t('list.loadingRow')}</span>
                </div>
              );
            }
            return (
              <Link
                key={item.id}
                role="listitem"
                to={`/diary/entries/${item.id}`}
                className="entry-row"
                style={place}
                aria-setsize={list.total}
                aria-posinset={row.index + 1}
              >
                <span className="when">{formatDateTime(item.occurredAt)}</span>
                <span className="what">
                  <strong>{item.companyName}</strong>
                  {item.title && !sameName(item.title, item.companyName) ? item.title : t(`channels.${item.channel}`)}
                  {item.tags.map((tag) => (
                    <span key={tag} className="tag">
                      {tag}
                    </span>
                  ))}
                </span>
                {item.openCommitments > 0 && <span className="pill-open">{t('list.openCommitments', { count: item.openCommitments })}</span>}
              </Link>
            );
          })}
        </div>
      </div>
    </>
  );
}
