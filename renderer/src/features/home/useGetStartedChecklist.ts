import { useCallback, useState } from 'react';

export interface Checklist {
  isDone(stepId: string): boolean;
  toggle(stepId: string): void;
  reset(): void;
  doneCount: number;
}

/**
 * Which "Get started" steps the user has ticked. Kept in memory for now; the vault will persist it
 * later behind this same interface, so Home does not change when it does.
 */
export function useGetStartedChecklist(): Checklist {
  const [done, setDone] = useState<ReadonlySet<string>>(new Set());
  const toggle = useCallback((stepId: string) => {
    setDone((previous) => {
      const next = new Set(previous);
      if (next.has(stepId)) next.delete(stepId);
      else next.add(stepId);
      return next;
    });
  }, []);
  const reset = useCallback(() => setDone(new Set()), []);
  return { isDone: (stepId) => done.has(stepId), toggle, reset, doneCount: done.size };
}
