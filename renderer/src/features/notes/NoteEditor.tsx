import { useId, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AssessmentSummary } from '@shared/api/assessments';
import type { CompanySummary } from '@shared/api/diary';
import type { Note } from '@shared/api/notes';
import type { PlanSummary } from '@shared/api/plans';
import { api } from '../../api/client';
import { AsyncView } from '../../components/AsyncView';
import { DraftRestoredNotice } from '../../components/editor/DraftRestoredNotice';
import { SaveBar } from '../../components/editor/SaveBar';
import { useRecordEditor } from '../../components/editor/useRecordEditor';
import { Markdown } from '../../components/Markdown';
import { useApi, useAsync } from '../../components/useApi';
import { formatDateTime } from '../../i18n';
import { HistoryPanel } from '../diary/history/HistoryPanel';
import { draftFromForm, emptyNote, formFromNote, formFromStoredDraft, type NoteForm } from './note-form';

interface Loaded {
  note: Note | null;
  form: NoteForm;
  blank: NoteForm;
  restoredAt: string | null;
  companies: CompanySummary[];
  plans: PlanSummary[];
  assessments: AssessmentSummary[];
}

export const noteDraftKey = (id: string | undefined) => `note:${id ?? 'new'}`;

/** The saved note (if any), any newer unsaved draft of it, and the records it may link to. */
async function loadNote(id: string | undefined, companyId: string): Promise<Loaded> {
  const client = api();
  const note = id ? await client.call('notes.get', { id }) : null;
  const [draft, companies, plans, assessments] = await Promise.all([
    client.call('drafts.get', { key: noteDraftKey(id) }),
    client.call('companies.list', null),
    client.call('plans.list', null),
    client.call('assessments.list', null),
  ]);
  const blank = note ? formFromNote(note) : emptyNote(companyId);
  const useDraft = draft && (!note || draft.savedAt > note.updatedAt);
  return { note, form: useDraft ? formFromStoredDraft(draft.content) : blank, blank, restoredAt: useDraft ? draft.savedAt : null, companies, plans, assessments };
}

export function NoteEditor() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const companyId = params.get('companyId') ?? '';
  const state = useAsync(() => loadNote(id, companyId), [id, companyId]);
  return <AsyncView state={state}>{(loaded) => <NoteEditorForm key={id ?? 'new'} id={id} loaded={loaded} />}</AsyncView>;
}

function NoteEditorForm({ id, loaded }: { id: string | undefined; loaded: Loaded }) {
  const { t } = useTranslation('notes');
  const navigate = useNavigate();
  const form = useForm<NoteForm>({ defaultValues: loaded.form });
  const { register, control, formState } = form;
  const editor = useRecordEditor({
    form,
    draftKey: noteDraftKey(id),
    record: loaded.note,
    restoredAt: loaded.restoredAt,
    toForm: formFromNote,
    blankForm: loaded.blank,
    persist: (input) => api().call('notes.save', draftFromForm(input, id)),
    onCreated: (saved) => navigate(`/notes/${saved.id}`, { replace: true }),
  });
  const note = editor.record;
  const values = useWatch({ control }) as NoteForm;

  const remove = () => {
    if (!id || !window.confirm(t('editor.confirmDelete'))) return;
    void editor.deleteRecord(
      () => api().call('notes.delete', { id }),
      () => navigate('/notes'),
    );
  };

  return (
    <form className="editor" onSubmit={editor.save} noValidate aria-labelledby="note-heading">
      <h1 id="note-heading">{id ? note?.title || t('editor.editTitle') : t('editor.newTitle')}</h1>
      <DraftRestoredNotice at={editor.restoredAt} onDiscard={() => void editor.discardChanges()} />
      <div className="field">
        <label htmlFor="note-title">{t('editor.title')}</label>
        <input id="note-title" maxLength={300} aria-invalid={Boolean(formState.errors.title)} {...register('title', { validate: (v) => v.trim() !== '' || t('editor.titleRequired') })} />
        {formState.errors.title && (
          <span className="error-text" role="alert">
            {formState.errors.title.message}
          </span>
        )}
      </div>
      <BodyField form={form} body={values.body ?? ''} />
      <div className="field">
        <label htmlFor="note-tags">{t('editor.tags')}</label>
        <input id="note-tags" aria-describedby="note-tags-hint" {...register('tags')} />
        <span id="note-tags-hint" className="hint">
          {t('editor.tagsHint')}
        </span>
      </div>
      <LinksFieldset form={form} loaded={loaded} values={values} />
      <SaveBar editor={editor} saveLabel={t('editor.save')}>
        {id && (
          <button type="button" className="button danger" onClick={remove}>
            {t('editor.delete')}
          </button>
        )}
      </SaveBar>
      {id && note && <HistoryPanel entity="note" id={id} version={note.updatedAt} />}
    </form>
  );
}

