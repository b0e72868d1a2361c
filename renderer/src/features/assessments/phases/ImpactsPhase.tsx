import { useFieldArray, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { HARM_CATEGORIES } from '@shared/api/assessments';
import { useWorkspace } from '../workspace/context';
import { newImpact } from '../workspace/form-model';
import { EvidencePicker } from './EvidencePicker';
import { IdChecklist, PhaseHeader, RemoveButton, SourcesAndReview, TextField } from './fields';
import { Missing } from './Missing';
import { SeverityFields } from './SeverityFields';

/** Impact records: what happened, to whom (by pseudonym), when, where on the platform, how badly, and the company's part. */
export function ImpactsPhase() {
  const { t } = useTranslation('assessments');
  const { form } = useWorkspace();
  const impacts = useFieldArray({ control: form.control, name: 'impacts', keyName: 'key' });
  const stakeholders = useWatch({ control: form.control, name: 'stakeholders' }) ?? [];
  const issues = useWatch({ control: form.control, name: 'issues' }) ?? [];
  const who = stakeholders.map((s) => ({ id: s.id, label: s.pseudonym || t('impacts.unnamedStakeholder') }));
  const concerns = issues.map((issue, i) => ({ id: issue.id, label: issue.concern || t('issues.concern', { number: i + 1 }) }));
  return (
    <>
      <PhaseHeader phase="impacts">{t('impacts.intro')}</PhaseHeader>
      {impacts.fields.map((field, i) => (
        <fieldset key={field.key} className="impact-card">
          <legend>{t('impacts.impact', { number: i + 1 })}</legend>
          <TextField id={`impact-${i}-title`} name={`impacts.${i}.title`} label={t('impacts.title')} />
          <TextField id={`impact-${i}-what`} name={`impacts.${i}.whatHappened`} label={t('impacts.whatHappened')} hint={t('impacts.whatHappenedHint')} multiline />
          <IdChecklist name={`impacts.${i}.stakeholderIds`} legend={t('impacts.who')} options={who} empty={t('impacts.noStakeholders')} />
          <div className="editor-grid">
            <TextField id={`impact-${i}-when`} name={`impacts.${i}.occurredOn`} label={t('impacts.when')} type="date" />
            <TextField id={`impact-${i}-feature`} name={`impacts.${i}.platformFeature`} label={t('impacts.feature')} hint={t('impacts.featureHint')} />
            <div className="field">
              <label htmlFor={`impact-${i}-harm`}>{t('impacts.harm')}</label>
              <select id={`impact-${i}-harm`} {...form.register(`impacts.${i}.harm`)}>
                {HARM_CATEGORIES.map((harm) => (
                  <option key={harm} value={harm}>
                    {t(`harms.${harm}`)}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <SeverityFields index={i} />
          <IdChecklist name={`impacts.${i}.issueIds`} legend={t('impacts.issues')} options={concerns} empty={t('impacts.noIssues')} />
          <EvidencePicker index={i} />
          <SourcesAndReview prefix={`impacts.${i}`} idPrefix={`impact-${i}`} />
          <RemoveButton label={t('impacts.remove', { number: i + 1 })} onClick={() => impacts.remove(i)} />
        </fieldset>
      ))}
      <button type="button" className="button" onClick={() => impacts.append(newImpact(), { shouldFocus: true })}>
        {t('impacts.add')}
      </button>
      <Missing phase="impacts" />
    </>
  );
}
