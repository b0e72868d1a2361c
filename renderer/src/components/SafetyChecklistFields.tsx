import type { FieldValues, Path, UseFormRegister } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { SAFETY_CHECKS } from '@shared/domain/safety';

interface Props<T extends FieldValues> {
  register: UseFormRegister<T>;
  /** Form path of the checklist array, e.g. "safety". Items are in SAFETY_CHECKS order. */
  name: string;
}

/** The operating-context checklist with the toolkit's guidance beside each item, and the app's own advice marked as such. */
export function SafetyChecklistFields<T extends FieldValues>({ register, name }: Props<T>) {
  const { t } = useTranslation('common');
  return (
    <fieldset className="safety-checklist">
      <legend>{t('safety.title')}</legend>
      <p className="hint">{t('safety.intro')}</p>
      {SAFETY_CHECKS.map((check, index) => (
        <div key={check.id} className="item-card">
          <label>
            <input type="checkbox" {...register(`${name}.${index}.done` as Path<T>)} /> <strong>{check.label}</strong>
          </label>
          <p className="hint">{check.guidance}</p>
          {'appAdvice' in check && (
            <p className="hint">
              <strong>{t('safety.appAdvice')}</strong> {check.appAdvice}
            </p>
          )}
          <div className="field">
            <label htmlFor={`${name}-${check.id}-note`}>{t('safety.note')}</label>
            <input id={`${name}-${check.id}-note`} {...register(`${name}.${index}.note` as Path<T>)} />
          </div>
        </div>
      ))}
    </fieldset>
  );
}
