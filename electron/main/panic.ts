import type { BrowserWindow, GlobalShortcut } from 'electron';
import { IPC_EVENT_CHANNEL } from '../shared/api/events';
import type { CoreConnection } from './core-host';

/**
 * The panic shortcut works system-wide, even when another app has focus. Main blanks the window
 * itself, at once (the page hears 'app.panic' and drops what it shows; the window hides if the
 * user chose so), and only then asks core, in its own process, to lock: a busy core cannot delay
 * the screen going blank, and the host ends core's process if the lock is not confirmed in time.
 */
export function watchPanic(core: CoreConnection, shortcuts: GlobalShortcut, currentWindow: () => BrowserWindow | undefined): void {
  let registered: string | null = null;
  const hideWindow = () => {
    const window = currentWindow();
    if (!window || window.isDestroyed()) return;
    window.webContents.send(IPC_EVENT_CHANNEL, 'app.panic', {});
    if (core.preferences().panicHidesWindow) window.hide();
  };
  const panic = () => {
    hideWindow();
    core.panic();
  };
  const register = () => {
    if (registered) shortcuts.unregister(registered);
    registered = null;
    const accelerator = core.preferences().panicShortcut;
    // Another app may own the combination; the in-page shortcut and the button still work.
    if (shortcuts.register(accelerator, panic)) registered = accelerator;
  };
  register();
  core.events.on((event) => {
    if (event.name === 'preferences.changed') register();
    // Panic started in the page (its shortcut or button) reaches main through core.
    if (event.name === 'app.panic' && core.preferences().panicHidesWindow) currentWindow()?.hide();
  });
}
