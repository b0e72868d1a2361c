import { useEffect, useState } from 'react';
import { Controller, useFieldArray, useForm, useWatch } from 'react-hook-form';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Plan } from '@shared/api/plans';
import { api, ApiError } from '../../../api/client';
import { ErrorMessage } from '../../../components/AsyncView';
import { formatDateTime } from '../../../i18n';
import { useDraft } from '../../diary/editor/useDraft';
import { HistoryPanel } from '../../diary/history/HistoryPanel';
import { EngagementPicker } from '../shared/EngagementPicker';
import { ExportPanel } from '../shared/ExportPanel';
import { OecdAdherence } from '../shared/OecdAdherence';
import { PartnersField } from '../shared/PartnersField';
import { countryCodes, draftFromForm, formFromPlan, newStep, type PlanForm } from './plan-form';
import { Provenance } from '../../exchange';
import { PrinciplesChecklist } from './PrinciplesChecklist';
import { SafetyChecklistFields } from '../../../components/SafetyChecklistFields';
import { StepsFieldset, type StepsArray } from './StepsFieldset';
import { planDraftKey, usePlanEditorData, type PlanEditorData } from './usePlanEditorData';

export function PlanEditor() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const { data, error } = usePlanEditorData(id, params.get('template'), params.get('companyId'));
  if (error) return <ErrorMessage message={error} />;
  if (!data) return <p className="hint" role="status">…</p>;
  return <PlanEditorForm key={id ?? 'new'} id={id} data={data} />;
}

type SaveState = { kind: 'idle' | 'saving' } | { kind: 'saved'; at: string } | { kind: 'error'; message: string };

