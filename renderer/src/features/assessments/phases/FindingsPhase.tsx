import { useState } from 'react';
import { useFieldArray, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../../api/client';
import { ErrorMessage } from '../../../components/AsyncView';
import { CollapsibleSection } from '../../../components/CollapsibleSection';
import { Markdown } from '../../../components/Markdown';
import { formatDateTime, userLocale } from '../../../i18n';
import { useWorkspace } from '../workspace/context';
import { draftFromForm, newFinding } from '../workspace/form-model';
import { findingReviewCounts } from '../workspace/section-summaries';
import { IdChecklist, PhaseHeader, RemoveButton, SourcesAndReview, TextField } from './fields';
import { BeforePublication } from './BeforePublication';
import { Missing } from './Missing';
import { ReportExport } from './ReportExport';

export function FindingsPhase() {
  const { t } = useTranslation('assessments');
  const { form, check, assessment } = useWorkspace();
  const findings = useFieldArray({ control: form.control, name: 'findings', keyName: 'key' });
  const impacts = useWatch({ control: form.control, name: 'impacts' }) ?? [];
  const written = useWatch({ control: form.control, name: 'findings' }) ?? [];
  const reviewed = findingReviewCounts(written);
  const options = impacts.map((impact, i) => ({ id: impact.id, label: t('impacts.impact', { number: i + 1 }) + (impact.title ? `: ${impact.title}` : '') }));
  return (
    <>
      <PhaseHeader phase="findings">{t('findings.intro')}</PhaseHeader>
      <CollapsibleSection
        name="assessment.findings"
        title={t('sections.findings')}
        summary={reviewed.total === 0 ? t('sections.noFindings') : t('sections.findingsReviewed', { count: reviewed.total, reviewed: reviewed.reviewed })}
        defaultOpen
      >
        {findings.fields.map((field, i) => (
          <fieldset key={field.key}>
            <legend>{t('findings.item', { number: i + 1 })}</legend>
            <TextField id={`finding-${i}-title`} name={`findings.${i}.title`} label={t('findings.title')} />
            <TextField id={`finding-${i}-statement`} name={`findings.${i}.statement`} label={t('findings.statement')} multiline />
            <IdChecklist name={`findings.${i}.impactIds`} legend={t('findings.impacts')} options={options} empty={t('recommendations.noImpacts')} />
            <SourcesAndReview prefix={`findings.${i}`} idPrefix={`finding-${i}`} />
            <RemoveButton label={t('findings.remove', { number: i + 1 })} onClick={() => findings.remove(i)} />
          </fieldset>
        ))}
        <button type="button" className="button" onClick={() => findings.append(newFinding(), { shouldFocus: true })}>
          {t('findings.add')}
        </button>
      </CollapsibleSection>

      {check && check.unconfirmed.length > 0 && (
        <section className="card" aria-labelledby="unconfirmed-title">
          <h2 id="unconfirmed-title">{t('findings.unconfirmedTitle')}</h2>
          <p className="hint">{t('findings.unconfirmedHint')}</p>
          <ul data-testid="unconfirmed">
            {check.unconfirmed.map((item) => (
              <li key={item.id}>{item.label}</li>
            ))}
          </ul>
        </section>
      )}

      <BeforePublication />
      <ReportEditor />
      <Missing phase="findings" />
      {assessment && <ReportExport id={assessment.id} />}
    </>
  );
}

/** The compiled report: assembled from phases 1–6 and the findings, then edited here and saved. */
function ReportEditor() {
  const { t } = useTranslation('assessments');
  const { form, assessment } = useWorkspace();
  const markdown = useWatch({ control: form.control, name: 'report.markdown' }) ?? '';
  const assembledAt = useWatch({ control: form.control, name: 'report.assembledAt' });
  const [error, setError] = useState<string | null>(null);
  const summary = assembledAt ? t('sections.reportAssembled', { time: formatDateTime(assembledAt) }) : t('sections.reportNotAssembled');

  const assemble = async () => {
    if (markdown.trim() && !window.confirm(t('report.confirmReplace'))) return;
    setError(null);
    try {
      const result = await api().call('assessments.assembleReport', { ...draftFromForm(form.getValues(), assessment?.id), locale: userLocale() });
      form.setValue('report.markdown', result.markdown, { shouldDirty: true });
      form.setValue('report.assembledAt', new Date().toISOString(), { shouldDirty: true });
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : String(caught));
    }
  };

  return (
    <CollapsibleSection name="assessment.report" title={t('report.title')} summary={summary}>
      <section aria-labelledby="report-title">
        {/* The section's line shows the title; the heading stays for navigation by headings. */}
        <h2 id="report-title" className="visually-hidden">
          {t('report.title')}
        </h2>
        <p className="hint">{t('report.intro')}</p>
        <button type="button" className="button" onClick={() => void assemble()}>
          {t('report.assemble')}
        </button>
        {assembledAt && <p className="hint">{t('report.assembledAt', { time: formatDateTime(assembledAt) })}</p>}
        {error && <ErrorMessage message={error} />}
        <TextField id="report-summary" name="report.executiveSummary" label={t('report.executiveSummary')} hint={t('report.executiveSummaryHint')} multiline />
        <TextField id="report-limitations" name="report.limitations" label={t('report.limitations')} hint={t('report.limitationsHint')} multiline />
        <div className="field">
          <label htmlFor="report-markdown">{t('report.markdown')}</label>
          <div className="notes-split">
            <textarea id="report-markdown" {...form.register('report.markdown')} />
            <section className="markdown-preview" aria-label={t('report.preview')}>
              <Markdown source={markdown} />
            </section>
          </div>
        </div>
      </section>
    </CollapsibleSection>
  );
}
