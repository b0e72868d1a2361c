import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TimelineItem } from '@shared/api/plans';
import { AsyncView } from '../../../components/AsyncView';
import { EmptyState } from '../../../components/EmptyState';
import { useApi } from '../../../components/useApi';
import { formatDay } from '../../../i18n';

const HORIZON_DAYS = 180;

/** Month by month: what falls due across plans (step dates, escalation triggers) and the diary. */
export function TimelinePage() {
  const { t } = useTranslation('plans');
  const { state, reload } = useApi('plans.timeline', { horizonDays: HORIZON_DAYS });
  return (
    <>
      <h1>{t('timeline.title')}</h1>
      <p className="lead">{t('timeline.intro', { days: HORIZON_DAYS })}</p>
      <AsyncView state={state} onRetry={reload}>
        {({ items }) =>
          items.length === 0 ? (
            <EmptyState title={t('timeline.emptyTitle')} action={<Link to="/plans">{t('nav.plans')}</Link>}>
              <p>{t('timeline.emptyBody')}</p>
            </EmptyState>
          ) : (
            <Months items={items} />
          )
        }
      </AsyncView>
    </>
  );
}

function Months({ items }: { items: TimelineItem[] }) {
  const { t } = useTranslation('plans');
  const overdue = items.filter((i) => i.overdue);
  const months = new Map<string, TimelineItem[]>();
  for (const item of items.filter((i) => !i.overdue)) months.set(item.date.slice(0, 7), [...(months.get(item.date.slice(0, 7)) ?? []), item]);
  const monthName = (month: string) => new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
  return (
    <>
      {overdue.length > 0 && (
        <section className="timeline-month" aria-labelledby="timeline-overdue">
          <h2 id="timeline-overdue">{t('timeline.overdue', { count: overdue.length })}</h2>
          <Items items={overdue} />
        </section>
      )}
      {[...months].map(([month, list]) => (
        <section key={month} className="timeline-month" aria-labelledby={`timeline-${month}`}>
          <h2 id={`timeline-${month}`}>{monthName(month)}</h2>
          <Items items={list} />
        </section>
      ))}
    </>
  );
}

function Items({ items }: { items: TimelineItem[] }) {
  const { t } = useTranslation('plans');
  return (
    <ol className="due-list">
      {items.map((item, i) => (
        <li key={i} className="timeline-item">
          <time dateTime={item.date} className={item.overdue ? 'overdue' : ''}>
            {formatDay(item.date)}
          </time>
          <span className="kind">{t(`timeline.kinds.${item.kind}`)}</span>
          {item.planId ? <Link to={`/plans/edit/${item.planId}`}>{item.title}</Link> : <Link to={`/diary/entries/${item.engagementId}`}>{item.title}</Link>}
          <span className="hint">{item.context}</span>
        </li>
      ))}
    </ol>
  );
}
