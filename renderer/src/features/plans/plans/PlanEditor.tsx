import { Controller, useFieldArray, useForm, useWatch } from 'react-hook-form';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { AsyncView } from '../../../components/AsyncView';
import { useAsync } from '../../../components/useApi';
import { DraftRestoredNotice } from '../../../components/editor/DraftRestoredNotice';
import { SaveBar } from '../../../components/editor/SaveBar';
import { useRecordEditor } from '../../../components/editor/useRecordEditor';
import { HistoryPanel } from '../../diary/history/HistoryPanel';
import { ExportPanel } from '../shared/ExportPanel';
import { OecdAdherence } from '../shared/OecdAdherence';
import { PartnersField } from '../shared/PartnersField';
import { CountryPicker } from '../../../components/CountryPicker';
import { CollapsibleSection } from '../../../components/CollapsibleSection';
import { RecordPicker } from '../../../components/RecordPicker';
import { searchEngagements } from '../../../components/engagement-search';
import { RISK_LEVELS } from '@shared/api/diary';
import { draftFromForm, formFromPlan, newStep, type PlanForm } from './plan-form';
import { Provenance } from '../../exchange';
import { ShareItemButton } from '../../exchange/ShareItemButton';
import { PrinciplesChecklist } from './PrinciplesChecklist';
import { SafetyChecklistFields } from '../../../components/SafetyChecklistFields';
import { StepsFieldset, type StepsArray } from './StepsFieldset';
import { loadPlanEditor, planDraftKey, type PlanEditorData } from './load-plan-editor';

export function PlanEditor() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const templateId = params.get('template');
  const companyId = params.get('companyId');
  const state = useAsync(() => loadPlanEditor(id, templateId, companyId), [id, templateId, companyId]);
  return <AsyncView state={state}>{(data) => <PlanEditorForm key={id ?? 'new'} id={id} data={data} />}</AsyncView>;
}

