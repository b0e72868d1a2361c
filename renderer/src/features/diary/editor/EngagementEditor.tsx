import { useEffect, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CHANNELS, type Engagement } from '@shared/api/diary';
import { api, ApiError } from '../../../api/client';
import { ErrorMessage } from '../../../components/AsyncView';
import { Markdown } from '../../../components/Markdown';
import { SafetyChecklistFields } from '../../../components/SafetyChecklistFields';
import { formatDateTime } from '../../../i18n';
import { AttachmentsPanel } from './AttachmentsPanel';
import { CommitmentsFieldset, FollowUpsFieldset } from './ItemFieldsets';
import { RiskFields } from './RiskFields';
import { HistoryPanel } from '../history/HistoryPanel';
import { draftFromForm, emptyForm, formFromEngagement, type EngagementForm } from './form-model';
import { useDraft } from './useDraft';

type Loaded = {
  engagement: Engagement | null;
  form: EngagementForm;
  restoredAt: string | null;
  /** Loaded before the form renders, so the company select can show its saved value at once. */
  companies: Array<{ id: string; name: string }>;
};

/** Loads the saved entry (if any) and any newer unsaved draft of it from the vault. */
function useEditorData(id: string | undefined, companyId: string) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setLoaded(null);
    void (async () => {
      try {
        const engagement = id ? await api().call('engagements.get', { id }) : null;
        const draft = await api().call('drafts.get', { key: draftKey(id) });
        const companies = await api().call('companies.list', null);
        const base = engagement ? formFromEngagement(engagement) : emptyForm(new Date(), companyId);
        const useDraftContent = draft && (!engagement || draft.savedAt > engagement.updatedAt);
        if (live) {
          setLoaded({ engagement, companies, form: useDraftContent ? (draft.content as EngagementForm) : base, restoredAt: useDraftContent ? draft.savedAt : null });
        }
      } catch (caught) {
        if (live) setError((caught as Error).message);
      }
    })();
    return () => {
      live = false;
    };
  }, [id, companyId]);
  return { loaded, error };
}

const draftKey = (id: string | undefined) => `engagement:${id ?? 'new'}`;

export function EngagementEditor() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const { loaded, error } = useEditorData(id, params.get('companyId') ?? '');
  if (error) return <ErrorMessage message={error} />;
  if (!loaded) return <p className="hint" role="status">…</p>;
  return <EditorForm key={id ?? 'new'} id={id} loaded={loaded} />;
}

