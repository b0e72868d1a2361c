import { useSyncExternalStore } from 'react';
import type { IntegrityReport } from '@shared/api/diary';
import type { EventPayload } from '@shared/api/events';
import { api } from '../../api/client';
import { asApiError } from './errors';

export type IntegrityState =
  | { state: 'idle' }
  | { state: 'running'; progress: EventPayload<'integrity.progress'> | null }
  | { state: 'done'; report: IntegrityReport; finishedAt: string }
  | { state: 'error'; message: string };

/*
 * Held outside any component: the check runs in core, so the user may leave Settings and keep
 * working, and finds the progress or the report when coming back.
 */
let current: IntegrityState = { state: 'idle' };
const listeners = new Set<() => void>();
let watchingLock = false;

function set(next: IntegrityState) {
  current = next;
  for (const listener of listeners) listener();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** Starts a check unless one is already running; progress comes from core's events. A lock forgets the report: it described a vault no longer open. */
export async function startIntegrityCheck(): Promise<void> {
  if (current.state === 'running') return;
  if (!watchingLock) {
    watchingLock = true;
    api().on('vault.locked', () => {
      if (current.state !== 'running') set({ state: 'idle' });
    });
  }
  set({ state: 'running', progress: null });
  const off = api().on('integrity.progress', (progress) => {
    if (current.state === 'running') set({ state: 'running', progress });
  });
  try {
    const report = await api().call('integrity.verify', null);
    set({ state: 'done', report, finishedAt: new Date().toISOString() });
  } catch (caught) {
    set({ state: 'error', message: asApiError(caught).message });
  } finally {
    off();
  }
}

export const useIntegrityCheck = (): IntegrityState => useSyncExternalStore(subscribe, () => current);
