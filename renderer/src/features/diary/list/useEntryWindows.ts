import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { EngagementFilter, EngagementPage, EngagementRow } from '@shared/api/diary';
import { api, ApiError } from '../../../api/client';
import type { Loadable } from '../../../components/useApi';
import { arrivedFirstWindow, takeFirstWindow, WINDOW } from './first-window';

interface Window {
  rows: EngagementRow[];
  /** The keyset cursor after this window's last row, or null at the end. */
  next: string | null;
}

export interface EntryList {
  total: number;
  /** The row at a position, once its window has arrived. */
  rowAt: (index: number) => EngagementRow | undefined;
  /** Loads the windows that hold positions first … last, if not already there. */
  ensure: (first: number, last: number) => void;
  /** The position of the first entry of a day, for a jump to a date. */
  positionOf: (day: string) => Promise<number>;
  /** Changes whenever a window arrives. */
  version: number;
}

/**
 * The whole filtered list, loaded a window at a time as the user scrolls: the total first (from
 * the indexes), then each window the list shows. A window right after a loaded one continues from
 * that one's keyset cursor; a window reached by a jump starts at its position. Answers that arrive
 * after the filter changed are dropped.
 */
export function useEntryWindows(filter: EngagementFilter, key: string): { state: Loadable<EntryList>; reload: () => void } {
  // The first window asked for at start-up may already be in: then the first render shows it.
  const [arrived] = useState(() => arrivedFirstWindow(key));
  const [total, setTotal] = useState<number | null>(arrived?.total ?? null);
  const [error, setError] = useState<ApiError | null>(null);
  const [version, setVersion] = useState(0);
  const [attempt, setAttempt] = useState(0);
  const windows = useRef(new Map<number, Window>(arrived ? [[0, { rows: arrived.items, next: arrived.next }]] : []));
  /** The list the windows above belong to, so the first effect keeps the ones the first render showed. */
  const windowsKey = useRef(arrived ? key : null);
  const pending = useRef(new Set<number>());
  const generation = useRef(0);
  const filterRef = useRef(filter);
  filterRef.current = filter;

  const load = useCallback(async (w: number, early: Promise<EngagementPage | null> | null = null) => {
    if (windows.current.has(w) || pending.current.has(w)) return;
    const mine = generation.current;
    pending.current.add(w);
    const before = windows.current.get(w - 1);
    const where = before?.next ? { cursor: before.next } : { offset: w * WINDOW };
    try {
      const page = (await early) ?? (await api().call('engagements.list', { ...filterRef.current, ...where, limit: WINDOW }));
      if (mine !== generation.current) return;
      windows.current.set(w, { rows: page.items, next: page.next });
      setTotal(page.total);
      setVersion((v) => v + 1);
    } catch (caught) {
      if (mine === generation.current) setError(caught instanceof ApiError ? caught : new ApiError({ code: 'INTERNAL', message: String(caught) }));
    } finally {
      pending.current.delete(w);
    }
  }, []);

  useEffect(() => {
    if (attempt === 0 && windowsKey.current === key) {
      // Shown already from the early answer: take it, so no later list takes it for its own.
      void takeFirstWindow(key);
      return;
    }
    windowsKey.current = key;
    generation.current++;
    windows.current = new Map();
    pending.current = new Set();
    setTotal(null);
    setError(null);
    // The first window may already be on its way (first-window.ts); a retry always asks afresh.
    void load(0, attempt === 0 ? takeFirstWindow(key) : null);
  }, [key, attempt, load]);

  const ensure = useCallback(
    (first: number, last: number) => {
      for (let w = Math.floor(first / WINDOW); w <= Math.floor(last / WINDOW); w++) void load(w);
    },
    [load],
  );

  const rowAt = useCallback((index: number) => windows.current.get(Math.floor(index / WINDOW))?.rows[index % WINDOW], []);

  const positionOf = useCallback(async (day: string) => (await api().call('engagements.list', { ...filterRef.current, at: day, limit: 1 })).index, []);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  // version changes whenever a window arrives, so the list re-renders the rows it now has.
  const state: Loadable<EntryList> = useMemo(
    () => (error ? { status: 'error', error } : total === null ? { status: 'loading' } : { status: 'ready', data: { total, rowAt, ensure, positionOf, version } }),
    [error, total, rowAt, ensure, positionOf, version],
  );
  return { state, reload };
}
