import { useEffect } from 'react';
import { Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PAGE_BANNERS_ID } from '../components/editor/SaveFailedBanner';
import { ExternalLinkDialog } from '../components/ExternalLink';
import { SearchBox } from '../features/kb/SearchBox';
import { PanicButton } from '../features/safety/panic';
import { HeaderLock } from '../features/vault/HeaderLock';
import { ConnectionPill, ServerGoneBanner } from './ConnectionPill';
import { MainNavigation } from './MainNavigation';

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
        <MainNavigation />
        <div className="header-search">
          <SearchBox />
        </div>
        <div className="header-tools">
          <ConnectionPill />
          <HeaderLock />
          <PanicButton />
        </div>
        {/* In the sticky header, so they stay in view however far the page is scrolled. */}
        <ServerGoneBanner />
        <div id={PAGE_BANNERS_ID} className="page-banners" />
      </header>
      <main id="main" tabIndex={-1} className="app-main">
        <Outlet />
      </main>
      <ExternalLinkDialog />
    </div>
  );
}
