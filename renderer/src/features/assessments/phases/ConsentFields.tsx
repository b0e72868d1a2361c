// Consent asked for each use, because a yes to publication is not a yes to a UN submission (where
// the State concerned may learn who the victims are); who took it and when; and a minor's extra care.
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CITATION_CHOICES, CONSENT_STATUSES, CONSENT_USES } from '@shared/api/assessments';
import { CollapsibleSection } from '../../../components/CollapsibleSection';
import { useWorkspace } from '../workspace/context';
import { blankConsent } from '../workspace/form-model';
import { consentCounts } from '../workspace/section-summaries';
import { SelectField, TextField } from './fields';

export function ConsentFields({ index }: { index: number }) {
  const { t } = useTranslation('assessments');
  const { form } = useWorkspace();
  const prefix = `stakeholders.${index}` as const;
  const team = useWatch({ control: form.control, name: 'team' }) ?? [];
  const minor = useWatch({ control: form.control, name: `${prefix}.minor` });
  const earlier = useWatch({ control: form.control, name: `${prefix}.consent.earlier` });
  const consent = useWatch({ control: form.control, name: `${prefix}.consent` });
  const statuses = CONSENT_STATUSES.map((value) => ({ value, label: t(`consent.${value}`) }));
  // Closed, the line says how much of the consent is recorded; one remembered state for every stakeholder.
  return (
    <CollapsibleSection lazy name="assessment.consent" title={t('consent.legend')} summary={t('sections.consent', consentCounts(consent ?? blankConsent()))} forceOpen={Boolean(earlier)}>
      <fieldset className="consent">
        <legend>{t('consent.legend')}</legend>
        <p className="hint">{t('consent.hint')}</p>
        {earlier && <p className="notice">{t('consent.earlier', { status: t(`consent.${earlier}`) })}</p>}
        <div className="editor-grid">
          {CONSENT_USES.map((use) => (
            <SelectField key={use} id={`stakeholder-${index}-consent-${use}`} name={`${prefix}.consent.${use}`} label={t(`consent.uses.${use}`)} hint={t(`consent.useHints.${use}`)} options={statuses} />
          ))}
          <SelectField
            id={`stakeholder-${index}-citation`}
            name={`${prefix}.consent.citation`}
            label={t('consent.citation')}
            options={CITATION_CHOICES.map((value) => ({ value, label: t(`consent.citations.${value}`) }))}
          />
          <SelectField
            id={`stakeholder-${index}-consent-by`}
            name={`${prefix}.consent.takenBy`}
            label={t('consent.takenBy')}
            hint={t('consent.takenByHint')}
            options={[{ value: '', label: t('consent.noMember') }, ...team.map((m, j) => ({ value: m.id, label: m.role || t('team.member', { number: j + 1 }) }))]}
          />
          <TextField id={`stakeholder-${index}-consent-on`} name={`${prefix}.consent.takenOn`} label={t('consent.takenOn')} type="date" />
        </div>
        <TextField id={`stakeholder-${index}-consent-conditions`} name={`${prefix}.consent.conditions`} label={t('consent.conditions')} />
        <label className="check">
          <input type="checkbox" {...form.register(`${prefix}.minor`)} /> {t('consent.minor')}
        </label>
        {minor && (
          <label className="check">
            <input type="checkbox" {...form.register(`${prefix}.guardianConsent`)} /> {t('consent.guardian')}
          </label>
        )}
      </fieldset>
    </CollapsibleSection>
  );
}
