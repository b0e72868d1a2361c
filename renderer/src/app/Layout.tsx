import { useEffect } from 'react';
import { NavLink, Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ExternalLinkDialog } from '../components/ExternalLink';
import { SearchBox } from '../features/kb/SearchBox';
import { PanicButton } from '../features/safety/panic';
import { HeaderLock } from '../features/vault/HeaderLock';

const sections = ['home', 'kb', 'diary', 'plans', 'assessments', 'notes', 'safety', 'settings'] as const;
const paths: Record<(typeof sections)[number], string> = {
  home: '/',
  kb: '/kb',
  diary: '/diary',
  plans: '/plans',
  assessments: '/assessments',
  notes: '/notes',
  safety: '/safety',
  settings: '/settings',
};

export function Layout() {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = t('appName');
  }, [t]);
  return (
    <div className="app-frame">
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="app-header">
        <span className="app-name">{t('appName')}</span>
        <nav aria-label={t('nav.label')}>
          <ul className="nav-list">
            {sections.map((section) => (
              <li key={section}>
                <NavLink to={paths[section]} end={section === 'home'}>
                  {t(`nav.${section}`)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="header-search">
          <SearchBox />
        </div>
        <div className="header-tools">
          <span className="offline-badge" title={t('offline.explain')} aria-label={`${t('offline.label')}: ${t('offline.explain')}`}>
            <span aria-hidden="true">●</span> {t('offline.label')}
          </span>
          <HeaderLock />
          <PanicButton />
        </div>
      </header>
      <main id="main" tabIndex={-1} className="app-main">
        <Outlet />
      </main>
      <ExternalLinkDialog />
    </div>
  );
}
