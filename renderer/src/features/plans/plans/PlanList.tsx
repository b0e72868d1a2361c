import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AsyncView } from '../../../components/AsyncView';
import { EmptyState } from '../../../components/EmptyState';
import { useApi } from '../../../components/useApi';
import { formatDateTime } from '../../../i18n';
import { RowProvenance } from '../../exchange/RowProvenance';

export function PlanList() {
  const { t } = useTranslation('plans');
  const { state, reload } = useApi('plans.list', null);
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="lead">{t('intro')}</p>
      <AsyncView state={state} onRetry={reload}>
        {(plans) =>
          plans.length === 0 ? (
            <EmptyState title={t('list.emptyTitle')} action={<Link to="/plans/new" className="button primary">{t('nav.newPlan')}</Link>}>
              <p>{t('list.emptyBody')}</p>
            </EmptyState>
          ) : (
            <ul className="plan-grid" aria-label={t('list.label')}>
              {plans.map((plan) => (
                <li key={plan.id}>
                  <Link to={`/plans/edit/${plan.id}`} className="card">
                    <strong>{plan.title}</strong>
                    <RowProvenance entity="plan" id={plan.id} />
                    <div className="hint">{plan.companyName ?? t('list.noCompany')}</div>
                    <div>{t('list.progress', { done: plan.stepsDone, total: plan.steps })}</div>
                    {plan.currentStep && <div className="hint">{t('list.current', { step: plan.currentStep })}</div>}
                    <div className="hint">{t('list.updated', { time: formatDateTime(plan.updatedAt) })}</div>
                  </Link>
                </li>
              ))}
            </ul>
          )
        }
      </AsyncView>
    </>
  );
}
