import { useTranslation } from 'react-i18next';
import type { Partner } from '@shared/api/plans';

/** Coalition partners: an editable list of organisations and what each does. */
export function PartnersField({ value, onChange, idPrefix }: { value: Partner[]; onChange: (next: Partner[]) => void; idPrefix: string }) {
  const { t } = useTranslation('plans');
  const update = (index: number, patch: Partial<Partner>) => onChange(value.map((p, i) => (i === index ? { ...p, ...patch } : p)));
  return (
    <fieldset>
      <legend>{t('partners.title')}</legend>
      {value.length === 0 && <p className="hint">{t('partners.empty')}</p>}
      {value.map((partner, index) => (
        <div key={partner.id} className="item-card step-grid" role="group" aria-label={t('partners.item', { n: index + 1 })}>
          <div className="field">
            <label htmlFor={`${idPrefix}-partner-${index}-name`}>{t('partners.name')}</label>
            <input id={`${idPrefix}-partner-${index}-name`} value={partner.name} onChange={(e) => update(index, { name: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor={`${idPrefix}-partner-${index}-role`}>{t('partners.role')}</label>
            <input id={`${idPrefix}-partner-${index}-role`} value={partner.role} onChange={(e) => update(index, { role: e.target.value })} />
          </div>
          <div className="field">
            <button type="button" className="button" onClick={() => onChange(value.filter((_, i) => i !== index))} aria-label={t('partners.remove', { n: index + 1 })}>
              {t('remove')}
            </button>
          </div>
        </div>
      ))}
      <button type="button" className="button" onClick={() => onChange([...value, { id: crypto.randomUUID(), name: '', role: '' }])}>
        {t('partners.add')}
      </button>
    </fieldset>
  );
}
