import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordHit } from '@shared/api/diary';
import type { KbHit } from '@shared/api/kb';
import type { SearchKind } from '@shared/api/search';
import { api, ApiError } from '../../api/client';

export type Hit = KbHit | RecordHit;

export interface Results {
  kb: KbHit[];
  records: RecordHit[];
  recordsSearched: boolean;
  /** Which group to show first. */
  first: 'kb' | 'records';
}

export type SearchState =
  | { status: 'idle' }
  | { status: 'searching'; results: Results }
  | { status: 'done'; query: string; results: Results }
  | { status: 'error'; message: string };

const EMPTY: Results = { kb: [], records: [], recordsSearched: false, first: 'kb' };

/** Waits this long after the last keystroke: fast typists do not send a query per letter. */
const DEBOUNCE_MS = 90;

/** Searches the knowledge base and open vault as the user types; answers typed over are dropped. */
export function useSearch(query: string, kinds: SearchKind[]): SearchState {
  const [state, setState] = useState<SearchState>({ status: 'idle' });
  const kindsKey = kinds.join(',');
  const { i18n } = useTranslation();
  const language = i18n.language;

  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setState({ status: 'idle' });
      return;
    }
    let current = true;
    setState((previous) => ({ status: 'searching', results: previous.status === 'done' ? previous.results : EMPTY }));
    const timer = setTimeout(() => {
      const selected = kindsKey ? (kindsKey.split(',') as SearchKind[]) : undefined;
      api()
        .call('search.all', { q: query, ...(selected && { kinds: selected }), limit: 12, language })
        .then((results) => current && setState({ status: 'done', query: q, results }))
        .catch((error: unknown) => {
          if (current) setState({ status: 'error', message: error instanceof ApiError ? error.message : String(error) });
        });
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query, kindsKey, language]);

  return state;
}
