import type { UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ASK_AUDIENCES, SUGGESTED_ASKS } from '@shared/api/plans';
import type { PackageForm } from './package-form';

/** Up to five clear asks (the toolkit's advice), each addressed to companies or to governments. */
export function AsksFieldset({ form }: { form: UseFormReturn<PackageForm> }) {
  const { t } = useTranslation('plans');
  return (
    <fieldset>
      <legend>{t('asks.title', { count: SUGGESTED_ASKS })}</legend>
      <p className="hint">{t('asks.hint')}</p>
      {Array.from({ length: SUGGESTED_ASKS }, (_, index) => {
        const id = (name: string) => `ask-${index}-${name}`;
        return (
          <div key={index} className="ask-row item-card" role="group" aria-label={t('asks.item', { n: index + 1 })}>
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
              <label htmlFor={id('text')}>{t('asks.item', { n: index + 1 })}</label>
              <textarea id={id('text')} rows={2} {...form.register(`asks.${index}.text`)} />
            </div>
          </div>
        );
      })}
    </fieldset>
  );
}
