import { Controller, useFieldArray, useWatch, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { PACKAGE_MAX_FINDINGS, REVIEW_STATUSES, type EvidenceLinkDraft } from '@shared/api/plans';
import { CollapsibleSection } from '../../../components/CollapsibleSection';
import type { PickerOption } from '../../../components/RecordPicker';
import { formatDay } from '../../../i18n';
import { EvidencePicker } from './EvidencePicker';
import { emptyFinding, type PackageForm } from './package-form';

/**
 * The candidate findings, each with its evidence and review status. The user ticks the ones that go
 * in the package and orders them; the toolkit's "two or three" is a warning in the readiness panel.
 */
export function FindingsFieldset({ form, companyId, engagementLabels }: { form: UseFormReturn<PackageForm>; companyId: string; engagementLabels: ReadonlyMap<string, PickerOption> }) {
  const { t } = useTranslation('plans');
  const { fields, append, remove, move } = useFieldArray({ control: form.control, name: 'findings', keyName: 'key' });
  return (
    <fieldset>
      <legend>{t('findings.title')}</legend>
      <p className="hint">{t('findings.hint')}</p>
      {fields.map((field, index) => {
        const id = (name: string) => `finding-${index}-${name}`;
        const name = t('findings.item', { n: index + 1 });
        return (
          <div key={field.key} className="step-card" role="group" aria-label={name}>
            <div className="step-head">
              <h3>{name}</h3>
              <label className="checkbox" htmlFor={id('included')}>
                <input id={id('included')} type="checkbox" {...form.register(`findings.${index}.included`)} />
                {t('findings.included')}
              </label>
              <button type="button" className="button" onClick={() => move(index, index - 1)} disabled={index === 0} aria-label={t('findings.moveUp', { n: index + 1 })}>
                {t('moveUp')}
              </button>
              <button
                type="button"
                className="button"
                onClick={() => move(index, index + 1)}
                disabled={index === fields.length - 1}
                aria-label={t('findings.moveDown', { n: index + 1 })}
              >
                {t('moveDown')}
              </button>
              <button type="button" className="button danger" onClick={() => remove(index)} aria-label={t('findings.remove', { n: index + 1 })}>
                {t('remove')}
              </button>
            </div>
            <div className="field">
              <label htmlFor={id('title')}>{t('findings.findingTitle')}</label>
              <input id={id('title')} {...form.register(`findings.${index}.title`)} />
            </div>
            <div className="field">
              <label htmlFor={id('statement')}>{t('findings.statement')}</label>
              <textarea id={id('statement')} rows={3} {...form.register(`findings.${index}.statement`)} />
            </div>
            <Controller
              control={form.control}
              name={`findings.${index}.evidence`}
              render={({ field: evidence }) => (
                <EvidencePicker value={evidence.value as EvidenceLinkDraft[]} onChange={evidence.onChange} companyId={companyId} known={engagementLabels} idPrefix={id('evidence')} />
              )}
            />
            <ReviewFields form={form} index={index} />
          </div>
        );
      })}
      {fields.length < PACKAGE_MAX_FINDINGS && (
        <button type="button" className="button" onClick={() => append(emptyFinding(), { shouldFocus: true })}>
          {t('findings.add')}
        </button>
      )}
    </fieldset>
  );
}

/**
 * Who confirmed the finding, by role only, and when; or that it is disputed, and why. Closed, its
 * line gives the status with the role and date.
 */
function ReviewFields({ form, index }: { form: UseFormReturn<PackageForm>; index: number }) {
  const { t } = useTranslation('plans');
  const review = useWatch({ control: form.control, name: `findings.${index}.review` });
  const id = (name: string) => `finding-${index}-review-${name}`;
  const summary = [t(`review.statuses.${review?.status ?? 'unconfirmed'}`), review?.status !== 'unconfirmed' && review?.role?.trim(), review?.status !== 'unconfirmed' && review?.on && formatDay(review.on)]
    .filter(Boolean)
    .join(' · ');
  return (
    <CollapsibleSection name="package.findingReview" title={t('review.title', { n: index + 1 })} summary={summary}>
      <fieldset className="review-fields">
        <legend>{t('review.title', { n: index + 1 })}</legend>
        {review?.source === 'assessment' && <p className="hint">{t('review.fromAssessment')}</p>}
        {review?.source === 'partner' && <p className="hint">{t('review.fromPartner')}</p>}
        <div className="editor-grid">
          <div className="field">
            <label htmlFor={id('status')}>{t('review.status')}</label>
            <select id={id('status')} {...form.register(`findings.${index}.review.status`)}>
              {REVIEW_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {t(`review.statuses.${status}`)}
                </option>
              ))}
            </select>
          </div>
          {review?.status !== 'unconfirmed' && (
            <>
              <div className="field">
                <label htmlFor={id('role')}>{t('review.role')}</label>
                <input id={id('role')} aria-describedby={id('role-hint')} {...form.register(`findings.${index}.review.role`)} />
                <span id={id('role-hint')} className="hint">
                  {t('review.roleHint')}
                </span>
              </div>
              <div className="field">
                <label htmlFor={id('on')}>{t('review.on')}</label>
                <input id={id('on')} type="date" {...form.register(`findings.${index}.review.on`)} />
              </div>
            </>
          )}
        </div>
        <div className="field">
          <label htmlFor={id('note')}>{t('review.note')}</label>
          <input id={id('note')} {...form.register(`findings.${index}.review.note`)} />
        </div>
      </fieldset>
    </CollapsibleSection>
  );
}
