import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PHASES, type Assessment, type AssessmentGuide, type PhaseKey } from '@shared/api/assessments';
import type { Framework } from '@shared/api/kb';
import { api, ApiError } from '../../../api/client';
import { ErrorMessage } from '../../../components/AsyncView';
import { formatDateTime } from '../../../i18n';
import { useDraft } from '../../diary/editor/useDraft';
import { HistoryPanel } from '../../diary/history/HistoryPanel';
import { FindingsPhase } from '../phases/FindingsPhase';
import { ImpactsPhase } from '../phases/ImpactsPhase';
import { IssuesPhase } from '../phases/IssuesPhase';
import { LegalPhase } from '../phases/LegalPhase';
import { PurposePhase } from '../phases/PurposePhase';
import { RecommendationsPhase } from '../phases/RecommendationsPhase';
import { SafetyStep } from '../phases/SafetyStep';
import { TeamPhase } from '../phases/TeamPhase';
import { UsePhase } from '../phases/UsePhase';
import { WorkspaceContext, type Workspace as WorkspaceValue } from './context';
import { draftFromForm, emptyForm, formFromAssessment, type AssessmentForm } from './form-model';
import { NameWarnings } from './NameWarnings';
import { PhaseSidebar, type Step } from './PhaseSidebar';
import { useAssessmentCheck } from './useAssessmentCheck';

interface Loaded {
  assessment: Assessment | null;
  form: AssessmentForm;
  restoredAt: string | null;
  guide: AssessmentGuide;
  frameworks: Framework[];
  companies: Array<{ id: string; name: string }>;
}

const draftKey = (id: string | undefined) => `assessment:${id ?? 'new'}`;

/** The saved assessment, any newer unsaved draft of it, and what the phases offer to choose from. */
function useWorkspaceData(id: string | undefined) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setLoaded(null);
    void (async () => {
      try {
        const [assessment, draft, guide, frameworks, companies] = await Promise.all([
          id ? api().call('assessments.get', { id }) : null,
          api().call('drafts.get', { key: draftKey(id) }),
          api().call('assessments.guide', null),
          api().call('kb.frameworks.list', null),
          api().call('companies.list', null),
        ]);
        const useDraftContent = draft && (!assessment || draft.savedAt > assessment.updatedAt);
        const form = useDraftContent ? (draft.content as AssessmentForm) : assessment ? formFromAssessment(assessment) : emptyForm();
        if (live) setLoaded({ assessment, form, restoredAt: useDraftContent ? draft.savedAt : null, guide, frameworks, companies });
      } catch (caught) {
        if (live) setError((caught as Error).message);
      }
    })();
    return () => {
      live = false;
    };
  }, [id]);
  return { loaded, error };
}

export function Workspace() {
  const params = useParams();
  const id = params.id === 'new' ? undefined : params.id;
  const { loaded, error } = useWorkspaceData(id);
  if (error) return <ErrorMessage message={error} />;
  if (!loaded) return <p className="hint" role="status">…</p>;
  return <WorkspaceForm key={id ?? 'new'} id={id} loaded={loaded} />;
}

type SaveState = { kind: 'idle' | 'saving' } | { kind: 'saved'; at: string } | { kind: 'error'; message: string };

