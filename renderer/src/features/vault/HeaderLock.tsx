import { useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import { api } from '../../api/client';
import { LockButton, useLockNow, useLockShortcut } from './lock';

/**
 * The lock button in the header, shown while a vault is open, and the lock shortcut, which works
 * on every page (the knowledge base too), not only inside the vault's own screens.
 */
export function HeaderLock() {
  const [unlocked, setUnlocked] = useState(false);
  const location = useLocation();
  const lockNow = useLockNow();

  useEffect(() => {
    const refresh = () =>
      api()
        .call('vault.status', null)
        .then((status) => setUnlocked(status.state === 'unlocked'))
        .catch(() => setUnlocked(false));
    void refresh();
    return api().on('vault.locked', () => setUnlocked(false));
  }, [location.pathname]);

  useLockShortcut(lockNow);
  return unlocked ? <LockButton /> : null;
}
