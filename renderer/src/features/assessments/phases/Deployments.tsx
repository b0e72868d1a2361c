// Phase 8 in the toolkit's sense ("deploy findings in company engagement and wider advocacy"): any
// recorded use counts, such as a published report or a UN submission, not only a plan made here.
import { useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { DEPLOYMENT_KINDS } from '@shared/api/assessments';
import { useWorkspace } from '../workspace/context';
import { newDeployment } from '../workspace/form-model';
import { RemoveButton, SelectField, TextField } from './fields';

export function Deployments() {
  const { t } = useTranslation('assessments');
  const { form } = useWorkspace();
  const deployments = useFieldArray({ control: form.control, name: 'use.deployments', keyName: 'key' });
  return (
    <section className="card" aria-labelledby="deployments-title">
      <h2 id="deployments-title">{t('deployments.title')}</h2>
      <p className="hint">{t('deployments.hint')}</p>
      {deployments.fields.map((field, i) => (
        <div key={field.key} className="item-card" role="group" aria-label={t('deployments.item', { number: i + 1 })}>
          <div className="editor-grid">
            <SelectField
              id={`deployment-${i}-kind`}
              name={`use.deployments.${i}.kind`}
              label={t('deployments.kind')}
              options={DEPLOYMENT_KINDS.map((value) => ({ value, label: t(`deployments.kinds.${value}`) }))}
            />
            <TextField id={`deployment-${i}-on`} name={`use.deployments.${i}.on`} label={t('deployments.on')} type="date" />
          </div>
          <TextField id={`deployment-${i}-what`} name={`use.deployments.${i}.what`} label={t('deployments.what')} hint={t('deployments.whatHint')} />
          <RemoveButton label={t('deployments.remove', { number: i + 1 })} onClick={() => deployments.remove(i)} />
        </div>
      ))}
      <button type="button" className="button" onClick={() => deployments.append(newDeployment(), { shouldFocus: true })}>
        {t('deployments.add')}
      </button>
    </section>
  );
}