function EditorForm({ id, loaded }: { id: string | undefined; loaded: Loaded }) {
  const { t } = useTranslation('diary');
  const navigate = useNavigate();
  const form = useForm<EngagementForm>({ defaultValues: loaded.form });
  const { register, control, handleSubmit, formState, reset } = form;
  const draft = useDraft<EngagementForm>(draftKey(id));
  const [engagement, setEngagement] = useState(loaded.engagement);
  const [restoredAt, setRestoredAt] = useState(loaded.restoredAt);
  const [saveState, setSaveState] = useState<{ kind: 'idle' | 'saving' } | { kind: 'saved'; at: string } | { kind: 'error'; message: string }>({ kind: 'idle' });
  const { companies } = loaded;
  const values = useWatch({ control }) as EngagementForm;
  const notes = values.notes ?? '';

  // Every change is kept as a draft in the vault until the entry is saved.
  useEffect(() => {
    if (formState.isDirty) draft.schedule(form.getValues());
  }, [values, formState.isDirty, draft, form]);

  const save = handleSubmit(async (data) => {
    setSaveState({ kind: 'saving' });
    draft.cancel();
    try {
      const saved = await api().call('engagements.save', draftFromForm(data, id));
      await draft.discard();
      setEngagement(saved);
      setRestoredAt(null);
      reset(formFromEngagement(saved));
      setSaveState({ kind: 'saved', at: saved.updatedAt });
      if (!id) navigate(`/diary/entries/${saved.id}`, { replace: true });
    } catch (caught) {
      setSaveState({ kind: 'error', message: caught instanceof ApiError ? caught.message : String(caught) });
      // The draft still holds everything typed.
      draft.schedule(data);
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
    reset(engagement ? formFromEngagement(engagement) : emptyForm(new Date()));
  };

  const remove = async () => {
    if (!id || !window.confirm(t('editor.confirmDelete'))) return;
    await draft.discard();
    await api().call('engagements.delete', { id });
    navigate('/diary');
  };

  return (
    <form className="editor" onSubmit={save} noValidate aria-labelledby="editor-title">
      <h1 id="editor-title">{id ? engagement?.title || t('editor.editTitle') : t('editor.newTitle')}</h1>
      {restoredAt && (
        <div className="notice" role="status">
          {t('editor.draftRestored', { time: formatDateTime(restoredAt) })}{' '}
          <button type="button" className="button" onClick={() => void discardChanges()}>
            {t('editor.discardDraft')}
          </button>
        </div>
      )}

      <div className="editor-grid">
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
      </div>
      <div className="field">
        <label htmlFor="title">{t('editor.titleField')}</label>
        <input id="title" aria-describedby="title-hint" {...register('title')} />
        <span id="title-hint" className="hint">
          {t('editor.titleHint')}
        </span>
      </div>
      <div className="editor-grid">
        <TextArea id="participantsOurs" label={t('editor.ours')} hint={t('editor.onePerLine')} register={register} />
        <TextArea id="participantsTheirs" label={t('editor.theirs')} hint={t('editor.onePerLine')} register={register} />
      </div>
      <TextArea id="purpose" label={t('editor.purpose')} register={register} />
      <TextArea id="concerns" label={t('editor.concerns')} hint={t('editor.concernsHint')} register={register} />

      <CommitmentsFieldset form={form} />
      <FollowUpsFieldset form={form} />
      <RiskFields form={form} />
      <SafetyChecklistFields register={register} name="safety" />
      <TextArea id="outcome" label={t('editor.outcome')} register={register} />
      <div className="field">
        <label htmlFor="tags">{t('editor.tags')}</label>
        <input id="tags" aria-describedby="tags-hint" {...register('tags')} />
        <span id="tags-hint" className="hint">
          {t('editor.tagsHint')}
        </span>
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

      {id && engagement && <AttachmentsPanel engagementId={id} attachments={engagement.attachments} onChange={setEngagement} />}
      {!id && <p className="hint">{t('attachments.saveFirst')}</p>}

      <div className="save-bar">
        <button type="submit" className="button primary" disabled={saveState.kind === 'saving'}>
          {saveState.kind === 'saving' ? t('editor.saving') : t('editor.save')}
        </button>
        <span className="save-state" role="status" aria-live="polite" data-testid="save-state">
          {describeState(t, saveState, draft.state, formState.isDirty ? null : (engagement?.updatedAt ?? null))}
        </span>
        <span className="hint">{t('editor.shortcutSave')}</span>
        {id && (
          <button type="button" className="button danger" onClick={() => void remove()}>
            {t('editor.delete')}
          </button>
        )}
      </div>
      {saveState.kind === 'error' && <ErrorMessage message={saveState.message} />}
      {draft.state.kind === 'failed' && <ErrorMessage message={draft.state.message} />}
      {id && engagement && <HistoryPanel entity="engagement" id={id} version={engagement.updatedAt} />}
    </form>
  );
}

function describeState(
  t: (key: string, options?: Record<string, string>) => string,
  save: { kind: string; at?: string },
  draft: ReturnType<typeof useDraft>['state'],
  /** When the entry was last saved, if nothing has changed since. */
  cleanSince: string | null,
): string {
  if (draft.kind === 'saving') return t('editor.draftSaving');
  if (draft.kind === 'kept') return t('editor.draftSaved', { time: formatDateTime(draft.at) });
  if (save.kind === 'saved' && save.at) return t('editor.saved', { time: formatDateTime(save.at) });
  if (cleanSince) return t('editor.saved', { time: formatDateTime(cleanSince) });
  return '';
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
