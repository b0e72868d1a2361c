import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AsyncView } from '../../../components/AsyncView';
import { EmptyState } from '../../../components/EmptyState';
import { useApi } from '../../../components/useApi';
import { formatDateTime } from '../../../i18n';
import { RowProvenance } from '../../exchange/RowProvenance';

export function PackageList() {
  const { t } = useTranslation('plans');
  const { state, reload } = useApi('packages.list', null);
  const newLink = (
    <Link to="/plans/packages/new" className="button primary">
      {t('packages.new')}
    </Link>
  );
  return (
    <>
      <h1>{t('packages.title')}</h1>
      <p className="lead">{t('packages.intro')}</p>
      <AsyncView state={state} onRetry={reload}>
        {(packages) =>
          packages.length === 0 ? (
            <EmptyState title={t('packages.emptyTitle')} action={newLink}>
              <p>{t('packages.emptyBody')}</p>
            </EmptyState>
          ) : (
            <>
              {newLink}
              <ul className="plan-grid" aria-label={t('packages.title')}>
                {packages.map((pkg) => (
                  <li key={pkg.id}>
                    <Link to={`/plans/packages/${pkg.id}`} className="card">
                      <strong>{pkg.title}</strong>
                      <RowProvenance entity="package" id={pkg.id} />
                      <div className={pkg.ready ? '' : 'hint'}>{pkg.ready ? t('packages.ready') : t('packages.incomplete')}</div>
                      <div className="hint">{t('list.updated', { time: formatDateTime(pkg.updatedAt) })}</div>
                    </Link>
                  </li>
                ))}
              </ul>
            </>
          )
        }
      </AsyncView>
    </>
  );
}
