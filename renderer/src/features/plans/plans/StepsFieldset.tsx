import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Controller, useWatch, type UseFieldArrayReturn, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ESCALATION_STAGES, MANDATE_MECHANISMS, SP_MANDATES, STATUSES_NEEDING_ACKNOWLEDGEMENT, STEP_STATUSES } from '@shared/api/plans';
import type { MechanismSummary } from '@shared/api/kb';
import { RecordPicker, type PickerOption, type PickerPage } from '../../../components/RecordPicker';
import { DraftSubmissionLink } from '../../submissions/DraftSubmissionLink';
import { ExposureAcknowledgement } from './ExposureAcknowledgement';
import { MechanismGuide } from './MechanismGuide';
import { newStep, type PlanForm } from './plan-form';
import { StepSubmissions } from './StepSubmissions';

type Form = UseFormReturn<PlanForm>;
export type StepsArray = UseFieldArrayReturn<PlanForm, 'steps', 'key'>;

/** Where a step's picker finds diary entries, and the labels of those already linked. */
export interface EngagementPickerSource {
  search: (text: string, cursor: string | null) => Promise<PickerPage>;
  known: ReadonlyMap<string, PickerOption>;
}

/**
 * The escalation ladder. Steps move with the Up/Down buttons, with Alt+ArrowUp/Alt+ArrowDown
 * anywhere in a step, or by dragging the handle; focus follows the moved step and a live region
 * says where it went.
 */
interface StepsProps {
  form: Form;
  steps: StepsArray;
  mechanisms: MechanismSummary[];
  engagementPicker: EngagementPickerSource;
  /** The plan's risk level: 'high' keeps steps from starting until their exposure is acknowledged. */
  riskLevel: string;
  /** "6 steps, 1 started, 2 done". */
  summary: string;
}

export function StepsFieldset({ form, steps, mechanisms, engagementPicker, riskLevel, summary }: StepsProps) {
  const { t } = useTranslation('plans');
  const { fields, append, remove, move } = steps;
  const [announcement, setAnnouncement] = useState('');
  const [dragFrom, setDragFrom] = useState<number | null>(null);
  const [dropAt, setDropAt] = useState<number | null>(null);
  const list = useRef<HTMLOListElement>(null);
  // Steps the editor opened with show their details on demand; steps added now open at once.
  const [loadedIds] = useState(() => new Set(form.getValues('steps').map((step) => step.id)));

  const moveStep = (from: number, to: number) => {
    if (to < 0 || to >= fields.length || from === to) return;
    move(from, to);
    setAnnouncement(t('steps.moved', { title: form.getValues(`steps.${to}.title`) || t('steps.untitled'), position: to + 1, total: fields.length }));
    // After React has re-rendered the list, keep focus on the moved step's handle.
    requestAnimationFrame(() => list.current?.querySelector<HTMLElement>(`[data-step-index="${to}"] .drag-handle`)?.focus());
  };

  const onKeyDown = (index: number) => (event: KeyboardEvent) => {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    moveStep(index, event.key === 'ArrowUp' ? index - 1 : index + 1);
  };

  return (
    <fieldset className="steps" data-testid="plan-steps">
      <legend>
        {t('steps.title')} <span className="section-summary">{summary}</span>
      </legend>
      <p className="hint" id="steps-help">
        {t('steps.suggestion')} {t('steps.help')}
      </p>
      {fields.length === 0 && <p className="hint">{t('steps.empty')}</p>}
      <ol className="ladder" ref={list} aria-describedby="steps-help">
        {fields.map((field, index) => (
          <li
            key={field.key}
            data-step-index={index}
            className={`step-card${dragFrom === index ? ' dragging' : ''}${dropAt === index && dragFrom !== index ? ' drop-target' : ''}`}
            aria-label={t('steps.item', { n: index + 1 })}
            onKeyDown={onKeyDown(index)}
            onDragOver={(e) => {
              if (dragFrom === null) return;
              e.preventDefault();
              setDropAt(index);
            }}
            onDrop={(e) => {
              e.preventDefault();
              if (dragFrom !== null) moveStep(dragFrom, index);
              setDragFrom(null);
              setDropAt(null);
            }}
          >
            <StepCard form={form} index={index} count={fields.length} added={!loadedIds.has(field.id)} mechanisms={mechanisms} engagementPicker={engagementPicker} riskLevel={riskLevel} onMove={moveStep} onRemove={() => remove(index)} onDrag={setDragFrom} onDragEnd={() => { setDragFrom(null); setDropAt(null); }} />
          </li>
        ))}
      </ol>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      <button type="button" className="button" onClick={() => append(newStep(), { shouldFocus: true })}>
        {t('steps.add')}
      </button>
    </fieldset>
  );
}

