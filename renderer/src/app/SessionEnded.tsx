import { useTranslation } from 'react-i18next';
import type { SessionState } from '../api/session';

type Reason = Exclude<SessionState, 'pending' | 'signed-in'>;

/**
 * Browser mode only: what a tab without a working session shows instead of the app, with the one
 * thing to do. Nothing of the vault is on this page.
 */
export function SessionEnded({ reason }: { reason: Reason }) {
  const { t } = useTranslation();
  return (
    <main className="app-main session-ended">
      <section className="empty-state" aria-labelledby="session-ended-title">
        <h1 id="session-ended-title">{t(`session.${reason}.title`)}</h1>
        <div className="hint">
          <p>{t(`session.${reason}.body`)}</p>
          <p>{t('session.how')}</p>
        </div>
      </section>
    </main>
  );
}
