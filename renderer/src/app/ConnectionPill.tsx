import { useTranslation } from 'react-i18next';
import { useConnection } from './connection';

/**
 * The status pill in the header: green "Offline" (this app never uses the internet) while core
 * answers; red, in words, when browser mode's local server has stopped answering.
 */
export function ConnectionPill() {
  const { t } = useTranslation();
  const connection = useConnection();
  if (connection === 'unreachable') {
    return (
      <span className="status-pill status-pill-down" data-testid="status-pill" title={t('connection.unreachable.explain')}>
        <span aria-hidden="true">●</span> {t('connection.unreachable.pill')}
        <span className="visually-hidden">: {t('connection.unreachable.explain')}</span>
      </span>
    );
  }
  return (
    <span className="status-pill" data-testid="status-pill" title={t('offline.explain')}>
      <span aria-hidden="true">●</span> {t('offline.label')}
      <span className="visually-hidden">: {t('offline.explain')}</span>
    </span>
  );
}

/**
 * Across the top of every page while the server is gone: nothing typed now can be saved, what is
 * already saved is safe, and the one thing to do.
 */
export function ServerGoneBanner() {
  const { t } = useTranslation();
  const connection = useConnection();
  if (connection !== 'unreachable') return null;
  return (
    <div className="app-banner app-banner-danger" role="alert" data-testid="server-gone">
      <strong>{t('connection.unreachable.title')}</strong> {t('connection.unreachable.body')}
    </div>
  );
}
