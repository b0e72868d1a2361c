import { useEffect } from 'react';
import { api } from '../../api/client';

/** Core owns the idle clock; telling it more than twice a minute would only add traffic. */
const TOUCH_INTERVAL_MS = 30_000;

/** Reports keyboard and pointer activity to core (at most once per 30 s) so auto-lock waits. */
export function useActivityReporter(): void {
  useEffect(() => {
    let lastReport = Date.now();
    const onActivity = () => {
      const now = Date.now();
      if (now - lastReport < TOUCH_INTERVAL_MS) return;
      lastReport = now;
      // A failed touch only means the vault may lock on time anyway; nothing to show.
      api()
        .call('vault.touch', null)
        .catch(() => undefined);
    };
    window.addEventListener('keydown', onActivity, { capture: true, passive: true });
    window.addEventListener('pointerdown', onActivity, { capture: true, passive: true });
    return () => {
      window.removeEventListener('keydown', onActivity, { capture: true });
      window.removeEventListener('pointerdown', onActivity, { capture: true });
    };
  }, []);
}
