import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Requirement, Requirements, SubmissionTemplate } from '@shared/api/submissions';
import { ExternalLink } from '../../components/ExternalLink';
import { formatDay, formatNumber } from '../../i18n';
import { fieldLabelKey } from './field-labels';
import { wordCountState } from './submission-form';
import { TemplateTranslationNotice, UntranslatedMark } from './TemplateGuide';
import { templateWords, type TemplateWords, type Word } from './template-words';

const LEVELS = ['block', 'warn', 'info'] as const;

interface Props {
  requirements: Requirements | null;
  template: SubmissionTemplate | undefined;
  /** Counted on every keystroke; the check's own count arrives a moment later. */
  words: number;
  /** UPR: a joint submission has the larger limit. */
  joint: boolean;
  /** Where the export dialog's identity check is, once the draft is saved. */
  exportAnchor: string | null;
  /** The template's notes and rules in the interface's language; absent, the template's English. */
  templateText?: TemplateWords | undefined;
  /** Switches the template's words between the translation and the English original. */
  onToggleEnglish?: (() => void) | undefined;
}

/**
 * What the draft still misses, what is over a limit and what the mechanism exposes, each with why
 * and where the rule comes from. Only a hard rule of the mechanism blocks; the rest explain.
 */
export function RequirementsPanel({ requirements, template, words, joint, exportAnchor, templateText, onToggleEnglish }: Props) {
  const { t } = useTranslation('submissions');
  const limit = requirements?.wordCount.limit ?? null;
  const state = wordCountState(words, limit);
  const text = templateText ?? (template && templateWords(template, null, true));
  const fromTemplate = requirements?.items.some((item) => /^(exposure|rules)\./.test(item.key)) ?? false;
  return (
    <aside className="card requirements-panel" aria-labelledby="requirements-heading" data-testid="requirements-panel">
      <h2 id="requirements-heading">{t('panel.title')}</h2>
      <p className={state === 'over' ? 'word-count error-text' : 'word-count'} id="submission-word-count" data-testid="word-count" data-state={state}>
        {limit === null
          ? t('panel.words', { count: words, words: formatNumber(words) })
          : t(joint ? 'panel.wordsOfJoint' : 'panel.wordsOfIndividual', { words: formatNumber(words), limit: formatNumber(limit) })}
        {state === 'over' && <span> {t('panel.overBy', { count: words - (limit ?? 0), over: formatNumber(words - (limit ?? 0)) })}</span>}
      </p>
      {requirements === null ? (
        <p className="hint" role="status">
          {t('panel.checking')}
        </p>
      ) : (
        <>
          <p className={requirements.blocked ? 'error-text' : 'hint'} role="status" aria-live="polite">
            {requirements.blocked ? t('panel.blocked') : t('panel.notBlocked')}
          </p>
          {LEVELS.map((level) => {
            const items = requirements.items.filter((item) => item.level === level);
            if (items.length === 0) return null;
            return (
              <section key={level} className={`requirements-group requirements-${level}`} aria-labelledby={`requirements-${level}`}>
                <h3 id={`requirements-${level}`}>{t(`panel.level.${level}`, { n: formatNumber(items.length) })}</h3>
                <ul>
                  {items.map((item) => (
                    <RequirementItem key={item.id} item={item} template={template} text={text} exportAnchor={exportAnchor} />
                  ))}
                </ul>
              </section>
            );
          })}
          {fromTemplate && templateText && onToggleEnglish && <TemplateTranslationNotice words={templateText} onToggle={onToggleEnglish} />}
        </>
      )}
    </aside>
  );
}

function RequirementItem({ item, template, text, exportAnchor }: { item: Requirement; template: SubmissionTemplate | undefined; text: TemplateWords | undefined; exportAnchor: string | null }) {
  const { t } = useTranslation('submissions');
  const params: Record<string, string | number> = { ...item.params };
  // A missing field is named by its label, not by its key in the record.
  if (typeof params.field === 'string') params.field = t(fieldLabelKey(params.field, template?.route), { defaultValue: params.field });
  if (typeof params.date === 'string') params.date = formatDay(params.date);
  if (typeof params.asOf === 'string') params.asOf = formatDay(params.asOf);
  if (typeof params.words === 'number') params.words = formatNumber(params.words);
  if (typeof params.limit === 'number') params.limit = formatNumber(params.limit);
  return (
    <li className="requirement" data-requirement={item.id}>
      <RequirementText item={item} params={params} text={text} />
      {item.source && (
        <span className="hint requirement-source">
          {' '}
          {/* The source's own title, in the language it was published in (the templates cite English pages). */}
          <span lang="en">
            <ExternalLink href={item.source.url}>{item.source.title}</ExternalLink>
          </span>{' '}
          · {t('panel.checked', { date: formatDay(item.source.checked) })}
          {!item.source.verified && ` · ${t('panel.notVerified')}`}
        </span>
      )}
      {item.key === 'identityFlags' && (
        <span className="requirement-action">
          {' '}
          {exportAnchor ? (
            <button type="button" className="button link-button" onClick={() => showExport(exportAnchor)}>
              {t('panel.reviewInExport')}
            </button>
          ) : (
            <Link to="/settings">{t('panel.peopleToProtect')}</Link>
          )}
        </span>
      )}
    </li>
  );
}

/** Brings the export panel into view with focus on its first button, where the check runs. */
function showExport(anchor: string): void {
  const panel = document.getElementById(anchor);
  panel?.scrollIntoView({ block: 'start' });
  panel?.querySelector<HTMLButtonElement>('button')?.focus();
}

/**
 * A check's sentence from the catalogue, with its params; a template's exposure note or rule in
 * the template's own words (its translation where there is one), so a knowledge update that adds
 * a note needs no catalogue change.
 */
function RequirementText({ item, params, text }: { item: Requirement; params: Record<string, string | number>; text: TemplateWords | undefined }) {
  const { t } = useTranslation('submissions');
  const [kind, , id = ''] = item.key.split('.');
  const word: Word | null = !text ? null : kind === 'exposure' ? text.exposureNote(id) : kind === 'rules' ? text.rule(id) : null;
  if (word && text)
    return (
      <span lang={word.lang}>
        {word.text}
        <UntranslatedMark word={word} words={text} />
      </span>
    );
  return <span>{t(`requirements.${item.key}`, params)}</span>;
}
