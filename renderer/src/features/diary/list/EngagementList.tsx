import { memo, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { EngagementRow } from '@shared/api/diary';
import { AsyncView } from '../../../components/AsyncView';
import { sameName } from '../../../components/distinct-names';
import { EmptyState } from '../../../components/EmptyState';
import { useFixedRows } from '../../../components/useFixedRows';
import { dateFormatter, userLocale } from '../../../i18n';
import { DueDashboard } from '../DueDashboard';
import { EngagementFilters } from './EngagementFilters';
import { filterFromParams, listKey } from './first-window';
import { useEntryWindows, type EntryList } from './useEntryWindows';

const ROW_HEIGHT = 48;
const FIRST_SCREEN_ROWS = 12;

export function EngagementList() {
  const { t } = useTranslation('diary');
  const [params, setParams] = useSearchParams();
  const filter = filterFromParams(params);
  const { state, reload } = useEntryWindows(filter, listKey(params));
  const filtered = [...params.keys()].length > 0;
  // Kept as they are while windows of the list arrive (each one renders this component again).
  const dashboard = useMemo(() => <DueDashboard />, []);
  const filters = useMemo(() => <EngagementFilters params={params} onChange={setParams} />, [params, setParams]);

  return (
    <>
      <h1>{t('title')}</h1>
      <p className="lead">{t('intro')}</p>
      {dashboard}
      {filters}
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
  // A screenful before the list is measured, so the first render already shows rows.
  const { rows, totalSize, scrollToIndex } = useFixedRows(scroller, { count: list.total, rowHeight: ROW_HEIGHT, overscan: 12, initialRows: FIRST_SCREEN_ROWS });
  const first = rows[0]?.index ?? 0;
  const last = rows.at(-1)?.index ?? 0;
  const { ensure } = list;
  useEffect(() => ensure(first, last), [ensure, first, last]);

  const jump = async (event: FormEvent) => {
    event.preventDefault();
    if (!day) return;
    const index = Math.min(await list.positionOf(day), list.total - 1);
    scrollToIndex(index);
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
        <div className="entry-list-inner" style={{ height: totalSize }}>
          {rows.map((row) => {
            const item = list.rowAt(row.index);
            return item ? (
              <EntryRow key={item.id} item={item} position={row.index + 1} total={list.total} top={row.start} />
            ) : (
              <PendingRow key={`pending-${row.index}`} position={row.index + 1} total={list.total} top={row.start} />
            );
          })}
        </div>
      </div>
    </>
  );
}

// One formatter per locale: building one costs more than formatting a screen of rows with it, and
// a fast scroll renders dozens of new rows a frame.
const rowTimeFormats = new Map<string, Intl.DateTimeFormat>();
function rowTime(iso: string): string {
  const locale = userLocale();
  let format = rowTimeFormats.get(locale);
  if (!format) {
    format = dateFormatter(locale, { dateStyle: 'medium', timeStyle: 'short' });
    rowTimeFormats.set(locale, format);
  }
  return format.format(new Date(iso));
}

interface RowPlace {
  /** 1-based, as aria-posinset counts. */
  position: number;
  total: number;
  top: number;
}

/** A loaded row. Memoised: while the list scrolls, rows already on screen only move. */
const EntryRow = memo(function EntryRow({ item, position, total, top }: RowPlace & { item: EngagementRow }) {
  const { t } = useTranslation('diary');
  return (
    <Link
      role="listitem"
      to={`/diary/entries/${item.id}`}
      className="entry-row"
      style={{ top, height: ROW_HEIGHT }}
      aria-setsize={total}
      aria-posinset={position}
    >
      <span className="when">{rowTime(item.occurredAt)}</span>
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
});

/** A row whose window has not arrived yet. */
const PendingRow = memo(function PendingRow({ position, total, top }: RowPlace) {
  const { t } = useTranslation('diary');
  return (
    <div role="listitem" className="entry-row pending" style={{ top, height: ROW_HEIGHT }} aria-busy="true" aria-setsize={total} aria-posinset={position}>
      <span className="when">…</span>
      <span className="what hint">{t('list.loadingRow')}</span>
    </div>
  );
});
