import type { UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { RISK_LEVELS } from '@shared/api/diary';
import type { EngagementForm } from './form-model';

/** Principle 04: the risk to people before and after the engagement. */
export function RiskFields({ form }: { form: UseFormReturn<EngagementForm> }) {
  const { t } = useTranslation('diary');
  return (
    <fieldset>
      <legend>{t('sections.risk')}</legend>
      <p className="hint">{t('editor.riskHint')}</p>
      <div className="editor-grid">
        {(['riskBefore', 'riskAfter'] as const).map((name) => (
          <div key={name}>
            <div className="field">
              <label htmlFor={`${name}-level`}>{t(`editor.${name}`)}</label>
              <select id={`${name}-level`} {...form.register(`${name}.level`)}>
                {RISK_LEVELS.map((level) => (
                  <option key={level} value={level}>
                    {t(`risk.${level}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${name}-notes`}>{t(name === 'riskBefore' ? 'editor.riskNotesBefore' : 'editor.riskNotesAfter')}</label>
              <textarea id={`${name}-notes`} {...form.register(`${name}.notes`)} />
            </div>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
