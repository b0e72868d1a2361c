import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../../api/client';
import { AsyncView, ErrorMessage } from '../../../components/AsyncView';
import { useApi } from '../../../components/useApi';
import { userLocale } from '../../../i18n/locale-format';
import { useWorkspace } from '../workspace/context';
import { PhaseHeader, TextField } from './fields';
import { Deployments } from './Deployments';
import { Missing } from './Missing';

type Outcome = { findingsLeftOut: number; asksLeftOut: number };

/** Phase 8: the recommendations become a strategy plan and an evidence package in one step, and every other use is recorded. */
export function UsePhase() {
  const { t } = useTranslation('assessments');
  const { assessment, dirty, replaceSaved } = useWorkspace();
  const templates = useApi('plans.templates', { locale: userLocale() });
  const mechanisms = useApi('kb.mechanisms.list', null);
  const [templateId, setTemplateId] = useState('full-ladder');
  const [forumId, setForumId] = useState('');
  const [working, setWorking] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  const planId = assessment?.use.planId ?? null;
  const packageId = assessment?.use.packageId ?? null;

  const create = async () => {
    if (!assessment) return;
    setWorking(true);
    setError(null);
    try {
      const result = await api().call('assessments.useResults', { id: assessment.id, templateId, forumMechanismId: forumId || null });
      replaceSaved(result.assessment);
      setOutcome(result);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : String(caught));
    } finally {
      setWorking(false);
    }
  };

  return (
    <>
      <PhaseHeader phase="use">{t('use.intro')}</PhaseHeader>
      {planId && packageId ? (
        <section className="card" aria-labelledby="use-made">
          <h2 id="use-made">{t('use.madeTitle')}</h2>
          <ul>
            <li>
              <Link to={`/plans/edit/${planId}`}>{t('use.openPlan')}</Link>
            </li>
            <li>
              <Link to={`/plans/packages/${packageId}`}>{t('use.openPackage')}</Link>
            </li>
          </ul>
          {outcome && (outcome.findingsLeftOut > 0 || outcome.asksLeftOut > 0) && (
            <p className="notice" role="status">
              {t('use.leftOut', { findings: outcome.findingsLeftOut, asks: outcome.asksLeftOut })}
            </p>
          )}
        </section>
      ) : (
        <section className="card" aria-labelledby="use-create">
          <h2 id="use-create">{t('use.createTitle')}</h2>
          <p className="hint">{t('use.createHint')}</p>
          <AsyncView state={templates.state} onRetry={templates.reload}>
            {(list) => (
              <div className="field">
                <label htmlFor="use-template">{t('use.template')}</label>
                <select id="use-template" value={templateId} onChange={(event) => setTemplateId(event.target.value)}>
                  {list.map((template) => (
                    <option key={template.id} value={template.id}>
                      {template.name}
                    </option>
                  ))}
                </select>
              </div>
            )}
          </AsyncView>
          <AsyncView state={mechanisms.state} onRetry={mechanisms.reload}>
            {(list) => (
              <div className="field">
                <label htmlFor="use-forum">{t('use.forum')}</label>
                <select id="use-forum" value={forumId} onChange={(event) => setForumId(event.target.value)}>
                  <option value="">{t('use.noForum')}</option>
                  {list.map((mechanism) => (
                    <option key={mechanism.id} value={mechanism.id}>
                      {mechanism.name}
                    </option>
                  ))}
                </select>
              </div>
            )}
          </AsyncView>
          {dirty && <p className="hint">{t('use.saveFirst')}</p>}
          <button type="button" className="button primary" disabled={dirty || working || !assessment} onClick={() => void create()}>
            {working ? t('use.working') : t('use.create')}
          </button>
          {error && <ErrorMessage message={error} />}
        </section>
      )}
      <Deployments />
      <TextField id="use-notes" name="use.notes" label={t('use.notes')} hint={t('use.notesHint')} multiline />
      <Missing phase="use" />
    </>
  );
}