function PlanEditorForm({ id, data }: { id: string | undefined; data: PlanEditorData }) {
  const { t } = useTranslation('plans');
  const navigate = useNavigate();
  const form = useForm<PlanForm>({ defaultValues: data.form });
  const { register, control, handleSubmit, formState, reset } = form;
  const steps = useFieldArray({ control, name: 'steps', keyName: 'key' });
  const draft = useDraft<PlanForm>(planDraftKey(id));
  const [plan, setPlan] = useState<Plan | null>(data.plan);
  const [restoredAt, setRestoredAt] = useState(data.restoredAt);
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });
  const values = useWatch({ control }) as PlanForm;

  // Every change is kept as a draft in the vault until the plan is saved.
  useEffect(() => {
    if (formState.isDirty) draft.schedule(form.getValues());
  }, [values, formState.isDirty, draft, form]);

  const save = handleSubmit(async (input) => {
    setSaveState({ kind: 'saving' });
    draft.cancel();
    try {
      const saved = await api().call('plans.save', draftFromForm(input, id));
      await api().call('drafts.discard', { key: planDraftKey(id) });
      setPlan(saved);
      setRestoredAt(null);
      reset(formFromPlan(saved));
      setSaveState({ kind: 'saved', at: saved.updatedAt });
      if (!id) navigate(`/plans/edit/${saved.id}`, { replace: true });
    } catch (caught) {
      setSaveState({ kind: 'error', message: caught instanceof ApiError ? caught.message : String(caught) });
      draft.schedule(input);
    }
  });

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault();
        void save();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [save]);

  const discardChanges = async () => {
    await draft.discard();
    setRestoredAt(null);
    reset(plan ? formFromPlan(plan) : data.form);
  };

  const remove = async () => {
    if (!id || !window.confirm(t('editor.confirmDelete'))) return;
    try {
      await draft.discard();
      await api().call('plans.delete', { id });
      navigate('/plans');
    } catch (caught) {
      setSaveState({ kind: 'error', message: (caught as Error).message });
    }
  };

  const company = data.companies.find((c) => c.id === values.companyId);
  const engagements = company ? data.engagements.filter((e) => e.companyId === company.id) : data.engagements;
  const hasNcpStep = (values.steps ?? []).some((s) => s.mechanismId === 'oecd-ncp');

  return (
    <form className="editor" onSubmit={save} noValidate aria-labelledby="plan-title">
      <h1 id="plan-title">{id ? plan?.title || t('editor.editTitle') : t('editor.newTitle')}</h1>
      {id && <Provenance entity="plan" id={id} />}
      {restoredAt && (
        <div className="notice" role="status">
          {t('editor.draftRestored', { time: formatDateTime(restoredAt) })}{' '}
          <button type="button" className="button" onClick={() => void discardChanges()}>
            {t('editor.discardDraft')}
          </button>
        </div>
      )}
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
        <label htmlFor="objective">{t('editor.objective')}</label>
        <textarea id="objective" rows={3} aria-describedby="objective-hint" {...register('objective')} />
        <span id="objective-hint" className="hint">
          {t('editor.objectiveHint')}
        </span>
      </div>
      <div className="editor-grid">
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
        <div className="field">
          <label htmlFor="operatingCountries">{t('editor.operatingCountries')}</label>
          <input id="operatingCountries" aria-describedby="operating-hint" {...register('operatingCountries')} />
          <span id="operating-hint" className="hint">
            {t('editor.operatingHint')}
          </span>
        </div>
      </div>
      <OecdAdherence
        country={company?.hqCountry ?? ''}
        operatingCountries={countryCodes(values.operatingCountries ?? '').filter((c) => /^[A-Z]{2}$/.test(c))}
        action={
          hasNcpStep ? (
            <p className="hint">{t('oecd.stepPresent')}</p>
          ) : (
            <AddNcpStep steps={steps} />
          )
        }
      />
      <div className="field">
        <label htmlFor="context">{t('editor.context')}</label>
        <textarea id="context" rows={4} aria-describedby="context-hint" {...register('context')} />
        <span id="context-hint" className="hint">
          {t('editor.contextHint')}
        </span>
      </div>
      <Controller
        control={control}
        name="engagementIds"
        render={({ field }) => <EngagementPicker legend={t('editor.engagements')} rows={engagements} value={field.value} onChange={field.onChange} idPrefix="plan-engagement" />}
      />
      <StepsFieldset form={form} steps={steps} mechanisms={data.mechanisms} engagements={engagements} />
      <PrinciplesChecklist form={form} />
      <SafetyChecklistFields register={register} name="safety" />
      <Controller control={control} name="partners" render={({ field }) => <PartnersField value={field.value} onChange={field.onChange} idPrefix="plan" />} />

      <div className="save-bar">
        <button type="submit" className="button primary" disabled={saveState.kind === 'saving'}>
          {saveState.kind === 'saving' ? t('editor.saving') : t('editor.save')}
        </button>
        <span className="save-state" role="status" aria-live="polite" data-testid="save-state">
          {draft.state.kind === 'saving'
            ? t('editor.draftSaving')
            : draft.state.kind === 'kept'
              ? t('editor.draftSaved', { time: formatDateTime(draft.state.at) })
              : saveState.kind === 'saved'
                ? t('editor.saved', { time: formatDateTime(saveState.at) })
                : ''}
        </span>
        <span className="hint">{t('editor.shortcutSave')}</span>
        {id && (
          <>
            <Link className="button" to={`/plans/packages/new?planId=${id}`}>
              {t('editor.newPackage')}
            </Link>
            <button type="button" className="button danger" onClick={() => void remove()}>
              {t('editor.delete')}
            </button>
          </>
        )}
      </div>
      {saveState.kind === 'error' && <ErrorMessage message={saveState.message} />}
      {draft.state.kind === 'failed' && <ErrorMessage message={draft.state.message} />}
      {id && plan && <ExportPanel kind="plan" id={id} dirty={formState.isDirty} />}
      {id && plan && <HistoryPanel entity="plan" id={id} version={plan.updatedAt} />}
    </form>
  );
}

function AddNcpStep({ steps }: { steps: StepsArray }) {
  const { t } = useTranslation('plans');
  return (
    <button type="button" className="button" onClick={() => steps.append(newStep('oecd-ncp', t('oecd.stepTitle'), 'oecd-ncp'), { shouldFocus: true })}>
      {t('oecd.addStep')}
    </button>
  );
}
