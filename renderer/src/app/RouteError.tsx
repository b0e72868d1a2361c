import { useTranslation } from 'react-i18next';

/**
 * Shown instead of the router's developer error page when a screen cannot load, most often
 * because browser mode was stopped or restarted while this tab stayed open.
 */
export function RouteError() {
  const { t } = useTranslation();
  return (
    <main className="app-main session-ended">
      <section className="empty-state" aria-labelledby="route-error-title">
        <h1 id="route-error-title">{t('session.unreachable.title')}</h1>
        <div className="hint">
          <p>{t('session.unreachable.body')}</p>
          <p>{t('session.how')}</p>
        </div>
        <div className="actions">
          <button type="button" className="button primary" onClick={() => window.location.reload()}>
            {t('retry')}
          </button>
          {/* A full load of Home: the screen that failed may have left the router mid-way. */}
          <a className="button" href="/">
            {t('notFound.home')}
          </a>
        </div>
      </section>
    </main>
  );
}
