import { useFieldArray, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ASK_AUDIENCES, PACKAGE_MAX_ASKS } from '@shared/api/plans';
import { emptyAsk, type PackageForm } from './package-form';

/**
 * The asks, each to companies or to governments, ticked to go in the package and in the order
 * printed. Five is the toolkit's advice; the readiness panel warns, and says which audience the
 * chosen forum can address.
 */
export function AsksFieldset({ form }: { form: UseFormReturn<PackageForm> }) {
  const { t } = useTranslation('plans');
  const { fields, append, remove, move } = useFieldArray({ control: form.control, name: 'asks', keyName: 'key' });
  return (
    <fieldset>
      <legend>{t('asks.title')}</legend>
      <p className="hint">{t('asks.hint')}</p>
      {fields.map((field, index) => {
        const id = (name: string) => `ask-${index}-${name}`;
        const name = t('asks.item', { n: index + 1 });
        return (
          <div key={field.key} className="item-card" role="group" aria-label={name}>
            <div className="step-head">
              <label className="checkbox" htmlFor={id('included')}>
                <input id={id('included')} type="checkbox" {...form.register(`asks.${index}.included`)} />
                {t('asks.included', { n: index + 1 })}
              </label>
              <button type="button" className="button" onClick={() => move(index, index - 1)} disabled={index === 0} aria-label={t('asks.moveUp', { n: index + 1 })}>
                {t('moveUp')}
              </button>
              <button type="button" className="button" onClick={() => move(index, index + 1)} disabled={index === fields.length - 1} aria-label={t('asks.moveDown', { n: index + 1 })}>
                {t('moveDown')}
              </button>
              <button type="button" className="button danger" onClick={() => remove(index)} aria-label={t('asks.remove', { n: index + 1 })}>
                {t('remove')}
              </button>
            </div>
            <div className="ask-row">
              <div className="field">
                <label htmlFor={id('audience')}>{t('asks.audience', { n: index + 1 })}</label>
                <select id={id('audience')} {...form.register(`asks.${index}.audience`)}>
                  {ASK_AUDIENCES.map((audience) => (
                    <option key={audience} value={audience}>
                      {t(`asks.audiences.${audience}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor={id('text')}>{name}</label>
                <textarea id={id('text')} rows={2} {...form.register(`asks.${index}.text`)} />
              </div>
            </div>
          </div>
        );
      })}
      {fields.length < PACKAGE_MAX_ASKS && (
        <button type="button" className="button" onClick={() => append(emptyAsk('company'), { shouldFocus: true })}>
          {t('asks.add')}
        </button>
      )}
    </fieldset>
  );
}
