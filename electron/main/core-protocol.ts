// The messages between the Electron main process and the utility process that runs core. Core's
// heavy work (key derivation, indexing, imports, backups) runs there, so the main process, which
// owns the panic shortcut, the menu's lock and the window, is never blocked by it.
import type { PushEvent } from '@shared/api/events';
import type { RpcResult } from '@shared/api/result';
import type { CoreOptions, LockReason } from '../core';
import type { PdfPage } from '../core/exports/pdf';

/** What main sends on the parent port, with the MessagePort for everything after it. */
export type CoreInit = Omit<CoreOptions, 'openExternal' | 'printToPdf' | 'kdf' | 'now'>;

/** Main → core. */
export type ToCore =
  | { type: 'invoke'; id: number; method: unknown; payload: unknown }
  | { type: 'lock'; reason: LockReason }
  | { type: 'panic' }
  | { type: 'close' }
  | { type: 'reply'; id: number; ok: true; value: unknown }
  | { type: 'reply'; id: number; ok: false };

/** Services core needs from the shell: the system browser and Chromium's print pipeline. */
export type ShellRequest = { name: 'openExternal'; url: string } | { name: 'printToPdf'; html: string; page: PdfPage };

/** Core → main. */
export type FromCore =
  | { type: 'result'; id: number; result: RpcResult<unknown> }
  | { type: 'event'; event: PushEvent }
  | { type: 'locked' }
  | { type: 'closed' }
  | ({ type: 'request'; id: number } & ShellRequest);

/** The part of Electron's MessagePortMain both sides use (a fake in tests). */
export interface PortLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  start(): void;
  close(): void;
}
