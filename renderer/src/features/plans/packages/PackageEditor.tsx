import { Controller, useForm, useWatch } from 'react-hook-form';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CompanySummary } from '@shared/api/diary';
import type { MechanismSummary } from '@shared/api/kb';
import type { EvidencePackage, PlanSummary } from '@shared/api/plans';
import { api } from '../../../api/client';
import { AsyncView } from '../../../components/AsyncView';
import { CollapsibleSection } from '../../../components/CollapsibleSection';
import { linkedEngagementLabels } from '../../../components/engagement-search';
import type { PickerOption } from '../../../components/RecordPicker';
import { useAsync } from '../../../components/useApi';
import { DraftRestoredNotice } from '../../../components/editor/DraftRestoredNotice';
import { SaveBar } from '../../../components/editor/SaveBar';
import { useRecordEditor } from '../../../components/editor/useRecordEditor';
import { HistoryPanel } from '../../diary/history/HistoryPanel';
import { Provenance } from '../../exchange';
import { ShareItemButton } from '../../exchange/ShareItemButton';
import { DraftSubmissionLink } from '../../submissions/DraftSubmissionLink';
import { ExportPanel } from '../shared/ExportPanel';
import { PartnersField } from '../shared/PartnersField';
import { AsksFieldset } from './AsksFieldset';
import { FindingsFieldset } from './FindingsFieldset';
import { MethodologyFieldset } from './MethodologyFieldset';
import { draftFromForm, emptyPackage, formFromPackage, restoredForm, type PackageForm } from './package-form';
import { PackageReadiness } from './PackageReadiness';
import { askCounts, findingCounts, methodologyCounts } from './section-summaries';

interface Loaded {
  pkg: EvidencePackage | null;
  form: PackageForm;
  restoredAt: string | null;
  plans: PlanSummary[];
  companies: CompanySummary[];
  /** Labels of the diary entries the findings cite; the pickers find the rest by searching. */
  engagementLabels: ReadonlyMap<string, PickerOption>;
  mechanisms: MechanismSummary[];
}

const draftKey = (id: string | undefined) => `package:${id ?? 'new'}`;

async function loadPackage(id: string | undefined, planId: string): Promise<Loaded> {
  const client = api();
  const pkg = id ? await client.call('packages.get', { id }) : null;
  const draft = await client.call('drafts.get', { key: draftKey(id) });
  const [plans, companies, mechanisms] = await Promise.all([client.call('plans.list', null), client.call('companies.list', null), client.call('kb.mechanisms.list', null)]);
  const plan = plans.find((p) => p.id === planId);
  const base = pkg ? formFromPackage(pkg) : emptyPackage(plan?.id ?? '', plan?.companyId ?? '');
  const useDraftContent = draft && (!pkg || draft.savedAt > pkg.updatedAt);
  const form = useDraftContent ? restoredForm(draft.content, base) : base;
  const cited = form.findings.flatMap((finding) => finding.evidence.filter((link) => link.kind === 'engagement').map((link) => link.id));
  const engagementLabels = await linkedEngagementLabels(cited);
  return { pkg, form, restoredAt: useDraftContent ? draft.savedAt : null, plans, companies, engagementLabels, mechanisms };
}

export function PackageEditor() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const planId = params.get('planId') ?? '';
  const state = useAsync(() => loadPackage(id, planId), [id, planId]);
  return <AsyncView state={state}>{(loaded) => <PackageEditorForm key={id ?? 'new'} id={id} loaded={loaded} />}</AsyncView>;
}

