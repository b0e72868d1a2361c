import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AssessmentCheck, AssessmentGuide, PhaseKey } from '@shared/api/assessments';

export type Step = 'safety' | PhaseKey;

interface Props {
  base: string;
  current: Step;
  check: AssessmentCheck | null;
  guide: AssessmentGuide;
  example: boolean;
  title: string;
}

/**
 * "Safety first", then the eight phases with their progress. Until the safety step is answered the
 * phases are shown but are not links, so neither a click nor the keyboard can open them.
 */
export function PhaseSidebar({ base, current, check, guide, example, title }: Props) {
  const { t } = useTranslation('assessments');
  const open = check?.safetyAnswered ?? false;
  const complete = check?.phases.filter((p) => p.complete).length ?? 0;
  return (
    <nav className="phase-sidebar" aria-label={t('sidebar.label')}>
      <p className="sidebar-title">
        <strong>{title || t('workspace.untitled')}</strong> {example && <span className="badge example">{t('badge.example')}</span>}
      </p>
      <p className="hint" data-testid="phase-count">
        {t('sidebar.progress', { complete, total: guide.phases.length })}
      </p>
      <ol className="phase-list">
        <li>
          <NavLink to={`${base}/safety`} className={current === 'safety' ? 'active' : undefined} aria-current={current === 'safety' ? 'page' : undefined}>
            <span className="phase-mark" aria-hidden="true">
              {open ? '✓' : '!'}
            </span>
            {t('safety.title')}
            <span className="visually-hidden">{open ? t('sidebar.done') : t('sidebar.todo')}</span>
          </NavLink>
        </li>
        {guide.phases.map((phase) => {
          const progress = check?.phases.find((p) => p.key === phase.key);
          const label = (
            <>
              <span className="phase-mark" aria-hidden="true">
                {progress?.complete ? '✓' : phase.number}
              </span>
              {phase.title}
              <span className="visually-hidden">{progress?.complete ? t('sidebar.done') : t('sidebar.todo')}</span>
            </>
          );
          return (
            <li key={phase.key}>
              {open ? (
                <NavLink to={`${base}/${phase.key}`} aria-current={current === phase.key ? 'page' : undefined} className={current === phase.key ? 'active' : undefined}>
                  {label}
                </NavLink>
              ) : (
                <span className="phase-locked" aria-disabled="true" title={t('sidebar.locked')}>
                  {label}
                </span>
              )}
            </li>
          );
        })}
      </ol>
      {!open && <p className="hint">{t('sidebar.locked')}</p>}
      {check && check.unconfirmed.length > 0 && <p className="hint">{t('sidebar.unconfirmed', { count: check.unconfirmed.length })}</p>}
    </nav>
  );
}
