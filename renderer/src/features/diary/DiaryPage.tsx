import { lazy, Suspense, useEffect } from 'react';
import { NavLink, Route, Routes, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { VaultGate } from '../vault/VaultGate';
import { EngagementList } from './list/EngagementList';
import { askForFirstWindow } from './list/first-window';
import './diary.css';

// The list is what an arrival at /diary shows, so its code is in this chunk; the editor and the
// company pages (with the Markdown preview, the save bar and the export checks they bring) load
// when first opened, so the list's first rows never wait for their code to download and compile.
const EngagementEditor = lazy(async () => ({ default: (await import('./editor/EngagementEditor')).EngagementEditor }));
const CompanyList = lazy(async () => ({ default: (await import('./companies/CompanyList')).CompanyList }));
const CompanyPage = lazy(async () => ({ default: (await import('./companies/CompanyPage')).CompanyPage }));

// Arriving straight at an entry or a company page (a reload, a link): its code starts downloading
// now, with this chunk's, instead of once the page has rendered. import() loads a module once.
const arrival = window.location.pathname;
if (/^\/diary\/(new|entries\/)/.test(arrival)) void import('./editor/EngagementEditor').catch(() => undefined);
else if (/^\/diary\/companies/.test(arrival)) void Promise.all([import('./companies/CompanyList'), import('./companies/CompanyPage')]).catch(() => undefined);

function SubpageLoading() {
  const { t } = useTranslation();
  return (
    <p className="hint" role="status" aria-live="polite">
      {t('loading')}
    </p>
  );
}

export function DiaryPage() {
  const { t } = useTranslation('diary');
  const { pathname, search } = useLocation();
  // On arrival only: the list's first rows travel while the vault gate asks for the vault's status.
  useEffect(() => {
    void askForFirstWindow(pathname, search);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
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
        <Suspense fallback={<SubpageLoading />}>
          <Routes>
            <Route index element={<EngagementList />} />
            <Route path="new" element={<EngagementEditor />} />
            <Route path="entries/:id" element={<EngagementEditor />} />
            <Route path="companies" element={<CompanyList />} />
            <Route path="companies/new" element={<CompanyPage />} />
            <Route path="companies/:id" element={<CompanyPage />} />
          </Routes>
        </Suspense>
      </div>
    </VaultGate>
  );
}
