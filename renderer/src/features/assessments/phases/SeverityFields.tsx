// Severity rated as UNGPs 14 and 24 describe it (scale, scope, irremediability, and likelihood for a
// potential impact), the overall level derived from the ratings and shown, never chosen; and how the
// company is involved (UNGP 13, 19).
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { IMPACT_NATURES, INVOLVEMENTS, SEVERITY_CRITERIA, type SeverityCriterion } from '@shared/api/assessments';
import { deriveSeverity } from '@shared/domain/severity';
import { useWorkspace } from '../workspace/context';
import { SelectField, TextField } from './fields';

const BASE: SeverityCriterion[] = ['scale', 'scope', 'irremediability'];

export function SeverityFields({ index }: { index: number }) {
  const { t } = useTranslation('assessments');
  const { form } = useWorkspace();
  const prefix = `impacts.${index}` as const;
  const nature = useWatch({ control: form.control, name: `${prefix}.nature` }) ?? 'actual';
  const severity = useWatch({ control: form.control, name: `${prefix}.severity` });
  const criteria: SeverityCriterion[] = nature === 'potential' ? [...BASE, 'likelihood'] : BASE;
  const derived = severity ? deriveSeverity(severity, nature) : null;
  const overall = !derived
    ? t('severity.overall.not-assessed')
    : derived.status === 'rated' || derived.status === 'rated-before-criteria'
      ? t(`severity.overall.${derived.status}`, { level: t(`severities.${derived.level}`) })
      : t(`severity.overall.${derived.status}`, { missing: derived.missing.map((c) => t(`severity.criteria.${c}`)).join(', ') });
  return (
    <>
      <fieldset className="severity">
        <legend>{t('severity.legend')}</legend>
        <p className="hint">{t('severity.hint')}</p>
        <SelectField
          id={`impact-${index}-nature`}
          name={`${prefix}.nature`}
          label={t('severity.nature')}
          options={IMPACT_NATURES.map((value) => ({ value, label: t(`severity.natures.${value}`) }))}
        />
        <div className="editor-grid">
          {criteria.map((criterion) => (
            <SelectField
              key={criterion}
              id={`impact-${index}-${criterion}`}
              name={`${prefix}.severity.${criterion}`}
              label={t(`severity.criteria.${criterion}`)}
              hint={t(`severity.criteriaHints.${criterion}`)}
              options={SEVERITY_CRITERIA[criterion].map((value) => ({ value, label: t(`severity.levels.${criterion}.${value}`) }))}
            />
          ))}
        </div>
        <TextField id={`impact-${index}-severity-rationale`} name={`${prefix}.severity.rationale`} label={t('severity.rationale')} />
        <p className="derived-severity" role="status" data-testid={`impact-${index}-overall-severity`}>
          <strong>{t('severity.overallLabel')}</strong> {overall}
        </p>
      </fieldset>
      <fieldset>
        <legend>{t('involvement.legend')}</legend>
        <p className="hint">{t('involvement.hint')}</p>
        <div className="editor-grid">
          <SelectField
            id={`impact-${index}-involvement`}
            name={`${prefix}.involvement`}
            label={t('involvement.label')}
            options={INVOLVEMENTS.map((value) => ({ value, label: t(`involvement.options.${value}`) }))}
          />
          <TextField id={`impact-${index}-involvement-note`} name={`${prefix}.involvementNote`} label={t('involvement.note')} hint={t('involvement.noteHint')} />
        </div>
      </fieldset>
    </>
  );
}
