// Small pieces every phase uses: its heading with the toolkit's words, labelled text fields, a
// select of coded values, a checklist of ids (stakeholders, concerns, impacts, frameworks) and the
// sources-and-review block.
import type { ReactNode } from 'react';
import { useController, useFieldArray, useWatch, type FieldPath } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CORROBORATION_STATUSES, SOURCE_TYPES, type PhaseKey } from '@shared/api/assessments';
import { CollapsibleSection } from '../../../components/CollapsibleSection';
import { formatDay } from '../../../i18n';
import { useWorkspace } from '../workspace/context';
import { isConfirmed, sourceCount } from '../workspace/section-summaries';
import { newSource, type AssessmentForm } from '../workspace/form-model';

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

/** A labelled select whose options are coded values with their words. */
export function SelectField({ id, name, label, options, hint }: { id: string; name: Path; label: string; options: Array<{ value: string; label: string }>; hint?: string }) {
  const { form } = useWorkspace();
  const described = hint ? `${id}-hint` : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} aria-describedby={described} {...form.register(name)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {hint && (
        <span id={described} className="hint">
          {hint}
        </span>
      )}
    </div>
  );
}

type Element = `impacts.${number}` | `findings.${number}`;

/** One row per source: what it is, and its kind. */
function SourcesEditor({ prefix, idPrefix }: { prefix: Element; idPrefix: string }) {
  const { t } = useTranslation('assessments');
  const { form } = useWorkspace();
  const sources = useFieldArray({ control: form.control, name: `${prefix}.sources`, keyName: 'key' });
  return (
    <fieldset>
      <legend>{t('review.sources')}</legend>
      <p className="hint">{t('review.sourcesHint')}</p>
      {sources.fields.map((field, j) => (
        <div key={field.key} className="editor-grid source-row" role="group" aria-label={t('sources.item', { number: j + 1 })}>
          <TextField id={`${idPrefix}-source-${j}-text`} name={`${prefix}.sources.${j}.text`} label={t('sources.text')} />
          <SelectField
            id={`${idPrefix}-source-${j}-type`}
            name={`${prefix}.sources.${j}.type`}
            label={t('sources.type')}
            options={SOURCE_TYPES.map((type) => ({ value: type, label: t(`sources.types.${type}`) }))}
          />
          <RemoveButton label={t('sources.remove', { number: j + 1 })} onClick={() => sources.remove(j)} />
        </div>
      ))}
      <button type="button" className="button" onClick={() => sources.append(newSource(), { shouldFocus: true })}>
        {t('sources.add')}
      </button>
      <div className="editor-grid">
        <SelectField
          id={`${idPrefix}-corroboration`}
          name={`${prefix}.corroboration.status`}
          label={t('corroboration.status')}
          options={CORROBORATION_STATUSES.map((status) => ({ value: status, label: t(`corroboration.statuses.${status}`) }))}
        />
        <TextField id={`${idPrefix}-corroboration-note`} name={`${prefix}.corroboration.note`} label={t('corroboration.note')} hint={t('corroboration.noteHint')} />
      </div>
    </fieldset>
  );
}

/**
 * Per element (the app's safeguard, not the toolkit's): where it comes from, and who confirmed it
 * when. Closed, its line says how many sources and whether a reviewer has confirmed it.
 */
export function SourcesAndReview({ prefix, idPrefix }: { prefix: Element; idPrefix: string }) {
  const { t } = useTranslation('assessments');
  const { form } = useWorkspace();
  const [sources, review] = useWatch({ control: form.control, name: [`${prefix}.sources`, `${prefix}.review`] });
  const counted = t('sections.sources', { count: sourceCount(sources ?? []) });
  const summary = review && isConfirmed(review) ? t('sections.confirmed', { sources: counted, date: formatDay(review.confirmedOn) }) : t('sections.notConfirmed', { sources: counted });
  return (
    <CollapsibleSection lazy name="assessment.sourcesReview" title={t('sections.sourcesReview')} summary={summary}>
      <div className="sources-review">
        <SourcesEditor prefix={prefix} idPrefix={idPrefix} />
        <fieldset>
          <legend>{t('review.legend')}</legend>
          <p className="hint">{t('review.hint')}</p>
          <div className="editor-grid">
            <TextField id={`${idPrefix}-reviewer`} name={`${prefix}.review.reviewer`} label={t('review.reviewer')} hint={t('review.reviewerHint')} />
            <TextField id={`${idPrefix}-reviewer-role`} name={`${prefix}.review.role`} label={t('review.role')} />
            <TextField id={`${idPrefix}-confirmed`} name={`${prefix}.review.confirmedOn`} label={t('review.confirmedOn')} type="date" />
          </div>
        </fieldset>
      </div>
    </CollapsibleSection>
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
