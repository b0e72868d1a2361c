import { useEffect, useState } from 'react';
import type { KbHit, KbKind } from '@shared/api/kb';
import { api, ApiError } from '../../api/client';

export type SearchState =
  | { status: 'idle' }
  | { status: 'searching'; hits: KbHit[] }
  | { status: 'done'; query: string; hits: KbHit[] }
  | { status: 'error'; message: string };

/** Waits this long after the last keystroke: fast typists do not send a query per letter. */
const DEBOUNCE_MS = 90;

/** Searches as the user types; answers to queries that were typed over are dropped. */
export function useKbSearch(query: string, kinds: KbKind[]): SearchState {
  const [state, setState] = useState<SearchState>({ status: 'idle' });
  const kindsKey = kinds.join(',');

  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setState({ status: 'idle' });
      return;
    }
    let current = true;
    setState((previous) => ({ status: 'searching', hits: previous.status === 'done' ? previous.hits : [] }));
    const timer = setTimeout(() => {
      const selected = kindsKey ? (kindsKey.split(',') as KbKind[]) : undefined;
      api()
        .call('kb.search', { q: query, ...(selected && { kinds: selected }), limit: 12 })
        .then(({ hits }) => current && setState({ status: 'done', query: q, hits }))
        .catch((error: unknown) => {
          if (current) setState({ status: 'error', message: error instanceof ApiError ? error.message : String(error) });
        });
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query, kindsKey]);

  return state;
}
