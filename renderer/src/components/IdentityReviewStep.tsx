import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportIdentity, IdentityReview, ReviewedFlag } from '@shared/api/export-identity';
import type { IdentityDecision } from '@shared/api/identity';
import './IdentityReviewStep.css';

type Choice = { action: 'undecided' } | { action: 'fine' } | { action: 'replace'; replacement: string };

/** One flagged item (by key), with every place it appears. */
interface FlagGroup {
  key: string;
  first: ReviewedFlag;
  places: string[];
}

interface Props {
  review: IdentityReview;
  /** "Save the PDF file", "Make the bundle": what the export button does. */
  exportLabel: string;
  /** "Export the PDF file with the flagged items as they are". */
  exportFlaggedLabel: string;
  busy?: boolean;
  onBack: () => void;
  onExport: (identity: ExportIdentity) => void;
}

/**
 * The confirm step of every export: each item the identity check flagged, with "This is fine" or
 * "Replace" (prefilled with the person's pseudonym or "[Person A]"), and the question about details
 * that identify people without naming them. While anything is undecided the safe action, going
 * back to fix the record, is the primary one; exporting anyway takes a deliberate second step.
 */
export function IdentityReviewStep({ review, exportLabel, exportFlaggedLabel, busy = false, onBack, onExport }: Props) {
  const { t } = useTranslation('common');
  const id = useId();
  const groups = useMemo(() => groupFlags(review.flags), [review]);
  const [choices, setChoices] = useState<Map<string, Choice>>(() => new Map(groups.map((g) => [g.key, initialChoice(g.first)])));
  const [quasi, setQuasi] = useState<'unanswered' | 'no' | 'yes'>('unanswered');
  const [checkedFlagged, setCheckedFlagged] = useState(false);

  const choiceOf = (key: string): Choice => choices.get(key) ?? { action: 'undecided' };
  const setChoice = (key: string, choice: Choice) => setChoices((previous) => new Map(previous).set(key, choice));
  const decided = (choice: Choice) => choice.action === 'fine' || (choice.action === 'replace' && choice.replacement.trim() !== '');
  const undecided = groups.filter((g) => !decided(choiceOf(g.key))).length;
  const quasiAnswered = quasi === 'no';

  const identity = (acknowledge: boolean): ExportIdentity => ({
    decisions: groups.flatMap((g): IdentityDecision[] => {
      const choice = choiceOf(g.key);
      if (choice.action === 'fine') return [{ key: g.key, action: 'fine' }];
      if (choice.action === 'replace' && choice.replacement.trim()) return [{ key: g.key, action: 'replace', replacement: choice.replacement.trim() }];
      return [];
    }),
    acknowledge,
  });

  return (
    <div className="identity-review" data-testid="identity-review">
      <h3 id={`${id}-flags`}>{t('export.identity.title')}</h3>
      {groups.length === 0 ? (
        <p className="hint">{t('export.identity.none')}</p>
      ) : (
        <>
          <p className="hint">{t('export.identity.intro', { count: groups.length })}</p>
          <ul className="identity-flags" aria-labelledby={`${id}-flags`}>
            {groups.map((group, index) => (
              <FlagRow key={group.key} group={group} index={index} choice={choiceOf(group.key)} onChoice={(choice) => setChoice(group.key, choice)} />
            ))}
          </ul>
        </>
      )}
      <p className="hint">{t('export.identity.heuristic')}</p>

      <fieldset className="quasi-identifiers" aria-describedby={`${id}-quasi-examples`}>
        <legend>{t('export.quasi.question')}</legend>
        <p id={`${id}-quasi-examples`} className="hint">
          {t('export.quasi.examples')}
        </p>
        <label>
          <input type="radio" name={`${id}-quasi`} checked={quasi === 'no'} onChange={() => setQuasi('no')} /> {t('export.quasi.no')}
        </label>
        <label>
          <input type="radio" name={`${id}-quasi`} checked={quasi === 'yes'} onChange={() => setQuasi('yes')} /> {t('export.quasi.yes')}
        </label>
        {quasi === 'yes' && (
          <p className="error-text" role="status">
            {t('export.quasi.fixFirst')}
          </p>
        )}
      </fieldset>

      {undecided > 0 ? (
        <>
          <p className="error-text" role="status">
            {t('export.identity.undecided', { count: undecided })}
          </p>
          <div className="actions">
            <button type="button" className="button primary" autoFocus onClick={onBack}>
              {t('export.goBack')}
            </button>
          </div>
          <label htmlFor={`${id}-checked`}>
            <input id={`${id}-checked`} type="checkbox" checked={checkedFlagged} onChange={(event) => setCheckedFlagged(event.target.checked)} /> {t('export.checkedFlagged')}
          </label>
          <div className="actions">
            <button type="button" className="button" disabled={busy || !checkedFlagged || !quasiAnswered} onClick={() => onExport(identity(true))}>
              {exportFlaggedLabel}
            </button>
          </div>
        </>
      ) : (
        <div className="actions">
          <button type="button" className="button primary" autoFocus={groups.length === 0} disabled={busy || !quasiAnswered} onClick={() => onExport(identity(false))}>
            {exportLabel}
          </button>
          <button type="button" className="button" onClick={onBack}>
            {t('export.goBack')}
          </button>
        </div>
      )}
      {!quasiAnswered && quasi !== 'yes' && <p className="hint">{t('export.quasi.required')}</p>}
    </div>
  );
}

