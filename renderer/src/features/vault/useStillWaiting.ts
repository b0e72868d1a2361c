import { useEffect, useState } from 'react';

/** True once `waiting` has stayed true for `afterMs`; false again on the render where it ends. */
export function useStillWaiting(waiting: boolean, afterMs: number): boolean {
  const [late, setLate] = useState(false);
  useEffect(() => {
    if (!waiting) return;
    const timer = setTimeout(() => setLate(true), afterMs);
    return () => {
      clearTimeout(timer);
      setLate(false);
    };
  }, [waiting, afterMs]);
  return waiting && late;
}
