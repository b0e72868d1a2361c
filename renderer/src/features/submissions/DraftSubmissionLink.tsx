import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';

type From = { planId: string; stepId: string } | { packageId: string } | { assessmentId: string };

/**
 * "Draft a submission" from a saved plan step, package or assessment: opens the choice of route
 * (the ones that fit first), which starts a draft prefilled from the record.
 */
/** `subject` names what the draft starts from where several such buttons share a page (a plan's steps). */
export function DraftSubmissionLink({ from, subject }: { from: From; subject?: string }) {
  const { t } = useTranslation('submissions');
  const query = new URLSearchParams(from as Record<string, string>).toString();
  return (
    <Link to={`/submissions/new?${query}`} className="button" aria-label={subject ? t('start.buttonFor', { subject }) : undefined}>
      {t('start.button')}
    </Link>
  );
}
