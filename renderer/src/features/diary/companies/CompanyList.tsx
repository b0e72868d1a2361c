import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AsyncView } from '../../../components/AsyncView';
import { EmptyState } from '../../../components/EmptyState';
import { useApi } from '../../../components/useApi';

export function CompanyList() {
  const { t } = useTranslation('diary');
  const { state, reload } = useApi('companies.list', null);
  return (
    <>
      <h1>{t('companies.title')}</h1>
      <p>
        <Link to="/diary/companies/new" className="button">
          {t('nav.newCompany')}
        </Link>
      </p>
      <AsyncView state={state} onRetry={reload}>
        {(companies) =>
          companies.length === 0 ? (
            <EmptyState title={t('companies.title')}>
              <p>{t('companies.empty')}</p>
            </EmptyState>
          ) : (
            <ul className="company-grid">
              {companies.map((company) => (
                <li key={company.id}>
                  <Link to={`/diary/companies/${company.id}`} className="card">
                    <strong>{company.name}</strong>
                    <div className="hint">
                      {t(`sectors.${company.sector}`)}
                      {company.hqCountry && ` · ${company.hqCountry}`}
                    </div>
                    <div>{t('companies.engagements', { count: company.engagements })}</div>
                    {company.overdueCommitments > 0 && <div className="error-text">{t('companies.overdue', { count: company.overdueCommitments })}</div>}
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
