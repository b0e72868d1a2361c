import type { BrowserWindow, GlobalShortcut } from 'electron';
import { IPC_EVENT_CHANNEL } from '../shared/api/events';
import type { CoreConnection } from './core-host';

/** The most a recording can keep the system-wide shortcut off, should the page never say it ended. */
export const MAX_RECORDING_MS = 60_000;

export interface PanicShortcut {
  /**
   * While the page records a new shortcut, the keys pressed must reach the page: the system-wide
   * shortcut, which would otherwise take them first and hide and lock, is off until the recording
   * ends, the window loses focus (then the user is in another app and needs it again) or
   * MAX_RECORDING_MS pass.
   */
  setRecording(recording: boolean): void;
}

/**
 * The panic shortcut works system-wide, even when another app has focus. Main blanks the window
 * itself, at once (the page hears 'app.panic' and drops what it shows; the window hides if the
 * user chose so), and only then asks core, in its own process, to lock: a busy core cannot delay
 * the screen going blank, and the host ends core's process if the lock is not confirmed in time.
 */
export function watchPanic(core: CoreConnection, shortcuts: GlobalShortcut, currentWindow: () => BrowserWindow | undefined): PanicShortcut {
  let registered: string | null = null;
  let recording: { window: BrowserWindow | undefined; timer: ReturnType<typeof setTimeout> } | null = null;
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
  const unregister = () => {
    if (registered) shortcuts.unregister(registered);
    registered = null;
  };
  const register = () => {
    unregister();
    if (recording) return; // registered again when the recording ends, with the preference then saved
    const accelerator = core.preferences().panicShortcut;
    // Another app may own the combination; the in-page shortcut and the button still work.
    if (shortcuts.register(accelerator, panic)) registered = accelerator;
  };
  const endRecording = () => {
    if (!recording) return;
    clearTimeout(recording.timer);
    if (recording.window && !recording.window.isDestroyed()) recording.window.removeListener('blur', endRecording);
    recording = null;
    register();
  };
  const startRecording = () => {
    if (recording) return;
    const window = currentWindow();
    // Only while the app's own window has focus: recording happens in it, and nowhere else.
    if (!window || window.isDestroyed() || !window.isFocused()) return;
    recording = { window, timer: setTimeout(endRecording, MAX_RECORDING_MS) };
    window.once('blur', endRecording);
    unregister();
  };
  register();
  core.events.on((event) => {
    if (event.name === 'preferences.changed') register();
    // Panic started in the page (its shortcut or button) reaches main through core.
    if (event.name === 'app.panic' && core.preferences().panicHidesWindow) currentWindow()?.hide();
  });
  return { setRecording: (on) => (on ? startRecording() : endRecording()) };
}
