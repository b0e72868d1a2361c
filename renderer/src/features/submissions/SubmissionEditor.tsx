import { useId, useState } from 'react';
import { useForm, useWatch, type UseFormReturn } from 'react-hook-form';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CompanySummary } from '@shared/api/diary';
import type { Person } from '@shared/api/identity';
import { SUBMISSION_STATUSES, type Submission, type SubmissionSource, type SubmissionTemplate } from '@shared/api/submissions';
import { countWords } from '@shared/domain/word-count';
import { api } from '../../api/client';
import { AsyncView } from '../../components/AsyncView';
import { CollapsibleSection } from '../../components/CollapsibleSection';
import { DraftRestoredNotice } from '../../components/editor/DraftRestoredNotice';
import { SaveBar } from '../../components/editor/SaveBar';
import { useRecordEditor } from '../../components/editor/useRecordEditor';
import { Markdown } from '../../components/Markdown';
import { useAsync } from '../../components/useApi';
import { formatDay } from '../../i18n';
import { HistoryPanel } from '../diary/history/HistoryPanel';
import { acceptedLanguages, languageList, languageName } from './document-language';
import { LogReply } from './LogReply';
import { RequirementsPanel } from './RequirementsPanel';
import { RouteFields } from './RouteFields';
import { SubmissionExport } from './SubmissionExport';
import { TemplateGuide, TemplateTranslationNotice } from './TemplateGuide';
import { templateWords } from './template-words';
import { useTemplateTranslation } from './useTemplateTranslation';
import { draftFromForm, filledFields, formFromSubmission, restoredForm, type SubmissionForm } from './submission-form';
import { useRequirements } from './useRequirements';

interface Loaded {
  submission: Submission;
  form: SubmissionForm;
  restoredAt: string | null;
  templates: SubmissionTemplate[];
  companies: CompanySummary[];
  people: Person[];
}

export const submissionDraftKey = (id: string) => `submission:${id}`;

/** The saved draft, any newer unsaved change to it, and what its fields choose from. */
async function loadSubmission(id: string): Promise<Loaded> {
  const client = api();
  const [submission, draft, templates, companies, people] = await Promise.all([
    client.call('submissions.get', { id }),
    client.call('drafts.get', { key: submissionDraftKey(id) }),
    client.call('submissions.templates', null),
    client.call('companies.list', null),
    client.call('people.list', null),
  ]);
  const base = formFromSubmission(submission);
  const useDraft = draft && draft.savedAt > submission.updatedAt;
  return { submission, form: useDraft ? restoredForm(draft.content, base) : base, restoredAt: useDraft ? draft.savedAt : null, templates, companies, people };
}

/** Drafts are created by "Draft a submission" (saved and prefilled at once), so the editor always has an id. */
export function SubmissionEditor() {
  const { id = '' } = useParams();
  const state = useAsync(() => loadSubmission(id), [id]);
  return <AsyncView state={state}>{(loaded) => <SubmissionEditorForm key={id} id={id} loaded={loaded} />}</AsyncView>;
}

