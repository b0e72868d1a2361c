import { NavLink, Route, Routes } from 'react-router';
import { useTranslation } from 'react-i18next';
import { VaultGate } from '../vault/VaultGate';
import { PackageEditor } from './packages/PackageEditor';
import { PackageList } from './packages/PackageList';
import { NewPlan } from './plans/NewPlan';
import { PlanEditor } from './plans/PlanEditor';
import { PlanList } from './plans/PlanList';
import { TimelinePage } from './timeline/TimelinePage';
import '../diary/diary.css';
import './plans.css';

export function PlansPage() {
  const { t } = useTranslation('plans');
  const { t: ts } = useTranslation('submissions');
  return (
    <VaultGate>
      <div className="page plans">
        <nav className="subnav" aria-label={t('title')}>
          <NavLink to="/plans" end>
            {t('nav.plans')}
          </NavLink>
          <NavLink to="/plans/packages">{t('nav.packages')}</NavLink>
          <NavLink to="/plans/timeline">{t('nav.timeline')}</NavLink>
          <NavLink to="/submissions">{ts('nav')}</NavLink>
          <NavLink to="/plans/new" className="button primary">
            {t('nav.newPlan')}
          </NavLink>
        </nav>
        <Routes>
          <Route index element={<PlanList />} />
          <Route path="new" element={<NewPlan />} />
          <Route path="edit/new" element={<PlanEditor />} />
          <Route path="edit/:id" element={<PlanEditor />} />
          <Route path="timeline" element={<TimelinePage />} />
          <Route path="packages" element={<PackageList />} />
          <Route path="packages/new" element={<PackageEditor />} />
          <Route path="packages/:id" element={<PackageEditor />} />
        </Routes>
      </div>
    </VaultGate>
  );
}
