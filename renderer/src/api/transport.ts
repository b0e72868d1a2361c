import { EVENT_NAMES } from '@shared/api/channels';
import type { PushEvent } from '@shared/api/events';
import type { RpcResult } from '@shared/api/result';
import { sessionAccepted, sessionRefused, sessionToken, signedInToken } from './session';

/** How the renderer reaches core: IPC through the preload bridge, or HTTP in browser mode. */
export interface Transport {
  invoke(method: string, payload: unknown): Promise<RpcResult<unknown>>;
  onEvent(listener: (event: PushEvent) => void): () => void;
}

/** What the preload exposes on window.workbench, and nothing more. */
export interface WorkbenchBridge {
  invoke(method: string, payload: unknown): Promise<RpcResult<unknown>>;
  onEvent(listener: (name: string, payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    workbench?: WorkbenchBridge;
  }
}

export const ipcTransport = (bridge: WorkbenchBridge): Transport => ({
  invoke: (method, payload) => bridge.invoke(method, payload),
  onEvent: (listener) => bridge.onEvent((name, payload) => listener({ name, payload } as PushEvent)),
});

const NOT_SIGNED_IN = {
  ok: false,
  error: { code: 'UNAUTHORISED', key: 'session.notSignedIn', message: 'This page is not signed in. Open the address printed in the terminal.' },
} as const;

/** Splits a text/event-stream body into (event name, data) pairs as they arrive. */
export async function readEventStream(body: ReadableStream<Uint8Array>, onEvent: (name: string, data: string) => void): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const frame = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let name = 'message';
      const data: string[] = [];
      for (const line of frame.split('\n')) {
        if (line.startsWith('event:')) name = line.slice('event:'.length).trim();
        else if (line.startsWith('data:')) data.push(line.slice('data:'.length).replace(/^ /, ''));
      }
      if (data.length > 0) onEvent(name, data.join('\n'));
    }
  }
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One event stream for the whole page, shared by every subscriber: browsers allow only six
 * connections per host, and a stream per component would starve the API calls. It is read with
 * fetch, not EventSource, because EventSource cannot send the Authorization header and the token
 * must never travel in an address.
 */
function sharedEventStream() {
  const listeners = new Set<(event: PushEvent) => void>();
  let controller: AbortController | null = null;
  const dispatch = (name: string, data: string) => {
    if (!(EVENT_NAMES as readonly string[]).includes(name)) return;
    const event = { name, payload: JSON.parse(data) } as PushEvent;
    for (const listener of listeners) listener(event);
  };
  const open = async (signal: AbortSignal) => {
    let delay = 1_000;
    while (!signal.aborted) {
      const token = await sessionToken();
      if (!token) return;
      try {
        const response = await fetch('/events', { headers: { authorization: `Bearer ${token}` }, cache: 'no-store', credentials: 'omit', signal });
        if (response.status === 401) return sessionRefused();
        if (response.ok && response.body) {
          delay = 1_000;
          await readEventStream(response.body, dispatch);
        }
      } catch {
        // The server went away (restart, shutdown) or the stream was closed on purpose.
      }
      if (signal.aborted) return;
      await wait(delay);
      delay = Math.min(delay * 2, 15_000);
    }
  };
  return (listener: (event: PushEvent) => void) => {
    listeners.add(listener);
    if (!controller) {
      controller = new AbortController();
      void open(controller.signal);
    }
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) {
        controller?.abort();
        controller = null;
      }
    };
  };
}

export const httpTransport = (): Transport => ({
  async invoke(method, payload) {
    const token = signedInToken() ?? (await sessionToken());
    if (!token) return NOT_SIGNED_IN;
    let response: Response;
    try {
      response = await fetch(`/rpc/${encodeURIComponent(method)}`, {
        method: 'POST',
        credentials: 'omit',
        cache: 'no-store',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(payload ?? null),
      });
    } catch {
      return { ok: false, error: { code: 'UNAVAILABLE', key: 'session.serverStopped', message: 'The workbench server is not running. Start it again and open the new address it prints.' } };
    }
    if (response.status === 401) {
      sessionRefused();
      return { ok: false, error: { code: 'UNAUTHORISED', key: 'session.serverRestarted', message: 'The workbench was restarted. Open the new address printed in the terminal.' } };
    }
    if (!response.ok) {
      return { ok: false, error: { code: 'UNAVAILABLE', key: 'session.serverRefused', params: { status: response.status }, message: `The workbench server refused the request (${response.status}).` } };
    }
    sessionAccepted();
    return (await response.json()) as RpcResult<unknown>;
  },
  onEvent: sharedEventStream(),
});

export const defaultTransport = (): Transport => (window.workbench ? ipcTransport(window.workbench) : httpTransport());
