import { useTranslation } from 'react-i18next';
import type { PlanStep } from '@shared/api/plans';
import { formatDay } from '../../../i18n';

interface Props {
  idPrefix: string;
  mechanismId: string | null;
  riskLevel: string;
  value: PlanStep['exposureAcknowledged'];
  onChange: (value: PlanStep['exposureAcknowledged']) => void;
}

const today = () => {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
};

/**
 * "I have read what this route makes public and who it exposes." Required (by core) before a step
 * of a high-risk plan is in progress or done; it holds for the step's current mechanism only, and
 * core records the date it was first saved.
 */
export function ExposureAcknowledgement({ idPrefix, mechanismId, riskLevel, value, onChange }: Props) {
  const { t } = useTranslation('plans');
  const current = value !== null && value.mechanismId === mechanismId;
  return (
    <div className={`exposure-ack${riskLevel === 'high' && !current ? ' required' : ''}`} data-testid="exposure-ack">
      <label className="check" htmlFor={`${idPrefix}-ack`}>
        <input id={`${idPrefix}-ack`} type="checkbox" checked={current} onChange={(e) => onChange(e.target.checked ? { on: today(), mechanismId } : null)} />{' '}
        {mechanismId ? t('exposure.acknowledge') : t('exposure.acknowledgeNoEntry')}
      </label>
      {current && value && <span className="hint"> {t('exposure.acknowledgedOn', { date: formatDay(value.on) })}</span>}
      {riskLevel === 'high' && !current && <p className="hint">{t('exposure.requiredHigh')}</p>}
    </div>
  );
}
