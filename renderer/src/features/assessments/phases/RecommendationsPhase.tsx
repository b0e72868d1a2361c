import { useFieldArray, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { RECOMMENDATION_AUDIENCES } from '@shared/api/assessments';
import { useWorkspace } from '../workspace/context';
import { IdChecklist, PhaseHeader, RemoveButton, TextField } from './fields';
import { Missing } from './Missing';

export function RecommendationsPhase() {
  const { t } = useTranslation('assessments');
  const { form } = useWorkspace();
  const items = useFieldArray({ control: form.control, name: 'recommendations', keyName: 'key' });
  const impacts = useWatch({ control: form.control, name: 'impacts' }) ?? [];
  const options = impacts.map((impact, i) => ({ id: impact.id, label: t('impacts.impact', { number: i + 1 }) + (impact.title ? `: ${impact.title}` : '') }));
  return (
    <>
      <PhaseHeader phase="recommendations">{t('recommendations.intro')}</PhaseHeader>
      {items.fields.map((field, i) => (
        <fieldset key={field.key}>
          <legend>{t('recommendations.item', { number: i + 1 })}</legend>
          <div className="field">
            <label htmlFor={`recommendation-${i}-audience`}>{t('recommendations.audience')}</label>
            <select id={`recommendation-${i}-audience`} {...form.register(`recommendations.${i}.audience`)}>
              {RECOMMENDATION_AUDIENCES.map((audience) => (
                <option key={audience} value={audience}>
                  {t(`recommendations.audiences.${audience}`)}
                </option>
              ))}
            </select>
          </div>
          <TextField id={`recommendation-${i}-text`} name={`recommendations.${i}.text`} label={t('recommendations.text')} multiline />
          <IdChecklist name={`recommendations.${i}.impactIds`} legend={t('recommendations.impacts')} options={options} empty={t('recommendations.noImpacts')} />
          <RemoveButton label={t('recommendations.remove', { number: i + 1 })} onClick={() => items.remove(i)} />
        </fieldset>
      ))}
      <div className="actions">
        {RECOMMENDATION_AUDIENCES.map((audience) => (
          <button key={audience} type="button" className="button" onClick={() => items.append({ id: crypto.randomUUID(), audience, text: '', impactIds: [] }, { shouldFocus: true })}>
            {t(`recommendations.add.${audience}`)}
          </button>
        ))}
      </div>
      <Missing phase="recommendations" />
    </>
  );
}