interface StepCardProps {
  form: Form;
  index: number;
  count: number;
  /** Added since the editor opened: its details start open. */
  added: boolean;
  mechanisms: MechanismSummary[];
  engagementPicker: EngagementPickerSource;
  riskLevel: string;
  onMove: (from: number, to: number) => void;
  onRemove: () => void;
  onDrag: (index: number) => void;
  onDragEnd: () => void;
}

function StepCard({ form, index, count, added, mechanisms, engagementPicker, riskLevel, onMove, onRemove, onDrag, onDragEnd }: StepCardProps) {
  const { t } = useTranslation('plans');
  const { register, control } = form;
  const title = useWatch({ control, name: `steps.${index}.title` });
  const mechanismId = useWatch({ control, name: `steps.${index}.mechanismId` });
  const stepId = useWatch({ control, name: `steps.${index}.id` });
  // A saved plan's steps can start a submission draft; a plan not saved yet has no id to start from.
  const { id: planId = '' } = useParams();
  const stage = useWatch({ control, name: `steps.${index}.stage` });
  const acknowledged = useWatch({ control, name: `steps.${index}.exposureAcknowledged` });
  // Mirrors the rule core enforces on save (plans/exposure-gate.ts).
  const gated = riskLevel === 'high' && !(acknowledged && acknowledged.mechanismId === (mechanismId || null));
  const linked = useWatch({ control, name: `steps.${index}.engagementIds` });
  // In a high-risk plan what each route exposes stays in view, and a gated step shows its acknowledgement.
  const [detailsOpen, setDetailsOpen] = useState(added || riskLevel === 'high');
  useEffect(() => {
    if (gated || riskLevel === 'high') setDetailsOpen(true);
  }, [gated, riskLevel]);
  const mechanismName = mechanisms.find((m) => m.id === mechanismId)?.name ?? t('steps.noMechanism');
  const linkedCount = linked?.length ?? 0;
  const id = (name: string) => `step-${index}-${name}`;
  const name = title || t('steps.untitled');
  return (
    <>
      {/* The heading names the step for screen readers; the row shows its title in the field itself. */}
      <h3 className="visually-hidden">{t('steps.heading', { n: index + 1, title: name })}</h3>
      <div className="step-row">
        <button
          type="button"
          className="button drag-handle"
          draggable
          onDragStart={(e) => {
            e.dataTransfer.effectAllowed = 'move';
            e.dataTransfer.setData('text/plain', String(index));
            onDrag(index);
          }}
          onDragEnd={onDragEnd}
          aria-label={t('steps.handle', { n: index + 1, title: name })}
          aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
          title={t('steps.handleHint')}
        >
          ⠿
        </button>
        <div className="step-grid step-main">
          <div className="field step-title">
            <label htmlFor={id('title')}>{t('steps.stepTitle')}</label>
            <input id={id('title')} {...register(`steps.${index}.title`, { required: true })} />
          </div>
          <div className="field">
            <label htmlFor={id('stage')}>{t('steps.stage')}</label>
            <select id={id('stage')} {...register(`steps.${index}.stage`)}>
              {ESCALATION_STAGES.map((stage) => (
                <option key={stage} value={stage}>
                  {t(`stages.${stage}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={id('status')}>{t('steps.status')}</label>
            <select id={id('status')} aria-describedby={gated ? id('gated') : undefined} {...register(`steps.${index}.status`)}>
              {STEP_STATUSES.map((status) => (
                <option key={status} value={status} disabled={gated && STATUSES_NEEDING_ACKNOWLEDGEMENT.includes(status)}>
                  {t(`statuses.${status}`)}
                </option>
              ))}
            </select>
            {gated && (
              <span id={id('gated')} className="hint">
                {t('steps.gated')}
              </span>
            )}
          </div>
          <div className="field">
            <label htmlFor={id('start')}>{t('steps.startDate')}</label>
            <input id={id('start')} type="date" {...register(`steps.${index}.startDate`)} />
          </div>
          <div className="field">
            <label htmlFor={id('target')}>{t('steps.targetDate')}</label>
            <input id={id('target')} type="date" {...register(`steps.${index}.targetDate`)} />
          </div>
        </div>
        <div className="step-actions">
          <button type="button" className="button" disabled={index === 0} onClick={() => onMove(index, index - 1)} aria-label={t('steps.up', { title: name })}>
            {t('steps.upShort')}
          </button>
          <button type="button" className="button" disabled={index === count - 1} onClick={() => onMove(index, index + 1)} aria-label={t('steps.down', { title: name })}>
            {t('steps.downShort')}
          </button>
          <button type="button" className="button danger" onClick={onRemove} aria-label={t('steps.remove', { title: name })}>
            {t('remove')}
          </button>
        </div>
      </div>
      {/* The rest of the step opens on demand. */}
      <details className="step-details" open={detailsOpen} onToggle={(event) => setDetailsOpen(event.currentTarget.open)}>
        <summary>
          <span className="section-title">{t('sections.stepDetails')}</span>{' '}
          <span className="section-summary">{t('sections.stepDetailsSummary', { mechanism: mechanismName, count: linkedCount })}</span>
        </summary>
        <div className="field">
          <label htmlFor={id('mechanism')}>{t('steps.mechanism')}</label>
          <select id={id('mechanism')} {...register(`steps.${index}.mechanismId`)}>
            <option value="">{t('steps.noMechanism')}</option>
            {mechanisms.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </div>
        {mechanismId && <MechanismGuide id={mechanismId} />}
        {planId && stepId ? <DraftSubmissionLink from={{ planId, stepId }} subject={name} /> : null}
        <Controller
          control={control}
          name={`steps.${index}.submissionIds`}
          render={({ field }) => <StepSubmissions id={id('submissions')} value={field.value} onChange={field.onChange} />}
        />
        {stage === 'un' && (
          <fieldset className="mandates">
            <legend>{t('steps.mandates')}</legend>
            <p className="hint">{t('steps.mandatesHint')}</p>
            {SP_MANDATES.map((mandate) => (
              <div key={mandate} className="check">
                <label>
                  <input type="checkbox" value={mandate} {...register(`steps.${index}.mandates`)} /> {t(`mandates.${mandate}`)}
                </label>
                {MANDATE_MECHANISMS[mandate] && mechanisms.some((m) => m.id === MANDATE_MECHANISMS[mandate]) && (
                  <>
                    {' '}
                    · <Link to={`/kb/mechanisms/${MANDATE_MECHANISMS[mandate]}`}>{t('steps.mandateEntry')}</Link>
                  </>
                )}
              </div>
            ))}
            <label className="check">
              <input type="checkbox" {...register(`steps.${index}.jointCommunication`)} /> {t('steps.joint')}
            </label>
          </fieldset>
        )}
        <Controller
          control={control}
          name={`steps.${index}.exposureAcknowledged`}
          render={({ field }) => (
            <ExposureAcknowledgement idPrefix={id('exposure')} mechanismId={mechanismId || null} riskLevel={riskLevel} value={field.value} onChange={field.onChange} />
          )}
        />
        <div className="step-grid">
          <div className="field">
            <label htmlFor={id('trigger')}>{t('steps.trigger')}</label>
            <input id={id('trigger')} {...register(`steps.${index}.trigger`)} />
          </div>
          <div className="field">
            <label htmlFor={id('trigger-date')}>{t('steps.triggerDate')}</label>
            <input id={id('trigger-date')} type="date" {...register(`steps.${index}.triggerDate`)} />
          </div>
        </div>
        <div className="field">
          <label htmlFor={id('outcome')}>{t('steps.outcome')}</label>
          <textarea id={id('outcome')} rows={2} {...register(`steps.${index}.outcome`)} />
        </div>
        <Controller
          control={control}
          name={`steps.${index}.engagementIds`}
          render={({ field }) => (
            <RecordPicker
              id={id('engagements')}
              label={t('steps.engagements')}
              value={field.value}
              onChange={field.onChange}
              search={engagementPicker.search}
              known={engagementPicker.known}
              missingLabel={t('engagements.deleted')}
            />
          )}
        />
      </details>
    </>
  );
}
