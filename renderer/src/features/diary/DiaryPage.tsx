import { useEffect } from 'react';
import { NavLink, Route, Routes, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { VaultGate } from '../vault/VaultGate';
import { CompanyList } from './companies/CompanyList';
import { CompanyPage } from './companies/CompanyPage';
import { EngagementEditor } from './editor/EngagementEditor';
import { EngagementList } from './list/EngagementList';
import { askForFirstWindow } from './list/first-window';
import './diary.css';

export function DiaryPage() {
  const { t } = useTranslation('diary');
  const { pathname, search } = useLocation();
  // On arrival only: the list's first rows travel while the vault gate asks for the vault's status.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => askForFirstWindow(pathname, search), []);
  return (
    <VaultGate>
      <div className="page diary">
        <nav className="subnav" aria-label={t('title')}>
          <NavLink to="/diary" end>
            {t('nav.entries')}
          </NavLink>
          <NavLink to="/diary/companies">{t('nav.companies')}</NavLink>
          <NavLink to="/diary/new" className="button primary">
            {t('nav.newEntry')}
          </NavLink>
        </nav>
        <Routes>
          <Route index element={<EngagementList />} />
          <Route path="new" element={<EngagementEditor />} />
          <Route path="entries/:id" element={<EngagementEditor />} />
          <Route path="companies" element={<CompanyList />} />
          <Route path="companies/new" element={<CompanyPage />} />
          <Route path="companies/:id" element={<CompanyPage />} />
        </Routes>
      </div>
    </VaultGate>
  );
}
