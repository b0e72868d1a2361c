import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { DueItem } from '@shared/api/diary';
import { AsyncView } from '../../components/AsyncView';
import { useApi } from '../../components/useApi';
import { formatDay } from '../../i18n';
import './diary.css';

/** Overdue and upcoming commitments and follow-ups across companies. */
export function DueDashboard() {
  const { t } = useTranslation('diary');
  const { state, reload } = useApi('dashboard.due', { horizonDays: 30 });
  return (
    <section className="card" aria-labelledby="due-title">
      <h2 id="due-title">{t('due.title')}</h2>
      <AsyncView state={state} onRetry={reload}>
        {({ overdue, upcoming }) =>
          overdue.length + upcoming.length === 0 ? (
            <p className="hint">{t('due.none')}</p>
          ) : (
            <>
              {overdue.length > 0 && <DueList title={t('due.overdue')} items={overdue} />}
              {upcoming.length > 0 && <DueList title={t('due.upcoming')} items={upcoming} />}
            </>
          )
        }
      </AsyncView>
    </section>
  );
}

function DueList({ title, items }: { title: string; items: DueItem[] }) {
  const { t } = useTranslation('diary');
  return (
    <>
      <h3>
        {title} ({items.length})
      </h3>
      <ul className="due-list">
        {items.map((item) => (
          <li key={`${item.kind}:${item.id}`}>
            <span className="kind">{item.kind === 'commitment' ? t('due.commitment') : t('due.followUp')}</span>
            <Link to={`/diary/entries/${item.engagementId}`}>{item.text}</Link>
            <span>
              <Link to={`/diary/companies/${item.companyId}`}>{item.companyName}</Link>
              {item.owner && ` · ${item.owner}`}
            </span>
            <span className={item.overdue ? 'overdue' : 'hint'}>{t('due.dueOn', { date: formatDay(item.dueDate) })}</span>
          </li>
        ))}
      </ul>
    </>
  );
}
