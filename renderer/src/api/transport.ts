import { EVENT_NAMES } from '@shared/api/channels';
import type { PushEvent } from '@shared/api/events';
import type { RpcResult } from '@shared/api/result';

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

export const RPC_HEADER = 'x-workbench-rpc';

/**
 * One EventSource for the whole page, shared by every subscriber: browsers allow only six
 * connections per host, and a stream per component would starve the API calls.
 */
function sharedEventStream() {
  const listeners = new Set<(event: PushEvent) => void>();
  let source: EventSource | null = null;
  const open = () => {
    source = new EventSource('/events');
    for (const name of EVENT_NAMES) {
      source.addEventListener(name, (message: MessageEvent<string>) => {
        const event = { name, payload: JSON.parse(message.data) } as PushEvent;
        for (const listener of listeners) listener(event);
      });
    }
  };
  return (listener: (event: PushEvent) => void) => {
    listeners.add(listener);
    if (!source) open();
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) {
        source?.close();
        source = null;
      }
    };
  };
}

export const httpTransport = (): Transport => ({
  async invoke(method, payload) {
    let response: Response;
    try {
      response = await fetch(`/rpc/${encodeURIComponent(method)}`, {
        method: 'POST',
        credentials: 'same-origin',
        cache: 'no-store',
        headers: { 'content-type': 'application/json', [RPC_HEADER]: '1' },
        body: JSON.stringify(payload ?? null),
      });
    } catch {
      return { ok: false, error: { code: 'UNAVAILABLE', message: 'The workbench server is not running. Start it again and reload this page.' } };
    }
    if (response.status === 401) {
      return { ok: false, error: { code: 'UNAUTHORISED', message: 'This page is no longer signed in. Open the address printed at start-up.' } };
    }
    if (!response.ok) {
      return { ok: false, error: { code: 'UNAVAILABLE', message: `The workbench server refused the request (${response.status}).` } };
    }
    return (await response.json()) as RpcResult<unknown>;
  },
  onEvent: sharedEventStream(),
});

export const defaultTransport = (): Transport => (window.workbench ? ipcTransport(window.workbench) : httpTransport());