function SubmissionEditorForm({ id, loaded }: { id: string; loaded: Loaded }) {
  const { t } = useTranslation('submissions');
  const navigate = useNavigate();
  const form = useForm<SubmissionForm>({ defaultValues: loaded.form });
  const { register, control, formState } = form;
  const editor = useRecordEditor({
    form,
    draftKey: submissionDraftKey(id),
    record: loaded.submission,
    restoredAt: loaded.restoredAt,
    toForm: formFromSubmission,
    blankForm: loaded.form,
    persist: (input) => api().call('submissions.save', draftFromForm(input, id)),
    onCreated: () => undefined,
  });
  const submission = editor.record ?? loaded.submission;
  const values = useWatch({ control }) as SubmissionForm;
  const draft = draftFromForm({ ...loaded.form, ...values, fields: { ...loaded.form.fields, ...values.fields } }, id);
  const requirements = useRequirements(draft);
  const template = loaded.templates.find((tpl) => tpl.route === submission.route);
  const translation = useTemplateTranslation();
  const [showEnglish, setShowEnglish] = useState(false);
  const toggleEnglish = () => setShowEnglish((shown) => !shown);
  const text = template && templateWords(template, translation?.translation ?? null, showEnglish);
  const words = countWords(values.body ?? '');
  const status = values.status ?? 'drafting';
  const filingSummary = values.filingDeadline
    ? t('sections.filingSummary', { status: t(`status.${status}`), date: formatDay(values.filingDeadline) })
    : t('sections.filingSummaryNoDeadline', { status: t(`status.${status}`) });

  const remove = () => {
    if (!window.confirm(t('editor.confirmDelete'))) return;
    void editor.deleteRecord(
      () => api().call('submissions.delete', { id }),
      () => navigate('/submissions'),
    );
  };

  return (
    <form className="editor submission-editor" onSubmit={editor.save} noValidate aria-labelledby="submission-heading">
      <h1 id="submission-heading">{submission.title || t('editor.untitled')}</h1>
      <p className="lead">
        {t(`routes.${submission.route}`)}
        <SourceLink source={submission.source} />
      </p>
      <DraftRestoredNotice at={editor.restoredAt} onDiscard={() => void editor.discardChanges()} />
      <div className="field">
        <label htmlFor="submission-title">{t('editor.title')}</label>
        <input id="submission-title" maxLength={300} aria-invalid={Boolean(formState.errors.title)} {...register('title', { validate: (v) => v.trim() !== '' || t('editor.titleRequired') })} />
        {formState.errors.title && (
          <span className="error-text" role="alert">
            {formState.errors.title.message}
          </span>
        )}
      </div>
      <CollapsibleSection name="submission.filing" title={t('sections.filing')} summary={filingSummary} defaultOpen>
        <div className="editor-grid">
          <DocumentLanguage
            register={register}
            language={values.language ?? 'en'}
            template={template}
            offered={translation?.documentLanguages[submission.route] ?? ['en']}
          />
          <div className="field">
            <label htmlFor="submission-deadline">{t('editor.filingDeadline')}</label>
            <input id="submission-deadline" type="date" aria-describedby="submission-deadline-hint" {...register('filingDeadline')} />
            <span id="submission-deadline-hint" className="hint">
              {t('editor.filingDeadlineHint')}
            </span>
          </div>
          <div className="field">
            <label htmlFor="submission-status">{t('editor.status')}</label>
            <select id="submission-status" {...register('status')}>
              {SUBMISSION_STATUSES.map((value) => (
                <option key={value} value={value}>
                  {t(`status.${value}`)}
                </option>
              ))}
            </select>
          </div>
          {status !== 'drafting' && status !== 'internalReview' && (
            <div className="field">
              <label htmlFor="submission-filed-on">{t('editor.filedOn')}</label>
              <input id="submission-filed-on" type="date" {...register('filedOn')} />
            </div>
          )}
        </div>
        {status === 'outcome' && (
          <div className="field">
            <label htmlFor="submission-outcome">{t('editor.outcomeNote')}</label>
            <textarea id="submission-outcome" rows={3} {...register('outcomeNote')} />
          </div>
        )}
        <label className="check">
          <input type="checkbox" aria-describedby="submission-appendix-hint" {...register('includeHashAppendix')} /> {t('editor.includeHashAppendix')}
        </label>
        <p id="submission-appendix-hint" className="hint">
          {t('editor.includeHashAppendixHint')}
        </p>
      </CollapsibleSection>

      <CollapsibleSection name={`submission.fields.${submission.route}`} title={t('editor.routeFields')} summary={t('sections.filled', filledFields(submission.route, values.fields ?? loaded.form.fields))} defaultOpen>
        {text && <TemplateTranslationNotice words={text} onToggle={toggleEnglish} />}
        <RouteFields form={form} route={submission.route} choices={{ companies: loaded.companies, people: loaded.people }} words={text ?? null} />
      </CollapsibleSection>

      {template && text && <TemplateGuide template={template} words={text} onToggle={toggleEnglish} />}

      <div className="submission-body-area">
        <BodyField form={form} body={values.body ?? ''} />
        <RequirementsPanel
          requirements={requirements}
          template={template}
          words={words}
          joint={values.fields?.joint ?? false}
          exportAnchor={editor.isDirty ? null : 'submission-export'}
          templateText={text}
          onToggleEnglish={toggleEnglish}
        />
      </div>

      <SaveBar editor={editor} saveLabel={t('editor.save')}>
        <button type="button" className="button danger" onClick={remove}>
          {t('editor.delete')}
        </button>
      </SaveBar>
      {submission.route === 'rightOfReply' && (
        <LogReply
          submission={submission}
          dirty={formState.isDirty}
          onLogged={(saved) => {
            editor.setRecord(saved);
            form.reset(formFromSubmission(saved));
          }}
        />
      )}
      <SubmissionExport id={id} dirty={formState.isDirty} />
      <HistoryPanel entity="submission" id={id} version={submission.updatedAt} />
    </form>
  );
}

