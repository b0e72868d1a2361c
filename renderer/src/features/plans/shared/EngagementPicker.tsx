import { useTranslation } from 'react-i18next';
import type { EngagementRow } from '@shared/api/diary';
import { formatDateTime } from '../../../i18n';

export const engagementLabel = (row: EngagementRow): string => `${row.title || row.companyName} · ${formatDateTime(row.occurredAt)}`;

/** Check the diary entries to link; entries linked earlier but since deleted are shown and can be removed. */
export function EngagementPicker({
  legend,
  rows,
  value,
  onChange,
  idPrefix,
}: {
  legend: string;
  rows: EngagementRow[];
  value: string[];
  onChange: (next: string[]) => void;
  idPrefix: string;
}) {
  const { t } = useTranslation('plans');
  const known = new Set(rows.map((r) => r.id));
  const missing = value.filter((id) => !known.has(id));
  const toggle = (id: string, on: boolean) => onChange(on ? [...value, id] : value.filter((v) => v !== id));
  return (
    <fieldset className="engagement-picker">
      <legend>{legend}</legend>
      {rows.length === 0 && <p className="hint">{t('engagements.none')}</p>}
      <ul className="check-list">
        {rows.map((row) => (
          <li key={row.id}>
            <label>
              <input type="checkbox" id={`${idPrefix}-${row.id}`} checked={value.includes(row.id)} onChange={(e) => toggle(row.id, e.target.checked)} /> {engagementLabel(row)}
            </label>
          </li>
        ))}
        {missing.map((id) => (
          <li key={id}>
            <label>
              <input type="checkbox" checked onChange={() => toggle(id, false)} /> {t('engagements.deleted')}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