function FlagRow({ group, index, choice, onChoice }: { group: FlagGroup; index: number; choice: Choice; onChoice: (choice: Choice) => void }) {
  const { t } = useTranslation('common');
  const id = useId();
  const { first } = group;
  const replacement = choice.action === 'replace' ? choice.replacement : '';
  return (
    <li className="identity-flag" data-testid="identity-flag">
      <fieldset>
        <legend>
          <span className="flag-kind">{t(`export.identity.kinds.${first.kind}`)}</span> <strong>{first.label}</strong>
        </legend>
        <p className="hint">
          {t('export.identity.where', { places: group.places.join('; ') })}
          {first.confirm && <> · {t('export.identity.maybeFalse')}</>}
        </p>
        <blockquote className="flag-excerpt">{first.excerpt}</blockquote>
        <div className="flag-choices" role="radiogroup" aria-label={t('export.identity.decisionFor', { label: first.label, index: index + 1 })}>
          <label>
            <input type="radio" name={`${id}-choice`} checked={choice.action === 'fine'} onChange={() => onChoice({ action: 'fine' })} /> {t('export.identity.fine')}
          </label>
          <label>
            <input
              type="radio"
              name={`${id}-choice`}
              checked={choice.action === 'replace'}
              onChange={() => onChoice({ action: 'replace', replacement: replacement || first.suggestion })}
            />{' '}
            {t('export.identity.replace')}
          </label>
          {choice.action === 'replace' && (
            <span className="field">
              <label htmlFor={`${id}-replacement`}>{t('export.identity.replacement')}</label>
              <input id={`${id}-replacement`} value={replacement} maxLength={200} onChange={(event) => onChoice({ action: 'replace', replacement: event.target.value })} />
            </span>
          )}
        </div>
      </fieldset>
    </li>
  );
}

function groupFlags(flags: ReviewedFlag[]): FlagGroup[] {
  const byKey = new Map<string, FlagGroup>();
  for (const flag of flags) {
    const group = byKey.get(flag.key);
    if (group) {
      if (!group.places.includes(flag.where)) group.places.push(flag.where);
    } else byKey.set(flag.key, { key: flag.key, first: flag, places: [flag.where] });
  }
  return [...byKey.values()];
}

function initialChoice(flag: ReviewedFlag): Choice {
  if (!flag.decision) return { action: 'undecided' };
  return flag.decision.action === 'fine' ? { action: 'fine' } : { action: 'replace', replacement: flag.decision.replacement };
}