function WorkspaceForm({ id, loaded }: { id: string | undefined; loaded: Loaded }) {
  const { t } = useTranslation('assessments');
  const navigate = useNavigate();
  const params = useParams();
  const form = useForm<AssessmentForm>({ defaultValues: loaded.form });
  const { handleSubmit, formState, reset } = form;
  const draft = useDraft<AssessmentForm>(draftKey(id));
  const [assessment, setAssessment] = useState(loaded.assessment);
  const [restoredAt, setRestoredAt] = useState(loaded.restoredAt);
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });
  const values = useWatch({ control: form.control }) as AssessmentForm;
  const check = useAssessmentCheck(values, id);
  const safetyAnswered = check?.safetyAnswered ?? false;
  const step = (params['*'] || (safetyAnswered ? 'purpose' : 'safety')) as Step;
  const base = `/assessments/${id ?? 'new'}`;

  // Every change is kept as a draft in the vault until the assessment is saved.
  useEffect(() => {
    if (formState.isDirty) draft.schedule(form.getValues());
  }, [values, formState.isDirty, draft, form]);

  const save = handleSubmit(async (data) => {
    setSaveState({ kind: 'saving' });
    draft.cancel();
    try {
      const saved = await api().call('assessments.save', draftFromForm(data, id));
      // Through the hook, so the status line stops saying that unsaved changes are kept.
      await draft.discard();
      setAssessment(saved);
      setRestoredAt(null);
      reset(formFromAssessment(saved));
      setSaveState({ kind: 'saved', at: saved.updatedAt });
      if (!id) navigate(`/assessments/${saved.id}/${step}`, { replace: true });
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
    reset(assessment ? formFromAssessment(assessment) : emptyForm());
  };

  const remove = async () => {
    if (!id || !window.confirm(t('workspace.confirmDelete'))) return;
    await draft.discard();
    await api().call('assessments.delete', { id });
    navigate('/assessments');
  };

  const replaceSaved = useCallback(
    (next: Assessment) => {
      setAssessment(next);
      reset(formFromAssessment(next));
    },
    [reset],
  );

  const workspace = useMemo<WorkspaceValue>(
    () => ({ form, assessment, guide: loaded.guide, frameworks: loaded.frameworks, companies: loaded.companies, check, dirty: formState.isDirty || !id, replaceSaved }),
    [form, assessment, loaded, check, formState.isDirty, id, replaceSaved],
  );

  return (
    <WorkspaceContext.Provider value={workspace}>
      <div className="workspace">
        <PhaseSidebar base={base} current={step} check={check} guide={loaded.guide} example={assessment?.example ?? false} title={values.title} />
        <form className="editor workspace-main" onSubmit={save} noValidate aria-labelledby="phase-title">
          {restoredAt && (
            <div className="notice" role="status">
              {t('workspace.draftRestored', { time: formatDateTime(restoredAt) })}{' '}
              <button type="button" className="button" onClick={() => void discardChanges()}>
                {t('workspace.discardDraft')}
              </button>
            </div>
          )}
          {assessment?.example && <p className="notice">{t('workspace.exampleNotice')}</p>}
          <StepContent step={step} safetyAnswered={safetyAnswered} checked={check !== null} base={base} />
          <NameWarnings hits={check?.nameHits ?? []} />
          <div className="save-bar">
            <button type="submit" className="button primary" disabled={saveState.kind === 'saving'}>
              {saveState.kind === 'saving' ? t('workspace.saving') : t('workspace.save')}
            </button>
            <span className="save-state" role="status" aria-live="polite" data-testid="save-state">
              {describeState(t, saveState, draft.state, formState.isDirty ? null : (assessment?.updatedAt ?? null))}
            </span>
            <span className="hint">{t('workspace.shortcutSave')}</span>
            {id && (
              <button type="button" className="button danger" onClick={() => void remove()}>
                {t('workspace.delete')}
              </button>
            )}
          </div>
          {saveState.kind === 'error' && <ErrorMessage message={saveState.message} />}
          {draft.state.kind === 'failed' && <ErrorMessage message={draft.state.message} />}
          {id && assessment && <HistoryPanel entity="assessment" id={id} version={assessment.updatedAt} />}
        </form>
      </div>
    </WorkspaceContext.Provider>
  );
}

const PHASE_PAGES: Record<PhaseKey, () => ReactNode> = {
  purpose: () => <PurposePhase />,
  team: () => <TeamPhase />,
  issues: () => <IssuesPhase />,
  legal: () => <LegalPhase />,
  impacts: () => <ImpactsPhase />,
  recommendations: () => <RecommendationsPhase />,
  findings: () => <FindingsPhase />,
  use: () => <UsePhase />,
};

/** The safety step, or a phase once it is answered; the core refuses phase edits before that too. */
function StepContent({ step, safetyAnswered, checked, base }: { step: Step; safetyAnswered: boolean; checked: boolean; base: string }) {
  const { t } = useTranslation('assessments');
  if (step === 'safety') return <SafetyStep />;
  if (!(PHASES as readonly string[]).includes(step)) return <ErrorMessage message={t('workspace.unknownStep')} />;
  if (!checked) return <p className="hint" role="status">…</p>;
  if (!safetyAnswered) {
    return (
      <div className="notice" role="alert">
        <p>{t('workspace.safetyFirstNeeded')}</p>
        <Link to={`${base}/safety`}>{t('workspace.goToSafety')}</Link>
      </div>
    );
  }
  return PHASE_PAGES[step]();
}

function describeState(
  t: (key: string, options?: Record<string, string>) => string,
  save: SaveState,
  draft: ReturnType<typeof useDraft>['state'],
  cleanSince: string | null,
): string {
  if (draft.kind === 'saving') return t('workspace.draftSaving');
  if (draft.kind === 'kept') return t('workspace.draftSaved', { time: formatDateTime(draft.at) });
  if (save.kind === 'saved') return t('workspace.saved', { time: formatDateTime(save.at) });
  if (cleanSince) return t('workspace.saved', { time: formatDateTime(cleanSince) });
  return '';
}
