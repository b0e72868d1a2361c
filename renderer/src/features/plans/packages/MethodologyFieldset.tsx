import { useFieldArray, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { SOURCE_TYPES } from '@shared/api/plans';
import { emptySource, type PackageForm } from './package-form';

/**
 * "Methodology and verification": what the evidence rests on, the period, consent and
 * anonymisation, how it was checked and what it does not show. Printed in every export, with the
 * reason for sending unconfirmed findings when there is one.
 */
export function MethodologyFieldset({ form }: { form: UseFormReturn<PackageForm> }) {
  const { t } = useTranslation('plans');
  const { register, control } = form;
  const { fields, append, remove } = useFieldArray({ control, name: 'methodology.sources', keyName: 'key' });
  return (
    <fieldset>
      <legend>{t('methodology.title')}</legend>
      <p className="hint">{t('methodology.hint')}</p>
      <fieldset>
        <legend>{t('methodology.sources')}</legend>
        {fields.map((field, index) => {
          const id = (name: string) => `source-${index}-${name}`;
          return (
            <div key={field.key} className="item-card" role="group" aria-label={t('methodology.source', { n: index + 1 })}>
              <div className="editor-grid">
                <div className="field">
                  <label htmlFor={id('type')}>{t('methodology.sourceType', { n: index + 1 })}</label>
                  <select id={id('type')} {...register(`methodology.sources.${index}.type`)}>
                    {SOURCE_TYPES.map((type) => (
                      <option key={type} value={type}>
                        {t(`methodology.types.${type}`)}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="field">
                  <label htmlFor={id('count')}>{t('methodology.count')}</label>
                  <input id={id('count')} type="number" min={0} inputMode="numeric" {...register(`methodology.sources.${index}.count`)} />
                </div>
                <div className="field">
                  <label htmlFor={id('note')}>{t('methodology.sourceNote')}</label>
                  <input id={id('note')} {...register(`methodology.sources.${index}.note`)} />
                </div>
              </div>
              <button type="button" className="button danger" onClick={() => remove(index)} aria-label={t('methodology.removeSource', { n: index + 1 })}>
                {t('remove')}
              </button>
            </div>
          );
        })}
        <button type="button" className="button" onClick={() => append(emptySource(), { shouldFocus: true })}>
          {t('methodology.addSource')}
        </button>
      </fieldset>
      <div className="editor-grid">
        <div className="field">
          <label htmlFor="method-from">{t('methodology.periodFrom')}</label>
          <input id="method-from" type="date" {...register('methodology.periodFrom')} />
        </div>
        <div className="field">
          <label htmlFor="method-to">{t('methodology.periodTo')}</label>
          <input id="method-to" type="date" {...register('methodology.periodTo')} />
        </div>
      </div>
      {(
        [
          ['consent', 'method-consent'],
          ['verification', 'method-verification'],
          ['limitations', 'method-limitations'],
        ] as const
      ).map(([name, id]) => (
        <div className="field" key={name}>
          <label htmlFor={id}>{t(`methodology.${name}`)}</label>
          <textarea id={id} rows={3} aria-describedby={`${id}-hint`} {...register(`methodology.${name}`)} />
          <span id={`${id}-hint`} className="hint">
            {t(`methodology.${name}Hint`)}
          </span>
        </div>
      ))}
      <div className="field">
        <label htmlFor="unconfirmed-reason">{t('methodology.unconfirmedReason')}</label>
        <textarea id="unconfirmed-reason" rows={2} aria-describedby="unconfirmed-reason-hint" {...register('unconfirmedReason')} />
        <span id="unconfirmed-reason-hint" className="hint">
          {t('methodology.unconfirmedReasonHint')}
        </span>
      </div>
    </fieldset>
  );
}
