import { NavLink, Route, Routes } from 'react-router';
import { useTranslation } from 'react-i18next';
import { VaultGate } from '../vault/VaultGate';
import { AssessmentList } from './list/AssessmentList';
import { Workspace } from './workspace/Workspace';
import '../diary/diary.css';
import './assessments.css';

export function AssessmentsPage() {
  const { t } = useTranslation('assessments');
  return (
    <VaultGate>
      <div className="page assessments">
        <nav className="subnav" aria-label={t('title')}>
          <NavLink to="/assessments" end>
            {t('nav.list')}
          </NavLink>
          <NavLink to="/assessments/new/safety" className="button primary">
            {t('nav.new')}
          </NavLink>
        </nav>
        <Routes>
          <Route index element={<AssessmentList />} />
          {/* One route for every step, so moving between phases keeps the same form and its unsaved edits. */}
          <Route path=":id/*" element={<Workspace />} />
        </Routes>
      </div>
    </VaultGate>
  );
}