/**
 * The language the draft is written in, which is the language of the exported document: only
 * those the body accepts and the app has headings for are offered (English first), and the hint
 * says, in the interface's language, which languages the body takes and whether that is verified.
 */
function DocumentLanguage({ register, language, template, offered }: { register: UseFormReturn<SubmissionForm>['register']; language: string; template: SubmissionTemplate | undefined; offered: readonly string[] }) {
  const { t } = useTranslation('submissions');
  const rule = acceptedLanguages(t, template);
  return (
    <div className="field">
      <label htmlFor="submission-language">{t('editor.language')}</label>
      <select id="submission-language" aria-describedby="submission-language-hint submission-language-export" {...register('language')}>
        {!offered.includes(language) && <option value={language}>{languageName(language)}</option>}
        {offered.map((code) => (
          <option key={code} value={code}>
            {languageName(code)}
          </option>
        ))}
      </select>
      <span id="submission-language-hint" className="hint" data-testid="accepted-languages">
        {rule}
      </span>
      <span id="submission-language-export" className={offered.includes(language) ? 'hint' : 'hint error-text'}>
        {offered.includes(language) ? t('editor.headingsIn', { languages: languageList(offered) }) : t('editor.exportInEnglish', { language: languageName(language) })}
      </span>
    </div>
  );
}

/** The Markdown body, written in a plain text area and previewed through the app's sanitiser. */
function BodyField({ form, body }: { form: UseFormReturn<SubmissionForm>; body: string }) {
  const { t } = useTranslation('submissions');
  const id = useId();
  const [preview, setPreview] = useState(false);
  return (
    <div className="field submission-body">
      <div className="note-body-head">
        <label htmlFor="submission-body">{t('editor.body')}</label>
        <button type="button" className="button" aria-pressed={preview} aria-controls={`${id}-preview`} onClick={() => setPreview((shown) => !shown)}>
          {preview ? t('editor.hidePreview') : t('editor.showPreview')}
        </button>
      </div>
      <textarea id="submission-body" rows={22} aria-describedby="submission-body-hint submission-word-count" {...form.register('body')} />
      <span id="submission-body-hint" className="hint">
        {t('editor.bodyHint')}
      </span>
      <section id={`${id}-preview`} className="card note-preview" aria-label={t('editor.preview')} hidden={!preview}>
        {preview && (body.trim() ? <Markdown source={body} /> : <p className="hint">{t('editor.previewEmpty')}</p>)}
      </section>
    </div>
  );
}

/** Where the draft was started from, as a way back to it. */
function SourceLink({ source }: { source: SubmissionSource }) {
  const { t } = useTranslation('submissions');
  if (!source) return null;
  const to = source.kind === 'planStep' ? `/plans/edit/${source.planId}` : source.kind === 'package' ? `/plans/packages/${source.id}` : `/assessments/${source.id}`;
  return (
    <>
      {' · '}
      <Link to={to}>{t(`editor.source.${source.kind}`)}</Link>
    </>
  );
}
