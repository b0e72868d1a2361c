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
  onEvent(listener) {
    const source = new EventSource('/events');
    const handlers = EVENT_NAMES.map((name) => {
      const handler = (message: MessageEvent<string>) => listener({ name, payload: JSON.parse(message.data) } as PushEvent);
      source.addEventListener(name, handler);
      return handler;
    });
    return () => {
      EVENT_NAMES.forEach((name, i) => source.removeEventListener(name, handlers[i]!));
      source.close();
    };
  },
});

export const defaultTransport = (): Transport => (window.workbench ? ipcTransport(window.workbench) : httpTransport());
