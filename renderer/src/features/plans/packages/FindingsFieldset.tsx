import { Controller, useFieldArray, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { PACKAGE_MAX_FINDINGS, type EvidenceLinkDraft } from '@shared/api/plans';
import type { EngagementRow } from '@shared/api/diary';
import { EvidencePicker } from './EvidencePicker';
import { emptyFinding, type PackageForm } from './package-form';

/** Two or three concrete findings, each with the evidence that supports it. */
export function FindingsFieldset({ form, engagements }: { form: UseFormReturn<PackageForm>; engagements: EngagementRow[] }) {
  const { t } = useTranslation('plans');
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'findings', keyName: 'key' });
  return (
    <fieldset>
      <legend>{t('findings.title')}</legend>
      <p className="hint">{t('findings.hint')}</p>
      {fields.map((field, index) => {
        const id = (name: string) => `finding-${index}-${name}`;
        return (
          <div key={field.key} className="step-card" role="group" aria-label={t('findings.item', { n: index + 1 })}>
            <div className="step-head">
              <h3>{t('findings.item', { n: index + 1 })}</h3>
              <button type="button" className="button danger" onClick={() => remove(index)} aria-label={t('findings.remove', { n: index + 1 })}>
                {t('remove')}
              </button>
            </div>
            <div className="field">
              <label htmlFor={id('title')}>{t('findings.findingTitle')}</label>
              <input id={id('title')} {...form.register(`findings.${index}.title`)} />
            </div>
            <div className="field">
              <label htmlFor={id('statement')}>{t('findings.statement')}</label>
              <textarea id={id('statement')} rows={3} {...form.register(`findings.${index}.statement`)} />
            </div>
            <Controller
              control={form.control}
              name={`findings.${index}.evidence`}
              render={({ field: evidence }) => (
                <EvidencePicker value={evidence.value as EvidenceLinkDraft[]} onChange={evidence.onChange} engagements={engagements} idPrefix={id('evidence')} />
              )}
            />
          </div>
        );
      })}
      {fields.length < PACKAGE_MAX_FINDINGS && (
        <button type="button" className="button" onClick={() => append(emptyFinding(), { shouldFocus: true })}>
          {t('findings.add')}
        </button>
      )}
    </fieldset>
  );
}
