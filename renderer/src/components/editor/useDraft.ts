import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../api/client';

export type DraftState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'kept'; at: string } | { kind: 'failed'; message: string };

const DELAY_MS = 600;

/**
 * Keeps unsaved editor state in the vault a moment after each change, so a lock, crash or closed
 * window loses at most the last fraction of a second of typing. flush() writes at once.
 */
export function useDraft<T>(key: string) {
  const [state, setState] = useState<DraftState>({ kind: 'idle' });
  const pending = useRef<{ value: T; timer: ReturnType<typeof setTimeout> } | null>(null);

  const write = useCallback(
    async (value: T) => {
      setState({ kind: 'saving' });
      try {
        const { savedAt } = await api().call('drafts.save', { key, content: value });
        setState({ kind: 'kept', at: savedAt });
      } catch (error) {
        setState({ kind: 'failed', message: (error as Error).message });
      }
    },
    [key],
  );

  const flush = useCallback(async () => {
    const current = pending.current;
    if (!current) return;
    clearTimeout(current.timer);
    pending.current = null;
    await write(current.value);
  }, [write]);

  const schedule = useCallback(
    (value: T) => {
      if (pending.current) clearTimeout(pending.current.timer);
      pending.current = { value, timer: setTimeout(() => void flush(), DELAY_MS) };
    },
    [flush],
  );

  const cancel = useCallback(() => {
    if (pending.current) clearTimeout(pending.current.timer);
    pending.current = null;
  }, []);

  const discard = useCallback(async () => {
    cancel();
    await api().call('drafts.discard', { key });
    setState({ kind: 'idle' });
  }, [cancel, key]);

  // Leaving the editor writes what is pending instead of dropping it.
  useEffect(() => () => void flush(), [flush]);

  return { state, schedule, flush, cancel, discard };
}