function PackageEditorForm({ id, loaded }: { id: string | undefined; loaded: Loaded }) {
  const { t } = useTranslation('plans');
  const navigate = useNavigate();
  const form = useForm<PackageForm>({ defaultValues: loaded.form });
  const { register, control, formState } = form;
  const editor = useRecordEditor({
    form,
    draftKey: draftKey(id),
    record: loaded.pkg,
    restoredAt: loaded.restoredAt,
    toForm: formFromPackage,
    blankForm: loaded.form,
    persist: (input) => api().call('packages.save', draftFromForm(input, id)),
    onCreated: (saved) => navigate(`/plans/packages/${saved.id}`, { replace: true }),
  });
  const pkg = editor.record;
  const values = useWatch({ control }) as PackageForm;
  const summaries = useSectionSummaries(values, loaded.mechanisms);

  const remove = () => {
    if (!id || !window.confirm(t('packages.confirmDelete'))) return;
    void editor.deleteRecord(
      () => api().call('packages.delete', { id }),
      () => navigate('/plans/packages'),
    );
  };

  return (
    <form className="editor" onSubmit={editor.save} noValidate aria-labelledby="package-title">
      <h1 id="package-title">{id ? pkg?.title || t('packages.editTitle') : t('packages.newTitle')}</h1>
      {id && <Provenance entity="package" id={id} />}
      <p className="lead">{t('packages.editorIntro')}</p>
      <DraftRestoredNotice at={editor.restoredAt} onDiscard={() => void editor.discardChanges()} />
      <PackageReadiness draft={draftFromForm(values, id)} />
      <div className="field">
        <label htmlFor="package-title-field">{t('packages.titleField')}</label>
        <input id="package-title-field" aria-invalid={Boolean(formState.errors.title)} {...register('title', { required: t('packages.titleRequired') })} />
        {formState.errors.title && (
          <span className="error-text" role="alert">
            {formState.errors.title.message}
          </span>
        )}
      </div>
      <div className="editor-grid">
        <div className="field">
          <label htmlFor="package-plan">{t('packages.plan')}</label>
          <select id="package-plan" {...register('planId')}>
            <option value="">{t('packages.noPlan')}</option>
            {loaded.plans.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="package-company">{t('editor.company')}</label>
          <select id="package-company" {...register('companyId')}>
            <option value="">{t('editor.noCompany')}</option>
            {loaded.companies.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      {/* The findings are the package's substance and open by default; each other part opens on
          demand and stays as the user left it on this device. None holds a validation rule. */}
      <CollapsibleSection name="package.findings" title={t('findings.title')} summary={summaries.findings} defaultOpen>
        <FindingsFieldset form={form} companyId={values.companyId ?? ''} engagementLabels={loaded.engagementLabels} />
      </CollapsibleSection>
      <CollapsibleSection lazy name="package.risks" title={t('sections.risks')} summary={summaries.risks}>
        <div className="field">
          <label htmlFor="risksSummary">{t('packages.risks')}</label>
          <textarea id="risksSummary" rows={4} aria-describedby="risks-hint" {...register('risksSummary')} />
          <span id="risks-hint" className="hint">
            {t('packages.risksHint')}
          </span>
        </div>
      </CollapsibleSection>
      <CollapsibleSection lazy name="package.asks" title={t('asks.title')} summary={summaries.asks}>
        <AsksFieldset form={form} />
      </CollapsibleSection>
      <CollapsibleSection lazy name="package.methodology" title={t('methodology.title')} summary={summaries.methodology}>
        <MethodologyFieldset form={form} />
      </CollapsibleSection>
      <CollapsibleSection lazy name="package.forum" title={t('sections.forum')} summary={summaries.forum}>
        <div className="editor-grid">
          <div className="field">
            <label htmlFor="package-forum">{t('packages.forum')}</label>
            <select id="package-forum" {...register('forumMechanismId')}>
              <option value="">{t('packages.noForum')}</option>
              {loaded.mechanisms.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
          </div>
          {!values.forumMechanismId && (
            <div className="field">
              <label htmlFor="package-forum-name">{t('packages.forumName')}</label>
              <input id="package-forum-name" aria-describedby="package-forum-name-hint" {...register('forumName')} />
              <span id="package-forum-name-hint" className="hint">
                {t('packages.forumNameHint')}
              </span>
            </div>
          )}
          <div className="field">
            <label htmlFor="package-forum-note">{t('packages.forumNote')}</label>
            <input id="package-forum-note" {...register('forumNote')} />
          </div>
        </div>
      </CollapsibleSection>
      <CollapsibleSection lazy name="package.partners" title={t('partners.title')} summary={summaries.partners}>
        <Controller control={control} name="partners" render={({ field }) => <PartnersField value={field.value} onChange={field.onChange} idPrefix="package" />} />
      </CollapsibleSection>

      <SaveBar editor={editor} saveLabel={t('packages.save')}>
        {id && (
          <button type="button" className="button danger" onClick={remove}>
            {t('packages.delete')}
          </button>
        )}
      </SaveBar>
      {id && pkg && <ExportPanel kind="package" id={id} dirty={formState.isDirty} />}
      {id && pkg && (
        <p className="actions">
          <DraftSubmissionLink from={{ packageId: id }} />
        </p>
      )}
      {id && pkg && <ShareItemButton kind="package" id={id} title={pkg.title} />}
      {id && pkg && <HistoryPanel entity="package" id={id} version={pkg.updatedAt} />}
    </form>
  );
}

/** The one-line summary of each section, shown next to its title open or closed. */
function useSectionSummaries(values: PackageForm, mechanisms: MechanismSummary[]) {
  const { t } = useTranslation('plans');
  const findings = findingCounts(values.findings ?? []);
  const asks = askCounts(values.asks ?? []);
  const method = methodologyCounts(values.methodology);
  const partners = (values.partners ?? []).filter((p) => p.name.trim()).length;
  const forum = values.forumMechanismId ? mechanisms.find((m) => m.id === values.forumMechanismId)?.name : values.forumName?.trim();
  return {
    findings: findings.total === 0 ? t('sections.noFindings') : t('sections.findings', { count: findings.total, confirmed: findings.confirmed, included: findings.included }),
    risks: values.risksSummary?.trim() ? t('sections.written') : t('sections.notWritten'),
    asks: asks.total === 0 ? t('sections.noAsks') : t('sections.asks', { count: asks.total, included: asks.included }),
    methodology: t('sections.methodology', { count: method.sources, notes: method.notes }),
    forum: forum || t('sections.noForum'),
    partners: partners ? t('sections.partners', { count: partners }) : t('sections.noPartners'),
  };
}
