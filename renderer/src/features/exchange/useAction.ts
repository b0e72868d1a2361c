import { useState } from 'react';
import type { ApiError } from '../../api/client';
import { asApiError } from '../vault/errors';

/** One long-running call at a time, with its error as a sentence. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  async function run<T>(task: () => Promise<T>): Promise<T | null> {
    setBusy(true);
    setError(null);
    try {
      return await task();
    } catch (caught) {
      setError(asApiError(caught));
      return null;
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, run };
}
