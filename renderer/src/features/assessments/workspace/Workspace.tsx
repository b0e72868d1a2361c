import { useCallback, useMemo, type ReactNode } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PHASES, type Assessment, type AssessmentGuide, type PhaseKey } from '@shared/api/assessments';
import type { Framework } from '@shared/api/kb';
import { api } from '../../../api/client';
import { AsyncView, ErrorMessage } from '../../../components/AsyncView';
import { useAsync } from '../../../components/useApi';
import { DraftRestoredNotice } from '../../../components/editor/DraftRestoredNotice';
import { SaveBar } from '../../../components/editor/SaveBar';
import { useRecordEditor } from '../../../components/editor/useRecordEditor';
import { HistoryPanel } from '../../diary/history/HistoryPanel';
import { Provenance } from '../../exchange';
import { ShareItemButton } from '../../exchange/ShareItemButton';
import { DraftSubmissionLink } from '../../submissions/DraftSubmissionLink';
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
import { draftFromForm, emptyForm, FORM_SHAPE, formFromAssessment, type AssessmentForm } from './form-model';
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
async function loadWorkspace(id: string | undefined): Promise<Loaded> {
  const [assessment, draft, guide, frameworks, companies] = await Promise.all([
    id ? api().call('assessments.get', { id }) : null,
    api().call('drafts.get', { key: draftKey(id) }),
    api().call('assessments.guide', null),
    api().call('kb.frameworks.list', null),
    api().call('companies.list', null),
  ]);
  // A draft kept by a version whose form had another shape would not fit the fields; the saved record wins.
  const fits = (draft?.content as Partial<AssessmentForm> | undefined)?.formShape === FORM_SHAPE;
  const useDraftContent = draft && fits && (!assessment || draft.savedAt > assessment.updatedAt);
  const form = useDraftContent ? (draft.content as AssessmentForm) : assessment ? formFromAssessment(assessment) : emptyForm();
  return { assessment, form, restoredAt: useDraftContent ? draft.savedAt : null, guide, frameworks, companies };
}

export function Workspace() {
  const params = useParams();
  const id = params.id === 'new' ? undefined : params.id;
  const state = useAsync(() => loadWorkspace(id), [id]);
  return <AsyncView state={state}>{(loaded) => <WorkspaceForm key={id ?? 'new'} id={id} loaded={loaded} />}</AsyncView>;
}

function WorkspaceForm({ id, loaded }: { id: string | undefined; loaded: Loaded }) {
  const { t } = useTranslation('assessments');
  const navigate = useNavigate();
  const params = useParams();
  const form = useForm<AssessmentForm>({ defaultValues: loaded.form });
  const { formState, reset } = form;
  const values = useWatch({ control: form.control }) as AssessmentForm;
  const check = useAssessmentCheck(values, id);
  const safetyAnswered = check?.safetyAnswered ?? false;
  const step = (params['*'] || (safetyAnswered ? 'purpose' : 'safety')) as Step;
  const base = `/assessments/${id ?? 'new'}`;

  const editor = useRecordEditor({
    form,
    draftKey: draftKey(id),
    record: loaded.assessment,
    restoredAt: loaded.restoredAt,
    toForm: formFromAssessment,
    blankForm: emptyForm(),
    persist: (data) => api().call('assessments.save', draftFromForm(data, id)),
    onCreated: (saved) => navigate(`/assessments/${saved.id}/${step}`, { replace: true }),
  });
  const assessment = editor.record;
  const { setRecord } = editor;

  const remove = () => {
    if (!id || !window.confirm(t('workspace.confirmDelete'))) return;
    void editor.deleteRecord(
      () => api().call('assessments.delete', { id }),
      () => navigate('/assessments'),
    );
  };

  const replaceSaved = useCallback(
    (next: Assessment) => {
      setRecord(next);
      reset(formFromAssessment(next));
    },
    [setRecord, reset],
  );

  const workspace = useMemo<WorkspaceValue>(
    () => ({ form, assessment, guide: loaded.guide, frameworks: loaded.frameworks, companies: loaded.companies, check, dirty: formState.isDirty || !id, replaceSaved }),
    [form, assessment, loaded, check, formState.isDirty, id, replaceSaved],
  );

  return (
    <WorkspaceContext.Provider value={workspace}>
      <div className="workspace">
        <PhaseSidebar base={base} current={step} check={check} guide={loaded.guide} example={assessment?.example ?? false} title={values.title} />
        <form className="editor workspace-main" onSubmit={editor.save} noValidate aria-labelledby="phase-title">
          <DraftRestoredNotice at={editor.restoredAt} onDiscard={() => void editor.discardChanges()} />
          {id && <Provenance entity="assessment" id={id} />}
          {assessment?.example && <p className="notice">{t('workspace.exampleNotice')}</p>}
          <StepContent step={step} safetyAnswered={safetyAnswered} checked={check !== null} base={base} />
          <NameWarnings hits={check?.nameHits ?? []} />
          <SaveBar editor={editor} saveLabel={t('workspace.save')}>
            {id && (
              <button type="button" className="button danger" onClick={remove}>
                {t('workspace.delete')}
              </button>
            )}
          </SaveBar>
          {id && assessment && (
            <p className="actions">
              <DraftSubmissionLink from={{ assessmentId: id }} />
            </p>
          )}
          {id && assessment && <ShareItemButton kind="assessment" id={id} title={assessment.title} />}
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
