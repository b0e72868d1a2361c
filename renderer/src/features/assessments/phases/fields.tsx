// Small pieces every phase uses: its heading with the toolkit's words, labelled text fields, a
// checklist of ids (stakeholders, concerns, impacts, frameworks) and the sources-and-review block.
import type { ReactNode } from 'react';
import { useController, type FieldPath } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { PhaseKey } from '@shared/api/assessments';
import { useWorkspace } from '../workspace/context';
import type { AssessmentForm } from '../workspace/form-model';

type Path = FieldPath<AssessmentForm>;

export function PhaseHeader({ phase, children }: { phase: PhaseKey; children?: ReactNode }) {
  const { t } = useTranslation('assessments');
  const { guide } = useWorkspace();
  const entry = guide.phases.find((p) => p.key === phase)!;
  return (
    <header className="phase-header">
      <h1 id="phase-title">{t('phase.heading', { number: entry.number, title: entry.title })}</h1>
      <blockquote className="toolkit-quote">
        <p>{entry.whatHappens}.</p>
        <footer className="hint">{t('phase.toolkitSays')}</footer>
      </blockquote>
      {children && <div className="hint">{children}</div>}
    </header>
  );
}

export function TextField({ id, name, label, hint, multiline = false, type }: { id: string; name: Path; label: string; hint?: string; multiline?: boolean; type?: string }) {
  const { form } = useWorkspace();
  const described = hint ? `${id}-hint` : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? <textarea id={id} aria-describedby={described} {...form.register(name)} /> : <input id={id} type={type} aria-describedby={described} {...form.register(name)} />}
      {hint && (
        <span id={described} className="hint">
          {hint}
        </span>
      )}
    </div>
  );
}

/** Checkboxes whose value is the list of checked ids; one option or many, it is always an array. */
export function IdChecklist({ name, legend, options, empty }: { name: Path; legend: string; options: Array<{ id: string; label: string }>; empty: string }) {
  const { form } = useWorkspace();
  const { field } = useController({ control: form.control, name });
  const checked = new Set(Array.isArray(field.value) ? (field.value as string[]) : []);
  const toggle = (id: string) => {
    const next = new Set(checked);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    field.onChange(options.map((o) => o.id).filter((o) => next.has(o)));
  };
  return (
    <fieldset className="id-checklist">
      <legend>{legend}</legend>
      {options.length === 0 && <p className="hint">{empty}</p>}
      {options.map((option) => (
        <label key={option.id} className="check">
          <input type="checkbox" checked={checked.has(option.id)} onChange={() => toggle(option.id)} /> {option.label}
        </label>
      ))}
    </fieldset>
  );
}

/** Per element (the app's safeguard, not the toolkit's): where it comes from, and who confirmed it when. */
export function SourcesAndReview({ prefix, idPrefix }: { prefix: `impacts.${number}` | `findings.${number}`; idPrefix: string }) {
  const { t } = useTranslation('assessments');
  return (
    <div className="sources-review">
      <TextField id={`${idPrefix}-sources`} name={`${prefix}.sources`} label={t('review.sources')} hint={t('review.sourcesHint')} multiline />
      <fieldset>
        <legend>{t('review.legend')}</legend>
        <p className="hint">{t('review.hint')}</p>
        <div className="editor-grid">
          <TextField id={`${idPrefix}-reviewer`} name={`${prefix}.review.reviewer`} label={t('review.reviewer')} />
          <TextField id={`${idPrefix}-reviewer-role`} name={`${prefix}.review.role`} label={t('review.role')} />
          <TextField id={`${idPrefix}-confirmed`} name={`${prefix}.review.confirmedOn`} label={t('review.confirmedOn')} type="date" />
        </div>
      </fieldset>
    </div>
  );
}

export function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  const { t } = useTranslation('assessments');
  return (
    <button type="button" className="button" onClick={onClick} aria-label={label}>
      {t('common.remove')}
    </button>
  );
}
