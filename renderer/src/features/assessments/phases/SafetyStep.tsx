import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { SAFETY_ANSWERS, SAFETY_RISK_LEVELS } from '@shared/api/assessments';
import { useWorkspace } from '../workspace/context';
import { TextField } from './fields';

/** The toolkit's "Safety first" callout as the step every assessment begins with. */
export function SafetyStep() {
  const { t } = useTranslation('assessments');
  const { form, guide, companies, check } = useWorkspace();
  const answer = useWatch({ control: form.control, name: 'safety.answer' });
  return (
    <>
      <header className="phase-header">
        <h1 id="phase-title">{t('safety.title')}</h1>
        <blockquote className="toolkit-quote">
          <p>{guide.safetyFirst}</p>
          <footer className="hint">{t('phase.toolkitSays')}</footer>
        </blockquote>
      </header>
      <TextField id="title" name="title" label={t('safety.assessmentTitle')} hint={t('safety.assessmentTitleHint')} />
      <div className="editor-grid">
        <TextField id="platform" name="platform" label={t('safety.platform')} hint={t('safety.platformHint')} />
        <div className="field">
          <label htmlFor="companyId">{t('safety.company')}</label>
          <select id="companyId" {...form.register('companyId')}>
            <option value="">{t('safety.noCompany')}</option>
            {companies.map((company) => (
              <option key={company.id} value={company.id}>
                {company.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      <fieldset>
        <legend>{t('safety.protocolLegend')}</legend>
        {SAFETY_ANSWERS.filter((a) => a !== 'unanswered').map((value) => (
          <label key={value} className="check">
            <input type="radio" value={value} {...form.register('safety.answer')} /> {t(`safety.answers.${value}`)}
          </label>
        ))}
      </fieldset>
      {answer === 'consulted' && (
        <>
          <div className="field">
            <label htmlFor="safety-risk">{t('safety.riskLevel')}</label>
            <select id="safety-risk" {...form.register('safety.riskLevel')}>
              {SAFETY_RISK_LEVELS.map((level) => (
                <option key={level} value={level}>
                  {t(`safety.risk.${level}`)}
                </option>
              ))}
            </select>
          </div>
          <TextField id="safety-mitigations" name="safety.mitigations" label={t('safety.mitigations')} hint={t('safety.mitigationsHint')} multiline />
        </>
      )}
      {answer === 'not-applicable' && <TextField id="safety-reason" name="safety.notApplicableReason" label={t('safety.reason')} hint={t('safety.reasonHint')} multiline />}
      {check && !check.safetyAnswered && (
        <div className="notice" data-testid="safety-missing">
          <p>{t('safety.stillNeeded')}</p>
          <ul>
            {check.safetyMissing.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </div>
      )}
      {check?.safetyAnswered && <p className="hint">{t('safety.answered')}</p>}
      <p className="hint">{t('safety.private')}</p>
    </>
  );
}
