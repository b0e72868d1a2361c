import { useCallback, useEffect, useRef, useState } from 'react';
import type { Input, Method, Output } from '@shared/api/contract';
import { api, ApiError } from '../api/client';
import { firstPaint } from '../app/first-paint';

export type Loadable<T> =
  | { status: 'loading' }
  | { status: 'error'; error: ApiError }
  | { status: 'ready'; data: T };

/**
 * The one data-loading pattern every page uses: call an API method, keep the latest answer, and
 * ignore answers that arrive after the input changed or the page went away.
 */
export function useApi<M extends Method>(method: M, input: Input<M>, deps: readonly unknown[] = []) {
  const [state, setState] = useState<Loadable<Output<M>>>({ status: 'loading' });
  const generation = useRef(0);
  const inputRef = useRef(input);
  inputRef.current = input;

  const load = useCallback(async () => {
    const mine = ++generation.current;
    setState((previous) => (previous.status === 'ready' ? previous : { status: 'loading' }));
    try {
      const data = await api().call(method, inputRef.current);
      if (mine === generation.current) setState({ status: 'ready', data });
    } catch (error) {
      const apiError = error instanceof ApiError ? error : new ApiError({ code: 'INTERNAL', message: String(error) });
      if (mine === generation.current) setState({ status: 'error', error: apiError });
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [method, ...deps]);

  useEffect(() => {
    let live = true;
    // Asked for before the first screen is painted: once it is (first-paint.ts).
    const painted = firstPaint();
    if (painted)
      void painted.then(() => {
        if (live) void load();
      });
    else void load();
    // Leaving (or changing input) makes any answer still on its way stale.
    const counter = generation;
    return () => {
      live = false;
      counter.current++;
    };
  }, [load]);

  return { state, reload: load };
}

/**
 * The same pattern for a load that takes more than one call (an editor's record, its draft and
 * the lists its selects offer): answers that arrive after the inputs changed are dropped.
 */
export function useAsync<T>(load: () => Promise<T>, deps: readonly unknown[]): Loadable<T> {
  const [state, setState] = useState<Loadable<T>>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    setState({ status: 'loading' });
    load().then(
      (data) => live && setState({ status: 'ready', data }),
      (error: unknown) => live && setState({ status: 'error', error: error instanceof ApiError ? error : new ApiError({ code: 'INTERNAL', message: String(error) }) }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return state;
}
