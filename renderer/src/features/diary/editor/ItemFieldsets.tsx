import { useFieldArray, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { COMMITMENT_STATUSES } from '@shared/api/diary';
import type { EngagementForm } from './form-model';

type Form = UseFormReturn<EngagementForm>;

/** Commitments are on the routine path, so they stay open; the summary says how many and how many are overdue. */
export function CommitmentsFieldset({ form, summary }: { form: Form; summary: string }) {
  const { t } = useTranslation('diary');
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'commitments', keyName: 'key' });
  return (
    <fieldset className="commitments" data-testid="commitments">
      <legend>
        {t('editor.commitments')} <span className="section-summary">{summary}</span>
      </legend>
      {fields.map((field, index) => {
        const id = (name: string) => `commitment-${index}-${name}`;
        return (
          <div key={field.key} className="item-card item-row commitment-row" role="group" aria-label={`${t('editor.commitment')} ${index + 1}`}>
            <div className="field">
              <label htmlFor={id('text')}>{t('editor.commitment')}</label>
              <input id={id('text')} {...form.register(`commitments.${index}.text`, { required: true })} />
            </div>
            <div className="field">
              <label htmlFor={id('owner')}>{t('editor.who')}</label>
              <input id={id('owner')} {...form.register(`commitments.${index}.owner`)} />
            </div>
            <div className="field">
              <label htmlFor={id('due')}>{t('editor.due')}</label>
              <input id={id('due')} type="date" {...form.register(`commitments.${index}.dueDate`)} />
            </div>
            <div className="field">
              <label htmlFor={id('status')}>{t('editor.status')}</label>
              <select id={id('status')} {...form.register(`commitments.${index}.status`)}>
                {COMMITMENT_STATUSES.map((status) => (
                  <option key={status} value={status}>
                    {t(`statuses.${status}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={id('evidence')}>{t('editor.evidence')}</label>
              <input id={id('evidence')} {...form.register(`commitments.${index}.evidence`)} />
            </div>
            <button type="button" className="button" onClick={() => remove(index)} aria-label={`${t('editor.remove')} ${t('editor.commitment')} ${index + 1}`}>
              {t('editor.remove')}
            </button>
          </div>
        );
      })}
      <button
        type="button"
        className="button"
        onClick={() => append({ id: crypto.randomUUID(), text: '', owner: '', dueDate: null, status: 'open', evidence: '' }, { shouldFocus: true })}
      >
        {t('editor.addCommitment')}
      </button>
    </fieldset>
  );
}

export function FollowUpsFieldset({ form }: { form: Form }) {
  const { t } = useTranslation('diary');
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'followUps', keyName: 'key' });
  return (
    <fieldset>
      <legend>{t('editor.followUps')}</legend>
      {fields.map((field, index) => {
        const id = (name: string) => `follow-up-${index}-${name}`;
        return (
          <div key={field.key} className="item-card item-row" role="group" aria-label={`${t('editor.followUp')} ${index + 1}`}>
            <div className="field">
              <label htmlFor={id('text')}>{t('editor.followUp')}</label>
              <input id={id('text')} {...form.register(`followUps.${index}.text`, { required: true })} />
            </div>
            <div className="field">
              <label htmlFor={id('owner')}>{t('editor.owner')}</label>
              <input id={id('owner')} {...form.register(`followUps.${index}.owner`)} />
            </div>
            <div className="field">
              <label htmlFor={id('due')}>{t('editor.due')}</label>
              <input id={id('due')} type="date" {...form.register(`followUps.${index}.dueDate`)} />
            </div>
            <div className="field">
              <label>
                <input type="checkbox" {...form.register(`followUps.${index}.done`)} /> {t('editor.done')}
              </label>
            </div>
            <button type="button" className="button" onClick={() => remove(index)} aria-label={`${t('editor.remove')} ${t('editor.followUp')} ${index + 1}`}>
              {t('editor.remove')}
            </button>
          </div>
        );
      })}
      <button
        type="button"
        className="button"
        onClick={() => append({ id: crypto.randomUUID(), text: '', owner: '', dueDate: null, done: false }, { shouldFocus: true })}
      >
        {t('editor.addFollowUp')}
      </button>
    </fieldset>
  );
}
