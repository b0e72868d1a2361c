import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { EngagementRow } from '@shared/api/diary';
import { AsyncView } from '../../../components/AsyncView';
import { EmptyState } from '../../../components/EmptyState';
import { useApi } from '../../../components/useApi';
import { formatDateTime } from '../../../i18n';
import { DueDashboard } from '../DueDashboard';
import { EngagementFilters, filterFromParams } from './EngagementFilters';

const ROW_HEIGHT = 48;
/** Enough for years of work; the list is virtualised, so only visible rows are in the page. */
const MAX_ROWS = 20_000;

export function EngagementList() {
  const { t } = useTranslation('diary');
  const [params, setParams] = useSearchParams();
  const filter = filterFromParams(params);
  const { state, reload } = useApi('engagements.list', { ...filter, limit: MAX_ROWS }, [params.toString()]);
  const filtered = [...params.keys()].length > 0;

  return (
    <>
      <h1>{t('title')}</h1>
      <p className="lead">{t('intro')}</p>
      <DueDashboard />
      <EngagementFilters params={params} onChange={setParams} />
      <AsyncView state={state} onRetry={reload}>
        {({ items, total }) =>
          total === 0 && !filtered ? (
            <EmptyState title={t('list.emptyTitle')} action={<Link to="/diary/new" className="button primary">{t('nav.newEntry')}</Link>}>
              <p>{t('list.emptyBody')}</p>
            </EmptyState>
          ) : total === 0 ? (
            <p className="hint" role="status">
              {t('list.noMatch')}{' '}
              <button type="button" className="button" onClick={() => setParams({})}>
                {t('list.clear')}
              </button>
            </p>
          ) : (
            <>
              <p className="hint" role="status">
                {t('list.count', { count: total })}
              </p>
              <VirtualEntries items={items} />
            </>
          )
        }
      </AsyncView>
    </>
  );
}

function VirtualEntries({ items }: { items: EngagementRow[] }) {
  const { t } = useTranslation('diary');
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: items.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });

  return (
    <div ref={scroller} className="entry-list" role="list" aria-label={t('list.label')} data-testid="entry-list">
      <div className="entry-list-inner" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((row) => {
          const item = items[row.index]!;
          return (
            <Link
              key={item.id}
              role="listitem"
              to={`/diary/entries/${item.id}`}
              className="entry-row"
              style={{ top: row.start, height: ROW_HEIGHT }}
              aria-setsize={items.length}
              aria-posinset={row.index + 1}
            >
              <span className="when">{formatDateTime(item.occurredAt)}</span>
              <span className="what">
                <strong>{item.companyName}</strong>
                {item.title || t(`channels.${item.channel}`)}
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
  );
}
