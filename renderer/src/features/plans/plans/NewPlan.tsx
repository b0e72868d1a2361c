import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AsyncView } from '../../../components/AsyncView';
import { useApi } from '../../../components/useApi';
import { userLocale } from '../../../i18n/locale-format';

/** Pick a ladder template (or a blank plan) and the target company, then open the editor. */
export function NewPlan() {
  const { t } = useTranslation('plans');
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [companyId, setCompanyId] = useState(params.get('companyId') ?? '');
  const templates = useApi('plans.templates', { locale: userLocale() });
  const companies = useApi('companies.list', null);
  const open = (template: string | null) => {
    const query = new URLSearchParams();
    if (template) query.set('template', template);
    if (companyId) query.set('companyId', companyId);
    navigate(`/plans/edit/new?${query.toString()}`);
  };
  return (
    <>
      <h1>{t('new.title')}</h1>
      <p className="lead">{t('new.intro')}</p>
      <div className="field">
        <label htmlFor="new-plan-company">{t('editor.company')}</label>
        <select id="new-plan-company" value={companyId} onChange={(e) => setCompanyId(e.target.value)}>
          <option value="">{t('editor.noCompany')}</option>
          {companies.state.status === 'ready' &&
            companies.state.data.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
        </select>
        {companies.state.status === 'ready' && companies.state.data.length === 0 && (
          <span className="hint">
            {t('editor.noCompanies')} <Link to="/diary/companies/new">{t('editor.addCompany')}</Link>
          </span>
        )}
      </div>
      <AsyncView state={templates.state} onRetry={templates.reload}>
        {(list) => (
          <ul className="plan-grid" aria-label={t('new.templates')}>
            {list.map((template) => (
              <li key={template.id} className="card">
                <h2>{template.name}</h2>
                <p>{template.description}</p>
                <ol className="hint">
                  {template.steps.map((step, i) => (
                    <li key={i}>{step.title}</li>
                  ))}
                </ol>
                <button type="button" className="button primary" onClick={() => open(template.id)} aria-label={t('new.useNamed', { name: template.name })}>
                  {t('new.use')}
                </button>
              </li>
            ))}
            <li className="card">
              <h2>{t('new.blank')}</h2>
              <p>{t('new.blankBody')}</p>
              <button type="button" className="button" onClick={() => open(null)}>
                {t('new.startBlank')}
              </button>
            </li>
          </ul>
        )}
      </AsyncView>
    </>
  );
}
