import { useForm, useWatch } from 'react-hook-form';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CHANNELS, type Engagement } from '@shared/api/diary';
import { api } from '../../../api/client';
import { AsyncView } from '../../../components/AsyncView';
import { useAsync } from '../../../components/useApi';
import { DraftRestoredNotice } from '../../../components/editor/DraftRestoredNotice';
import { SaveBar } from '../../../components/editor/SaveBar';
import { useRecordEditor } from '../../../components/editor/useRecordEditor';
import { Markdown } from '../../../components/Markdown';
import { SafetyChecklistFields } from '../../../components/SafetyChecklistFields';
import { CollapsibleSection } from '../../../components/CollapsibleSection';
import { AttachmentsPanel } from './AttachmentsPanel';
import { CommitmentsFieldset, FollowUpsFieldset } from './ItemFieldsets';
import { RiskFields } from './RiskFields';
import { checklistCounts, commitmentCounts, followUpCounts, localToday } from './section-summaries';
import { HistoryPanel } from '../history/HistoryPanel';
import { draftFromForm, emptyForm, formFromEngagement, type EngagementForm } from './form-model';

type Loaded = {
  engagement: Engagement | null;
  form: EngagementForm;
  restoredAt: string | null;
  /** Loaded before the form renders, so the company select can show its saved value at once. */
  companies: Array<{ id: string; name: string }>;
};

/** The saved entry (if any), any newer unsaved draft of it, and the companies to choose from. */
async function loadEditor(id: string | undefined, companyId: string): Promise<Loaded> {
  const engagement = id ? await api().call('engagements.get', { id }) : null;
  const draft = await api().call('drafts.get', { key: draftKey(id) });
  const companies = await api().call('companies.list', null);
  const base = engagement ? formFromEngagement(engagement) : emptyForm(new Date(), companyId);
  const useDraftContent = draft && (!engagement || draft.savedAt > engagement.updatedAt);
  return { engagement, companies, form: useDraftContent ? (draft.content as EngagementForm) : base, restoredAt: useDraftContent ? draft.savedAt : null };
}

const draftKey = (id: string | undefined) => `engagement:${id ?? 'new'}`;

export function EngagementEditor() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const companyId = params.get('companyId') ?? '';
  const state = useAsync(() => loadEditor(id, companyId), [id, companyId]);
  return <AsyncView state={state}>{(loaded) => <EditorForm key={id ?? 'new'} id={id} loaded={loaded} />}</AsyncView>;
}

