import { useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import { api } from '../../api/client';
import { firstPaint } from '../../app/first-paint';

/** Whether a vault is open, re-checked on navigation and turned off by any lock at once. */
export function useVaultUnlocked(): boolean {
  const [unlocked, setUnlocked] = useState(false);
  const location = useLocation();
  useEffect(() => {
    let live = true;
    // Not on the first screen's path: it shows as locked until the answer is in (first-paint.ts).
    void (firstPaint() ?? Promise.resolve())
      .then(() => api().call('vault.status', null))
      .then((status) => live && setUnlocked(status.state === 'unlocked'))
      .catch(() => live && setUnlocked(false));
    const offLocked = api().on('vault.locked', () => setUnlocked(false));
    const offUnlocked = api().on('vault.unlocked', () => setUnlocked(true));
    return () => {
      live = false;
      offLocked();
      offUnlocked();
    };
  }, [location.pathname]);
  return unlocked;
}
