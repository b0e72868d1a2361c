// While the Settings field records a new panic shortcut, the system-wide shortcut must not fire:
// pressing the current combination to record it would otherwise hide the window and lock. Main
// pauses the registration for the recording only, and takes it back when the window loses focus,
// after a minute at most, or when the page says the recording ended. Against a fake of 'electron'.
import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EventBus } from '../../../electron/core/events';

vi.mock('electron', () => ({}));

const TRUSTED = { url: 'app://workbench/settings', parent: null };

function fixture() {
  const events = new EventBus();
  let prefs = { panicShortcut: 'CommandOrControl+Shift+H', panicHidesWindow: true, eraseAfterFailedUnlocks: null };
  const panic = vi.fn();
  const core = { events, panic, preferences: () => prefs };
  const registered = new Map<string, () => void>();
  const shortcuts = {
    register: vi.fn((accelerator: string, callback: () => void) => registered.set(accelerator, callback) && true),
    unregister: vi.fn((accelerator: string) => registered.delete(accelerator)),
  };
  const window = Object.assign(new EventEmitter(), { focused: true, isFocused: () => window.focused, isDestroyed: () => false, hide: vi.fn(), webContents: { send: vi.fn() } });
  /** Presses the combination as the system would: only a registered shortcut reaches main. */
  const press = (accelerator: string) => registered.get(accelerator)?.();
  const setPrefs = (next: Partial<typeof prefs>) => {
    prefs = { ...prefs, ...next };
    events.emit('preferences.changed', {});
  };
  return { core, shortcuts, registered, window, press, panic, setPrefs };
}

async function watch(f: ReturnType<typeof fixture>) {
  const { watchPanic } = await import('../../../electron/main/panic');
  return watchPanic(f.core as never, f.shortcuts as never, () => f.window as never);
}

describe('the system-wide panic shortcut while a new one is recorded', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('does not fire while the field records, and fires again once the recording ends', async () => {
    const f = fixture();
    const shortcut = await watch(f);
    shortcut.setRecording(true);
    f.press('CommandOrControl+Shift+H');
    expect(f.panic).not.toHaveBeenCalled();
    expect(f.window.hide).not.toHaveBeenCalled();
    expect(f.registered.size).toBe(0);

    shortcut.setRecording(false);
    f.press('CommandOrControl+Shift+H');
    expect(f.panic).toHaveBeenCalledTimes(1);
    expect(f.window.hide).toHaveBeenCalled();
  });

  it('registers the newly saved shortcut when the recording ends, not before', async () => {
    const f = fixture();
    const shortcut = await watch(f);
    shortcut.setRecording(true);
    f.setPrefs({ panicShortcut: 'Alt+F12' });
    expect(f.registered.size).toBe(0);
    f.press('Alt+F12');
    expect(f.panic).not.toHaveBeenCalled();
    shortcut.setRecording(false);
    expect([...f.registered.keys()]).toEqual(['Alt+F12']);
    f.press('Alt+F12');
    expect(f.panic).toHaveBeenCalledTimes(1);
  });

  it('takes the shortcut back as soon as the window loses focus, when the user is in another app', async () => {
    const f = fixture();
    const shortcut = await watch(f);
    shortcut.setRecording(true);
    f.window.focused = false;
    f.window.emit('blur');
    f.press('CommandOrControl+Shift+H');
    expect(f.panic).toHaveBeenCalledTimes(1);
    // The page's late "recording ended" changes nothing.
    shortcut.setRecording(false);
    expect(f.shortcuts.register).toHaveBeenCalledTimes(2);
    expect(f.window.listenerCount('blur')).toBe(0);
  });

  it('takes the shortcut back after a minute even if the page never says the recording ended', async () => {
    const f = fixture();
    const { MAX_RECORDING_MS } = await import('../../../electron/main/panic');
    const shortcut = await watch(f);
    shortcut.setRecording(true);
    vi.advanceTimersByTime(MAX_RECORDING_MS - 1);
    f.press('CommandOrControl+Shift+H');
    expect(f.panic).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    f.press('CommandOrControl+Shift+H');
    expect(f.panic).toHaveBeenCalledTimes(1);
  });

  it('keeps the shortcut when the app’s window does not have focus', async () => {
    const f = fixture();
    const shortcut = await watch(f);
    f.window.focused = false;
    shortcut.setRecording(true);
    f.press('CommandOrControl+Shift+H');
    expect(f.panic).toHaveBeenCalledTimes(1);
  });
});

describe('the page telling main it records a shortcut', () => {
  async function ipc(setRecording = vi.fn()) {
    const handlers: Record<string, (...args: unknown[]) => unknown> = {};
    const ipcMain = { handle: (channel: string, fn: (...args: unknown[]) => unknown) => (handlers[channel] = fn) };
    const core = { dispatch: vi.fn(async () => ({ ok: true, value: null })), panic: vi.fn() };
    const { registerIpc } = await import('../../../electron/main/ipc');
    registerIpc(ipcMain as never, core as never, { setRecording });
    const call = (frame: unknown, payload: unknown) => handlers['workbench:rpc']!({ senderFrame: frame }, 'app.recordingShortcut', payload);
    return { call, core, setRecording };
  }

  it('is answered in main, which pauses and resumes the shortcut, without going to core', async () => {
    const { call, core, setRecording } = await ipc();
    expect(await call(TRUSTED, { recording: true })).toEqual({ ok: true, value: null });
    expect(await call(TRUSTED, { recording: false })).toEqual({ ok: true, value: null });
    expect(setRecording.mock.calls).toEqual([[true], [false]]);
    expect(core.dispatch).not.toHaveBeenCalled();
  });

  it('is refused from a foreign page or frame, and with a payload that is not a yes or no', async () => {
    const { call, setRecording } = await ipc();
    expect(await call({ url: 'https://evil.example/', parent: null }, { recording: true })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call({ url: 'app://workbench/', parent: {} }, { recording: true })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call(TRUSTED, { recording: 'yes' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await call(TRUSTED, null)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(setRecording).not.toHaveBeenCalled();
  });
});
