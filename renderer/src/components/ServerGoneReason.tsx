import { useTranslation } from 'react-i18next';
import { useConnection } from '../app/connection';

/**
 * Forms outside the record editors' save bar (a company, Settings, a person to protect) share the
 * same rule: while browser mode's server is gone, Save is disabled and says why next to it, and
 * nothing is reported as saved.
 */
export function useServerGone(): boolean {
  return useConnection() === 'unreachable';
}

/** The reason Save is disabled, for its aria-describedby; nothing while the server answers. */
export function ServerGoneReason({ id, gone }: { id: string; gone: boolean }) {
  const { t } = useTranslation('common');
  if (!gone) return null;
  return (
    <span id={id} className="save-state error-text" role="status" data-testid="save-unavailable">
      {t('editor.serverGone')}
    </span>
  );
}
