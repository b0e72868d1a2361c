import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { StepSpan, TimelineItem } from '@shared/api/plans';
import { AsyncView } from '../../../components/AsyncView';
import { EmptyState } from '../../../components/EmptyState';
import { useApi } from '../../../components/useApi';
import { dateFormatter, formatDay, userLocale } from '../../../i18n';

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
        {({ items, spans }) =>
          items.length === 0 && spans.length === 0 ? (
            <EmptyState title={t('timeline.emptyTitle')} action={<Link to="/plans">{t('nav.plans')}</Link>}>
              <p>{t('timeline.emptyBody')}</p>
            </EmptyState>
          ) : (
            <>
              {spans.length > 0 && <Overlap spans={spans} />}
              <Months items={items} />
            </>
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
  const monthName = (month: string) => dateFormatter(userLocale(), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
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
          <Link to={item.planId ? `/plans/edit/${item.planId}` : item.submissionId ? `/submissions/${item.submissionId}` : `/diary/entries/${item.engagementId}`}>{item.title}</Link>
          <span className="hint">
            {item.context}
            {item.filedOn && ` · ${t(item.kind === 'reply' ? 'timeline.sentOn' : 'timeline.filedOn', { date: formatDay(item.filedOn) })}`}
          </span>
        </li>
      ))}
    </ol>
  );
}

const DAY = 86_400_000;
const dayNumber = (isoDate: string) => Date.parse(`${isoDate}T00:00:00Z`) / DAY;

/** Steps with a start and a target date, per plan, drawn on one scale so overlaps show. */
function Overlap({ spans }: { spans: StepSpan[] }) {
  const { t } = useTranslation('plans');
  const first = Math.min(...spans.map((s) => dayNumber(s.start)));
  const last = Math.max(...spans.map((s) => dayNumber(s.end)));
  const range = Math.max(1, last - first);
  const earliest = spans.reduce((a, s) => (s.start < a ? s.start : a), spans[0]!.start);
  const plans = new Map<string, StepSpan[]>();
  for (const span of spans) plans.set(span.planId, [...(plans.get(span.planId) ?? []), span]);
  return (
    <section className="timeline-month" aria-labelledby="timeline-overlap" data-testid="timeline-overlap">
      <h2 id="timeline-overlap">{t('timeline.overlapTitle')}</h2>
      <p className="hint">{t('timeline.overlapIntro', { from: formatDay(earliest) })}</p>
      {[...plans].map(([planId, list]) => (
        <table key={planId} className="schedule">
          <caption>
            <Link to={`/plans/edit/${planId}`}>{list[0]!.planTitle}</Link>
          </caption>
          <tbody>
            {list.map((span, i) => (
              <tr key={i}>
                <th scope="row">
                  {span.title}
                  <div className="dates hint">{t('timeline.span', { start: formatDay(span.start), end: formatDay(span.end) })}</div>
                </th>
                <td aria-hidden="true">
                  <span className="bar" style={{ left: `${((dayNumber(span.start) - first) / range) * 100}%`, width: `${((dayNumber(span.end) - dayNumber(span.start)) / range) * 100}%` }} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </section>
  );
}
