import { useTranslation } from 'react-i18next';
import { Link, NavLink, Route, Routes } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { FrameworksPage } from './FrameworksTable';
import { KbContents } from './KbContents';
import { MechanismDetailPage } from './MechanismDetail';
import { MechanismDirectoryPage } from './MechanismDirectory';
import { SectionReader } from './SectionReader';
import './kb.css';

export function KnowledgeBasePage() {
  const { t } = useTranslation('kb');
  return (
    <div className="page kb-page">
      <header className="kb-header">
        <h1>{t('title')}</h1>
        <nav aria-label={t('nav.label')} className="kb-nav no-print">
          <NavLink to="/kb" end>
            {t('nav.toolkit')}
          </NavLink>
          <NavLink to="/kb/frameworks">{t('nav.frameworks')}</NavLink>
          <NavLink to="/kb/mechanisms">{t('nav.mechanisms')}</NavLink>
        </nav>
      </header>
      <Routes>
        <Route index element={<KbContents />} />
        <Route path="sections/:id" element={<SectionReader />} />
        <Route path="frameworks" element={<FrameworksPage />} />
        <Route path="frameworks/:id" element={<FrameworksPage />} />
        <Route path="mechanisms" element={<MechanismDirectoryPage />} />
        <Route path="mechanisms/:id" element={<MechanismDetailPage />} />
        <Route
          path="*"
          element={
            <EmptyState title={t('notFound.title')} action={<Link to="/kb">{t('notFound.back')}</Link>}>
              <p>{t('notFound.body')}</p>
            </EmptyState>
          }
        />
      </Routes>
    </div>
  );
}
