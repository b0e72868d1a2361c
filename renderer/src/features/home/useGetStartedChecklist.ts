import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client';

export interface Checklist {
  isDone(stepId: string): boolean;
  toggle(stepId: string): void;
  reset(): void;
  doneCount: number;
  /** True when the ticks are kept in an open vault; otherwise they last only while the page is open. */
  stored: boolean;
}

/** Which "Get started" steps the user has ticked: kept in the vault while one is open. */
export function useGetStartedChecklist(vaultOpen: boolean): Checklist {
  const [done, setDone] = useState<ReadonlySet<string>>(new Set());
  const [stored, setStored] = useState(false);

  useEffect(() => {
    let live = true;
    void api()
      .call('home.checklist.get', null)
      .then((saved) => {
        if (!live) return;
        setStored(saved.stored);
        // Ticks made before unlocking join the saved ones rather than vanish.
        if (saved.stored) setDone((previous) => new Set([...saved.done, ...previous]));
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [vaultOpen]);

  const persist = useCallback((next: ReadonlySet<string>) => {
    void api()
      .call('home.checklist.set', { done: [...next] })
      .then((result) => setStored(result.stored))
      .catch(() => undefined);
  }, []);

  const toggle = useCallback(
    (stepId: string) => {
      setDone((previous) => {
        const next = new Set(previous);
        if (next.has(stepId)) next.delete(stepId);
        else next.add(stepId);
        persist(next);
        return next;
      });
    },
    [persist],
  );
  const reset = useCallback(() => {
    setDone(new Set());
    persist(new Set());
  }, [persist]);
  return { isDone: (stepId) => done.has(stepId), toggle, reset, doneCount: done.size, stored };
}