/** The Markdown body, written in a plain text area and previewed through the app's sanitiser. */
function BodyField({ form, body }: { form: ReturnType<typeof useForm<NoteForm>>; body: string }) {
  const { t } = useTranslation('notes');
  const id = useId();
  const [preview, setPreview] = useState(false);
  return (
    <div className="field">
      <div className="note-body-head">
        <label htmlFor="note-body">{t('editor.body')}</label>
        <button type="button" className="button" aria-pressed={preview} aria-controls={`${id}-preview`} onClick={() => setPreview((shown) => !shown)}>
          {preview ? t('editor.hidePreview') : t('editor.showPreview')}
        </button>
      </div>
      <textarea id="note-body" rows={14} aria-describedby="note-body-hint" {...form.register('body')} />
      <span id="note-body-hint" className="hint">
        {t('editor.bodyHint')}
      </span>
      <section id={`${id}-preview`} className="card note-preview" aria-label={t('editor.preview')} hidden={!preview}>
        {preview && (body.trim() ? <Markdown source={body} /> : <p className="hint">{t('editor.previewEmpty')}</p>)}
      </section>
    </div>
  );
}

function LinksFieldset({ form, loaded, values }: { form: ReturnType<typeof useForm<NoteForm>>; loaded: Loaded; values: Partial<NoteForm> }) {
  const { t } = useTranslation('notes');
  const { register } = form;
  const { companyId = '', engagementId = '', planId = '', assessmentId = '' } = values;
  // The entries of the chosen company, or the latest ones: a page, never the whole diary.
  const entries = useApi('engagements.list', { ...(companyId && { companyId }), limit: 200 }, [companyId]);
  const entryRows = entries.state.status === 'ready' ? entries.state.data.items : [];
  const linked = (value: string, known: boolean) => value !== '' && !known;
  return (
    <fieldset className="note-links">
      <legend>{t('links.legend')}</legend>
      <p className="hint">{t('links.hint')}</p>
      <div className="editor-grid">
        <div className="field">
          <label htmlFor="note-company">{t('links.company')}</label>
          <select id="note-company" {...register('companyId')}>
            <option value="">{t('links.none')}</option>
            {linked(companyId, loaded.companies.some((c) => c.id === companyId)) && <option value={companyId}>{t('links.gone')}</option>}
            {loaded.companies.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="note-engagement">{t('links.engagement')}</label>
          <select
            id="note-engagement"
            aria-describedby="note-engagement-hint"
            value={engagementId}
            onChange={(event) => form.setValue('engagementId', event.target.value, { shouldDirty: true })}
          >
            <option value="">{t('links.none')}</option>
            {linked(engagementId, entryRows.some((e) => e.id === engagementId)) && <option value={engagementId}>{t('links.kept')}</option>}
            {entryRows.map((e) => (
              <option key={e.id} value={e.id}>
                {formatDateTime(e.occurredAt)} · {e.title || e.companyName}
              </option>
            ))}
          </select>
          <span id="note-engagement-hint" className="hint">
            {companyId ? t('links.engagementOfCompany') : t('links.engagementLatest')}
          </span>
        </div>
        <div className="field">
          <label htmlFor="note-plan">{t('links.plan')}</label>
          <select id="note-plan" {...register('planId')}>
            <option value="">{t('links.none')}</option>
            {linked(planId, loaded.plans.some((p) => p.id === planId)) && <option value={planId}>{t('links.gone')}</option>}
            {loaded.plans.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="note-assessment">{t('links.assessment')}</label>
          <select id="note-assessment" {...register('assessmentId')}>
            <option value="">{t('links.none')}</option>
            {linked(assessmentId, loaded.assessments.some((a) => a.id === assessmentId)) && (
              <option value={assessmentId}>{t('links.gone')}</option>
            )}
            {loaded.assessments.map((a) => (
              <option key={a.id} value={a.id}>
                {a.title}
              </option>
            ))}
          </select>
        </div>
      </div>
      <LinkedRecords companyId={companyId} engagementId={engagementId} planId={planId} assessmentId={assessmentId} />
    </fieldset>
  );
}

/** Ways to open what the note points at. */
function LinkedRecords({ companyId, engagementId, planId, assessmentId }: { companyId: string; engagementId: string; planId: string; assessmentId: string }) {
  const { t } = useTranslation('notes');
  const targets = [
    companyId && { to: `/diary/companies/${companyId}`, label: t('links.openCompany') },
    engagementId && { to: `/diary/entries/${engagementId}`, label: t('links.openEngagement') },
    planId && { to: `/plans/edit/${planId}`, label: t('links.openPlan') },
    assessmentId && { to: `/assessments/${assessmentId}`, label: t('links.openAssessment') },
  ].filter((target): target is { to: string; label: string } => Boolean(target));
  if (targets.length === 0) return null;
  return (
    <ul className="note-linked">
      {targets.map((target) => (
        <li key={target.to}>
          <Link to={target.to}>{target.label}</Link>
        </li>
      ))}
    </ul>
  );
}
