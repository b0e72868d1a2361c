import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { IPC_EVENT_CHANNEL, IPC_RPC_CHANNEL } from '../shared/api/events';
import { preferenceMethods } from '../shared/api/preferences';
import { fail, ok } from '../shared/api/result';
import type { CoreConnection } from './core-host';
import { isAppUrl } from './app-origin';
import type { PanicShortcut } from './panic';

/** Only the app's own top-level page may call the API; an injected frame or foreign page may not. */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}

export function registerIpc(ipcMain: IpcMain, core: Pick<CoreConnection, 'dispatch' | 'panic'>, panicShortcut?: PanicShortcut): void {
  ipcMain.handle(IPC_RPC_CHANNEL, (event, method: unknown, payload: unknown) => {
    if (!isTrustedSender(event)) return fail('FORBIDDEN', 'This page may not use the workbench.', { key: 'app.forbidden' });
    // Panic from the page is answered here, not queued behind whatever core is doing: the host
    // tells core to lock and ends its process if the lock is not confirmed in time.
    if (method === 'app.panic') {
      core.panic();
      return ok(null);
    }
    // The system-wide shortcut belongs to this process: only here can it be paused while the
    // Settings field records a new one.
    if (method === 'app.recordingShortcut') {
      const input = preferenceMethods['app.recordingShortcut'].input.safeParse(payload);
      if (!input.success) return fail('INVALID_INPUT', 'This value is not accepted.', { key: 'validation.notAccepted' });
      panicShortcut?.setRecording(input.data.recording);
      return ok(null);
    }
    return core.dispatch(method, payload);
  });
}

/** Forwards core's push events to a window; returns the unsubscribe function. */
export function forwardEvents(core: Pick<CoreConnection, 'events'>, contents: WebContents): () => void {
  return core.events.on((event) => {
    if (!contents.isDestroyed()) contents.send(IPC_EVENT_CHANNEL, event.name, event.payload);
  });
}
