import type { UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { AsyncView } from '../../../components/AsyncView';
import { useApi } from '../../../components/useApi';
import type { PlanForm } from './plan-form';

/** The six principles, each with the toolkit's own guidance quoted and a note of what we did. */
export function PrinciplesChecklist({ form }: { form: UseFormReturn<PlanForm> }) {
  const { t } = useTranslation('plans');
  const { state, reload } = useApi('plans.principles', null);
  return (
    <fieldset>
      <legend>{t('principles.title')}</legend>
      <p className="hint">{t('principles.intro')}</p>
      <AsyncView state={state} onRetry={reload}>
        {(principles) => (
          <>
            {principles.map((principle) => {
              const index = form.getValues('principles').findIndex((p) => p.key === principle.key);
              if (index < 0) return null;
              const id = `principle-${principle.key}`;
              return (
                <div key={principle.key} className="principle" role="group" aria-labelledby={`${id}-label`}>
                  <label id={`${id}-label`}>
                    <input type="checkbox" {...form.register(`principles.${index}.done`)} /> <strong>{principle.number}</strong> {principle.title}
                  </label>
                  {principle.guidance && <blockquote cite="kb:safe-engagement">{principle.guidance}</blockquote>}
                  <div className="field">
                    <label htmlFor={`${id}-note`}>{t('principles.note', { title: principle.title })}</label>
                    <textarea id={`${id}-note`} rows={2} {...form.register(`principles.${index}.note`)} />
                  </div>
                </div>
              );
            })}
          </>
        )}
      </AsyncView>
    </fieldset>
  );
}