function EditorForm({ id, loaded }: { id: string | undefined; loaded: Loaded }) {
  const { t } = useTranslation('diary');
  const navigate = useNavigate();
  const form = useForm<EngagementForm>({ defaultValues: loaded.form });
  const { register, control, formState } = form;
  const editor = useRecordEditor({
    form,
    draftKey: draftKey(id),
    record: loaded.engagement,
    restoredAt: loaded.restoredAt,
    toForm: formFromEngagement,
    blankForm: emptyForm(new Date()),
    persist: (values) => api().call('engagements.save', draftFromForm(values, id)),
    onCreated: (saved) => navigate(`/diary/entries/${saved.id}`, { replace: true }),
  });
  const engagement = editor.record;
  const { companies } = loaded;
  const notes = useWatch({ control, name: 'notes' }) ?? '';
  const [commitments, followUps, safety, riskBefore, riskAfter] = useWatch({ control, name: ['commitments', 'followUps', 'safety', 'riskBefore.level', 'riskAfter.level'] });
  const committed = commitmentCounts(commitments ?? [], localToday());
  const commitmentSummary =
    committed.total === 0
      ? t('sections.none')
      : committed.overdue > 0
        ? t('sections.commitmentsOverdue', { count: committed.total, overdue: committed.overdue })
        : t('sections.commitments', { count: committed.total });
  const actions = followUpCounts(followUps ?? []);
  const followUpSummary = actions.total === 0 ? t('sections.none') : t('sections.followUps', { count: actions.total, done: actions.done });
  const files = engagement?.attachments.length ?? 0;
  const attachmentSummary = !id ? t('sections.saveFirst') : files === 0 ? t('sections.noFiles') : t('sections.files', { count: files });

  const remove = () => {
    if (!id || !window.confirm(t('editor.confirmDelete'))) return;
    void editor.deleteRecord(
      () => api().call('engagements.delete', { id }),
      () => navigate('/diary'),
    );
  };

  return (
    <form className="editor engagement-editor" onSubmit={editor.save} noValidate aria-labelledby="editor-title">
      <h1 id="editor-title">{id ? engagement?.title || t('editor.editTitle') : t('editor.newTitle')}</h1>
      <DraftRestoredNotice at={editor.restoredAt} onDiscard={() => void editor.discardChanges()} />

      {/* The routine path first: when, with whom, how, what was said and what they committed to. */}
      <div className="editor-grid routine-grid">
        <div className="field">
          <label htmlFor="occurredAt">{t('editor.when')}</label>
          <input id="occurredAt" type="datetime-local" required {...register('occurredAt', { required: true })} />
        </div>
        <div className="field">
          <label htmlFor="companyId">{t('editor.company')}</label>
          <select id="companyId" required aria-invalid={Boolean(formState.errors.companyId)} {...register('companyId', { required: t('editor.chooseCompany') })}>
            <option value="">{t('editor.chooseCompany')}</option>
            {companies.map((company) => (
              <option key={company.id} value={company.id}>
                {company.name}
              </option>
            ))}
          </select>
          {companies.length === 0 && (
            <span className="hint">
              {t('editor.noCompanies')} <Link to="/diary/companies/new">{t('nav.newCompany')}</Link>
            </span>
          )}
          {formState.errors.companyId && (
            <span className="error-text" role="alert">
              {formState.errors.companyId.message}
            </span>
          )}
        </div>
        <div className="field">
          <label htmlFor="channel">{t('editor.channel')}</label>
          <select id="channel" {...register('channel')}>
            {CHANNELS.map((channel) => (
              <option key={channel} value={channel}>
                {t(`channels.${channel}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="title">{t('editor.titleField')}</label>
          <input id="title" aria-describedby="title-hint" {...register('title')} />
          <span id="title-hint" className="hint">
            {t('editor.titleHint')}
          </span>
        </div>
      </div>
      <div className="editor-grid routine-text">
        <TextArea id="concerns" label={t('editor.concerns')} hint={t('editor.concernsHint')} register={register} />
        <TextArea id="purpose" label={t('editor.purpose')} register={register} />
      </div>
      <CommitmentsFieldset form={form} summary={commitmentSummary} />

      <div className="editor-grid">
        <TextArea id="participantsOurs" label={t('editor.ours')} hint={t('editor.onePerLine')} register={register} />
        <TextArea id="participantsTheirs" label={t('editor.theirs')} hint={t('editor.onePerLine')} register={register} />
      </div>
      <div className="field">
        <label htmlFor="notes">{t('editor.notes')}</label>
        <span id="notes-hint" className="hint">
          {t('editor.notesHint')}
        </span>
        <div className="notes-split">
          <textarea id="notes" aria-describedby="notes-hint" {...register('notes')} />
          <section className="markdown-preview" aria-label={t('editor.preview')} data-testid="notes-preview">
            <Markdown source={notes} />
          </section>
        </div>
      </div>
      <div className="editor-grid">
        <TextArea id="outcome" label={t('editor.outcome')} register={register} />
        <div className="field">
          <label htmlFor="tags">{t('editor.tags')}</label>
          <input id="tags" aria-describedby="tags-hint" {...register('tags')} />
          <span id="tags-hint" className="hint">
            {t('editor.tagsHint')}
          </span>
        </div>
      </div>

      {/* Less used: each opens on demand and stays as the user left it on this device. */}
      <CollapsibleSection name="diary.followUps" title={t('editor.followUps')} summary={followUpSummary} forceOpen={Boolean(formState.errors.followUps)}>
        <FollowUpsFieldset form={form} />
      </CollapsibleSection>
      <CollapsibleSection lazy name="diary.risk" title={t('sections.risk')} summary={t('sections.riskSummary', { before: t(`risk.${riskBefore}`), after: t(`risk.${riskAfter}`) })}>
        <RiskFields form={form} />
      </CollapsibleSection>
      <CollapsibleSection lazy name="diary.safety" title={t('common:safety.title')} summary={t('sections.checklist', checklistCounts(safety))}>
        <SafetyChecklistFields register={register} name="safety" />
      </CollapsibleSection>
      <CollapsibleSection lazy name="diary.attachments" title={t('attachments.title')} summary={attachmentSummary}>
        {id && engagement && <AttachmentsPanel engagementId={id} attachments={engagement.attachments} onChange={editor.setRecord} />}
        {!id && <p className="hint">{t('attachments.saveFirst')}</p>}
      </CollapsibleSection>

      <SaveBar editor={editor} saveLabel={t('editor.save')}>
        {id && (
          <button type="button" className="button danger" onClick={remove}>
            {t('editor.delete')}
          </button>
        )}
      </SaveBar>
      {id && engagement && <HistoryPanel entity="engagement" id={id} version={engagement.updatedAt} />}
    </form>
  );
}

function TextArea({ id, label, hint, register }: { id: keyof EngagementForm; label: string; hint?: string; register: ReturnType<typeof useForm<EngagementForm>>['register'] }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} aria-describedby={hint ? `${id}-hint` : undefined} {...register(id)} />
      {hint && (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      )}
    </div>
  );
}