function PlanEditorForm({ id, data }: { id: string | undefined; data: PlanEditorData }) {
  const { t, i18n } = useTranslation('plans');
  const navigate = useNavigate();
  const regions = new Intl.DisplayNames([i18n.language || 'en', 'en'], { type: 'region' });
  const countryName = (code: string) => regions.of(code) ?? code;
  const form = useForm<PlanForm>({ defaultValues: data.form });
  const { register, control, formState } = form;
  const steps = useFieldArray({ control, name: 'steps', keyName: 'key' });
  const editor = useRecordEditor({
    form,
    draftKey: planDraftKey(id),
    record: data.plan,
    restoredAt: data.restoredAt,
    toForm: formFromPlan,
    blankForm: data.form,
    persist: (input) => api().call('plans.save', draftFromForm(input, id)),
    onCreated: (saved) => navigate(`/plans/edit/${saved.id}`, { replace: true }),
  });
  const plan = editor.record;
  const values = useWatch({ control }) as PlanForm;

  const remove = () => {
    if (!id || !window.confirm(t('editor.confirmDelete'))) return;
    void editor.deleteRecord(
      () => api().call('plans.delete', { id }),
      () => navigate('/plans'),
    );
  };

  const company = data.companies.find((c) => c.id === values.companyId);
  const engagementPicker = { search: (text: string, cursor: string | null) => searchEngagements(company?.id ?? '', text, cursor), known: data.engagementLabels };
  const hasNcpStep = (values.steps ?? []).some((s) => s.mechanismId === 'oecd-ncp');
  const stepList = values.steps ?? [];
  const stepSummary = t('sections.steps', {
    count: stepList.length,
    started: stepList.filter((s) => s.status === 'in-progress').length,
    done: stepList.filter((s) => s.status === 'done').length,
  });
  const countryNames = (codes: string[] | undefined) => (codes?.length ? codes.map(countryName).join(', ') : t('sections.notSet'));
  const countrySummary = t('sections.countries', { harm: countryNames(values.harmCountries), operating: countryNames(values.operatingCountries) });
  const partnerCount = (values.partners ?? []).filter((p) => p.name.trim()).length;

  return (
    <form className="editor" onSubmit={editor.save} noValidate aria-labelledby="plan-title">
      <h1 id="plan-title">{id ? plan?.title || t('editor.editTitle') : t('editor.newTitle')}</h1>
      {id && <Provenance entity="plan" id={id} />}
      <DraftRestoredNotice at={editor.restoredAt} onDiscard={() => void editor.discardChanges()} />
      <div className="editor-grid plan-head">
        <div className="field">
          <label htmlFor="title">{t('editor.titleField')}</label>
          <input id="title" required aria-invalid={Boolean(formState.errors.title)} {...register('title', { required: t('editor.titleRequired') })} />
          {formState.errors.title && (
            <span className="error-text" role="alert">
              {formState.errors.title.message}
            </span>
          )}
        </div>
        <div className="field">
          <label htmlFor="companyId">{t('editor.company')}</label>
          <select id="companyId" {...register('companyId')}>
            <option value="">{t('editor.noCompany')}</option>
            {data.companies.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
          {data.companies.length === 0 && (
            <span className="hint">
              {t('editor.noCompanies')} <Link to="/diary/companies/new">{t('editor.addCompany')}</Link>
            </span>
          )}
        </div>
      </div>
      <div className="editor-grid">
        <div className="field">
          <label htmlFor="objective">{t('editor.objective')}</label>
          <textarea id="objective" rows={3} aria-describedby="objective-hint" {...register('objective')} />
          <span id="objective-hint" className="hint">
            {t('editor.objectiveHint')}
          </span>
        </div>
        <div className="field">
          <label htmlFor="context">{t('editor.context')}</label>
          <textarea id="context" rows={4} aria-describedby="context-hint" {...register('context')} />
          <span id="context-hint" className="hint">
            {t('editor.contextHint')}
          </span>
        </div>
      </div>
      {values.countriesNeedReview && (
        <div className="notice warn" role="status" data-testid="countries-review">
          <p>{t('editor.countriesReview')}</p>
          <button type="button" className="button" onClick={() => form.setValue('countriesNeedReview', false, { shouldDirty: true })}>
            {t('editor.countriesConfirm')}
          </button>
        </div>
      )}
      <CollapsibleSection lazy name="plan.countries" title={t('editor.countries')} summary={countrySummary} forceOpen={!id || values.countriesNeedReview}>
        <fieldset className="country-grid">
          <legend>{t('editor.countries')}</legend>
          {(['harmCountries', 'operatingCountries', 'entityCountries'] as const).map((name) => (
            <Controller
              key={name}
              control={control}
              name={name}
              render={({ field }) => (
                <CountryPicker
                  id={name}
                  label={t(`editor.${name}`)}
                  hint={t(`editor.${name}Hint`)}
                  value={field.value}
                  onChange={(codes) => {
                    field.onChange(codes);
                    form.setValue('countriesNeedReview', false, { shouldDirty: true });
                  }}
                />
              )}
            />
          ))}
        </fieldset>
      </CollapsibleSection>
      <fieldset className="plan-risk">
        <legend>{t('editor.risk')}</legend>
        <p className="hint">{t('editor.riskHint')}</p>
        <div className="editor-grid">
          <div className="field">
            <label htmlFor="risk-level">{t('editor.riskLevel')}</label>
            <select id="risk-level" {...register('risk.level')}>
              {RISK_LEVELS.map((level) => (
                <option key={level} value={level}>
                  {t(`risk.${level}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="risk-notes">{t('editor.riskNotes')}</label>
            <textarea id="risk-notes" rows={2} {...register('risk.notes')} />
          </div>
        </div>
      </fieldset>
      <OecdAdherence
        country={company?.hqCountry ?? ''}
        harmCountries={values.harmCountries ?? []}
        operatingCountries={values.operatingCountries ?? []}
        entityCountries={values.entityCountries ?? []}
        action={
          hasNcpStep ? (
            <p className="hint">{t('oecd.stepPresent')}</p>
          ) : (
            <AddNcpStep steps={steps} />
          )
        }
      />
      <Controller
        control={control}
        name="engagementIds"
        render={({ field }) => (
          <RecordPicker
            id="plan-engagements"
            label={t('editor.engagements')}
            value={field.value}
            onChange={field.onChange}
            search={engagementPicker.search}
            known={engagementPicker.known}
            missingLabel={t('engagements.deleted')}
          />
        )}
      />
      <StepsFieldset form={form} steps={steps} mechanisms={data.mechanisms} engagementPicker={engagementPicker} riskLevel={values.risk?.level ?? 'unknown'} summary={stepSummary} />
      {/* Checklists and partners open on demand and stay as the user left them on this device. */}
      <CollapsibleSection lazy name="plan.principles" title={t('principles.title')} summary={t('sections.checklist', doneOf(values.principles))}>
        <PrinciplesChecklist form={form} />
      </CollapsibleSection>
      <CollapsibleSection lazy name="plan.safety" title={t('common:safety.title')} summary={t('sections.checklist', doneOf(values.safety))}>
        <SafetyChecklistFields register={register} name="safety" />
      </CollapsibleSection>
      <CollapsibleSection lazy name="plan.partners" title={t('partners.title')} summary={partnerCount ? t('sections.partners', { count: partnerCount }) : t('sections.noPartners')}>
        <Controller control={control} name="partners" render={({ field }) => <PartnersField value={field.value} onChange={field.onChange} idPrefix="plan" />} />
      </CollapsibleSection>

      <SaveBar editor={editor} saveLabel={t('editor.save')}>
        {id && (
          <>
            <Link className="button" to={`/plans/packages/new?planId=${id}`}>
              {t('editor.newPackage')}
            </Link>
            <button type="button" className="button danger" onClick={remove}>
              {t('editor.delete')}
            </button>
          </>
        )}
      </SaveBar>
      {id && plan && <ExportPanel kind="plan" id={id} dirty={formState.isDirty} />}
      {id && plan && <ShareItemButton kind="plan" id={id} title={plan.title} />}
      {id && plan && <HistoryPanel entity="plan" id={id} version={plan.updatedAt} />}
    </form>
  );
}

const doneOf = (items: Array<{ done: boolean }> | undefined) => ({ done: (items ?? []).filter((item) => item.done).length, total: items?.length ?? 0 });

function AddNcpStep({ steps }: { steps: StepsArray }) {
  const { t } = useTranslation('plans');
  return (
    <button type="button" className="button" onClick={() => steps.append(newStep('oecd-ncp', t('oecd.stepTitle'), 'oecd-ncp'), { shouldFocus: true })}>
      {t('oecd.addStep')}
    </button>
  );
}
