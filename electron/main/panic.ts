import type { BrowserWindow, GlobalShortcut } from 'electron';
import type { Core } from '../core';

/**
 * The panic shortcut works system-wide, even when another app has focus: it locks the vault and,
 * if the user chose so, hides the window. The renderer hears 'app.panic' and drops what it shows.
 */
export function watchPanic(core: Core, shortcuts: GlobalShortcut, currentWindow: () => BrowserWindow | undefined): void {
  let registered: string | null = null;
  const register = () => {
    if (registered) shortcuts.unregister(registered);
    registered = null;
    const accelerator = core.preferences().panicShortcut;
    // Another app may own the combination; the in-page shortcut and the button still work.
    if (shortcuts.register(accelerator, () => core.panic())) registered = accelerator;
  };
  register();
  core.events.on((event) => {
    if (event.name === 'preferences.changed') register();
    if (event.name === 'app.panic' && core.preferences().panicHidesWindow) currentWindow()?.hide();
  });
}
