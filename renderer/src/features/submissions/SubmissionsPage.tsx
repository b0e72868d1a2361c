import { NavLink, Route, Routes } from 'react-router';
import { useTranslation } from 'react-i18next';
import { VaultGate } from '../vault/VaultGate';
import { StartSubmission } from './StartSubmission';
import { SubmissionEditor } from './SubmissionEditor';
import { SubmissionList } from './SubmissionList';
import '../diary/diary.css';
import './submissions.css';

/**
 * Submission drafts: the filings a plan's steps lead to. They sit with plans and packages (the
 * same sub-navigation) rather than in the main navigation, which keeps the header to one row.
 */
export function SubmissionsPage() {
  const { t } = useTranslation('plans');
  const { t: ts } = useTranslation('submissions');
  return (
    <VaultGate>
      <div className="page plans submissions">
        <nav className="subnav" aria-label={t('title')}>
          <NavLink to="/plans" end>
            {t('nav.plans')}
          </NavLink>
          <NavLink to="/plans/packages">{t('nav.packages')}</NavLink>
          <NavLink to="/plans/timeline">{t('nav.timeline')}</NavLink>
          <NavLink to="/submissions">{ts('nav')}</NavLink>
        </nav>
        <Routes>
          <Route index element={<SubmissionList />} />
          <Route path="new" element={<StartSubmission />} />
          <Route path=":id" element={<SubmissionEditor />} />
        </Routes>
      </div>
    </VaultGate>
  );
}
