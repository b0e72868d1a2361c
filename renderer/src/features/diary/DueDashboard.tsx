import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { DueGroup, DueItem, DuePage, DueSummary } from '@shared/api/diary';
import { api } from '../../api/client';
import { AsyncView, ErrorMessage } from '../../components/AsyncView';
import { useApi } from '../../components/useApi';
import { useFixedRows } from '../../components/useFixedRows';
import { formatDay } from '../../i18n';
import './diary.css';

const HORIZON_DAYS = 30;
/** Items shown per group before "show all". */
const FIRST_PAGE = 5;
const PAGE = 50;
const ROW_HEIGHT = 40;
/** Rows in view in "show all" (24rem high in diary.css), counted until the list is measured. */
const VISIBLE_ROWS = 10;
/** The biggest overdue piles named on the dashboard; the companies page lists every one. */
const COMPANIES_SHOWN = 8;

/**
 * What is due across companies: a count and the first few items of each group (overdue, this
 * week, later), the overdue pile summarised per company, and "show all" as a virtualised list
 * that loads a page at a time. The response stays small whatever the vault holds.
 */
export function DueDashboard() {
  const { t } = useTranslation('diary');
  const { state, reload } = useApi('dashboard.due', { horizonDays: HORIZON_DAYS, limit: FIRST_PAGE });
  return (
    <section className="card" aria-labelledby="due-title">
      <h2 id="due-title">{t('due.title')}</h2>
      <AsyncView state={state} onRetry={reload}>
        {(summary) =>
          summary.groups.overdue.total + summary.groups.thisWeek.total + summary.groups.later.total === 0 ? (
            <p className="hint">{t('due.none')}</p>
          ) : (
            <>
              {summary.overdueByCompany.length > 1 && <OverdueByCompany summary={summary} />}
              {(['overdue', 'thisWeek', 'later'] as const).map(
                (group) => summary.groups[group].total > 0 && <DueGroupView key={group} group={group} today={summary.today} first={summary.groups[group]} />,
              )}
            </>
          )
        }
      </AsyncView>
    </section>
  );
}

function OverdueByCompany({ summary }: { summary: DueSummary }) {
  const { t } = useTranslation('diary');
  return (
    <>
      <h3>{t('due.byCompany')}</h3>
      <ul className="due-companies">
        {summary.overdueByCompany.slice(0, COMPANIES_SHOWN).map((row) => (
          <li key={row.companyId}>
            <Link to={`/diary/companies/${row.companyId}`}>{row.companyName}</Link>{' '}
            <span className="overdue">{t('due.overdueCount', { count: row.count })}</span>{' '}
            <span className="hint">{t('due.oldest', { date: formatDay(row.oldestDueDate) })}</span>
          </li>
        ))}
      </ul>
      {summary.overdueByCompany.length > COMPANIES_SHOWN && (
        <p className="hint">
          <Link to="/diary/companies">{t('due.moreCompanies', { count: summary.overdueByCompany.length - COMPANIES_SHOWN })}</Link>
        </p>
      )}
    </>
  );
}

function DueGroupView({ group, today, first }: { group: DueGroup; today: string; first: DuePage }) {
  const { t } = useTranslation('diary');
  const [all, setAll] = useState(false);
  const titleId = `due-${group}`;
  return (
    <div className="due-group">
      <h3 id={titleId}>
        {t(`due.groups.${group}`)} ({first.total})
      </h3>
      {all ? (
        <AllDue group={group} today={today} total={first.total} labelledBy={titleId} />
      ) : (
        <ul className="due-list" aria-labelledby={titleId}>
          {first.items.map((item) => (
            <li key={`${item.kind}:${item.id}`}>
              <DueRow item={item} />
            </li>
          ))}
        </ul>
      )}
      {first.total > first.items.length && (
        <button type="button" className="button" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? t('due.showFewer') : t('due.showAll', { count: first.total })}
        </button>
      )}
    </div>
  );
}

/** Every item of one group, a page at a time as the list scrolls; only visible rows are in the page. */
function AllDue({ group, today, total, labelledBy }: { group: DueGroup; today: string; total: number; labelledBy: string }) {
  const [items, setItems] = useState<DueItem[]>([]);
  const [next, setNext] = useState<string | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const loading = useRef(false);
  const scroller = useRef<HTMLDivElement>(null);
  const { rows, totalSize } = useFixedRows(scroller, { count: total, rowHeight: ROW_HEIGHT, overscan: 10, initialRows: VISIBLE_ROWS });
  const lastVisible = rows.at(-1)?.index ?? 0;

  useEffect(() => {
    const more = next === undefined || (next !== null && lastVisible >= items.length - 1);
    if (!more || loading.current || error) return;
    loading.current = true;
    api()
      .call('dashboard.duePage', { group, today, horizonDays: HORIZON_DAYS, limit: PAGE, ...(next ? { cursor: next } : {}) })
      .then(
        (page) => {
          setItems((previous) => [...previous, ...page.items]);
          setNext(page.next);
        },
        (caught: unknown) => setError(caught instanceof Error ? caught.message : String(caught)),
      )
      .finally(() => {
        loading.current = false;
      });
  }, [group, today, next, lastVisible, items.length, error]);

  if (error) return <ErrorMessage message={error} onRetry={() => setError(null)} />;
  return (
    <div ref={scroller} className="due-all" role="list" aria-labelledby={labelledBy}>
      <div className="entry-list-inner" style={{ height: totalSize }}>
        {rows.map((row) => {
          const item = items[row.index];
          return (
            <div key={row.index} role="listitem" className="due-row" style={{ top: row.start, height: ROW_HEIGHT }} aria-busy={!item}>
              {item ? <DueRow item={item} /> : '…'}
            </div>
          );
        })}
      </div>
    </div>
  );
}

const KIND_KEYS = { commitment: 'due.commitment', 'follow-up': 'due.followUp', filing: 'due.filing', reply: 'due.reply' } as const;

/** One item: a diary entry's commitment or follow-up, or a submission draft's filing deadline or awaited reply. */
function DueRow({ item }: { item: DueItem }) {
  const { t } = useTranslation('diary');
  const to = item.submissionId ? `/submissions/${item.submissionId}` : `/diary/entries/${item.engagementId}`;
  return (
    <>
      <span className="kind">{t(KIND_KEYS[item.kind])}</span>
      <Link to={to}>{item.text}</Link>
      <span>
        {item.companyId && <Link to={`/diary/companies/${item.companyId}`}>{item.companyName}</Link>}
        {item.owner && ` · ${item.owner}`}
        {item.filedOn && ` · ${t(item.kind === 'reply' ? 'due.sentOn' : 'due.filedOn', { date: formatDay(item.filedOn) })}`}
      </span>
      <span className={item.overdue ? 'overdue' : 'hint'}>{t('due.dueOn', { date: formatDay(item.dueDate) })}</span>
    </>
  );
}
