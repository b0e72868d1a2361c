// The Electron shell cannot run on build machines without the Electron binary, so these tests
// import it against a recording fake of the 'electron' module and assert what it registered.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../../helpers/temp';

type Listener = (...args: unknown[]) => unknown;

const recorded = vi.hoisted(() => {
  const on = (target: { listeners: Record<string, ((...a: unknown[]) => unknown)[]> }) => (name: string, fn: (...a: unknown[]) => unknown) => {
    (target.listeners[name] ??= []).push(fn);
    return target;
  };
  const app = {
    listeners: {} as Record<string, ((...a: unknown[]) => unknown)[]>,
    switches: [] as string[],
    sandboxed: false,
    commandLine: { appendSwitch: (name: string) => app.switches.push(name) },
    enableSandbox: () => (app.sandboxed = true),
    requestSingleInstanceLock: vi.fn(() => true),
    whenReady: () => new Promise<void>(() => {}), // the window is not created in these tests
    quit: vi.fn(),
    isPackaged: false,
    getPath: () => '/tmp',
    getVersion: () => '0.0.0',
    on: undefined as unknown,
  };
  app.on = on(app);
  const session = {
    permissionRequest: undefined as undefined | Listener,
    permissionCheck: undefined as undefined | Listener,
    deviceCheck: undefined as undefined | Listener,
    beforeRequest: undefined as undefined | Listener,
    spellcheck: true,
    listeners: {} as Record<string, ((...a: unknown[]) => unknown)[]>,
    setPermissionRequestHandler: (fn: Listener) => (session.permissionRequest = fn),
    setPermissionCheckHandler: (fn: Listener) => (session.permissionCheck = fn),
    setDevicePermissionHandler: (fn: Listener) => (session.deviceCheck = fn),
    setSpellCheckerEnabled: (value: boolean) => (session.spellcheck = value),
    webRequest: { onBeforeRequest: (fn: Listener) => (session.beforeRequest = fn) },
    on: undefined as unknown,
  };
  session.on = on(session);
  const protocol = {
    privileged: [] as unknown[],
    handlers: {} as Record<string, (request: Request) => Promise<Response> | Response>,
    registerSchemesAsPrivileged: (schemes: unknown[]) => protocol.privileged.push(...schemes),
    handle: (scheme: string, fn: (request: Request) => Promise<Response>) => (protocol.handlers[scheme] = fn),
  };
  const ipcMain = {
    handlers: {} as Record<string, Listener>,
    handle: (channel: string, fn: Listener) => (ipcMain.handlers[channel] = fn),
  };
  return { app, session, protocol, ipcMain };
});

vi.mock('electron', () => ({
  app: recorded.app,
  protocol: recorded.protocol,
  ipcMain: recorded.ipcMain,
  session: { defaultSession: recorded.session },
  BrowserWindow: vi.fn(),
  Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn() },
  globalShortcut: { unregisterAll: vi.fn() },
  powerMonitor: { on: vi.fn() },
  shell: { openExternal: vi.fn() },
}));

const { app, session, protocol, ipcMain } = recorded;

describe('the Electron shell', () => {
  beforeAll(async () => {
    await import('../../../electron/main/index');
  });

  it('takes the single-instance lock and turns the sandbox on for every renderer', () => {
    expect(app.requestSingleInstanceLock).toHaveBeenCalled();
    expect(app.sandboxed).toBe(true);
    expect(app.listeners['second-instance']).toHaveLength(1);
  });

  it('switches off Chromium background networking', () => {
    expect(app.switches).toEqual(expect.arrayContaining(['disable-background-networking', 'disable-component-update']));
  });

  it('registers app:// as a secure standard scheme without bypassing the CSP', () => {
    expect(protocol.privileged).toEqual([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ]);
    expect(JSON.stringify(protocol.privileged)).not.toContain('bypassCSP');
  });
});

describe('window options', () => {
  it('isolates, sandboxes and gives the page no Node and no spellcheck', async () => {
    const { secureWindowOptions } = await import('../../../electron/main/window');
    const prefs = secureWindowOptions('/app/out/preload').webPreferences!;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    });
    expect(prefs.preload).toBe(path.join('/app/out/preload', 'index.cjs'));
  });
});

describe('session lock-down', () => {
  beforeAll(async () => {
    const { lockDownSession } = await import('../../../electron/main/security');
    lockDownSession(session as never);
  });

  it('denies every permission request and check', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      session.permissionRequest!({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
    expect(session.permissionCheck!()).toBe(false);
    expect(session.deviceCheck!()).toBe(false);
  });

  it('cancels every request that is not the app protocol', () => {
    const decide = (url: string) => {
      let cancel: boolean | undefined;
      session.beforeRequest!({ url }, (response: { cancel: boolean }) => (cancel = response.cancel));
      return cancel;
    };
    expect(decide('app://workbench/index.html')).toBe(false);
    expect(decide('app://workbench/assets/index.js')).toBe(false);
    for (const url of ['https://example.org/', 'http://127.0.0.1:3000/', 'file:///etc/passwd', 'ws://example.org', 'app://other/x', 'https://app://workbench']) {
      expect(decide(url), url).toBe(true);
    }
  });

  it('turns spellcheck off and refuses every download but the app’s own exports', () => {
    expect(session.spellcheck).toBe(false);
    const download = (url: string) => {
      const event = { preventDefault: vi.fn() };
      session.listeners['will-download']![0]!(event, { getURL: () => url });
      return event.preventDefault.mock.calls.length === 0;
    };
    expect(download('https://example.org/file.exe')).toBe(false);
    expect(download('blob:https://example.org/1234')).toBe(false);
    expect(download('blob:app://workbench/5e1b')).toBe(true);
  });
});

describe('web contents guards', () => {
  it('denies navigation away from the app, window.open and webviews', () => {
    const contents = { listeners: {} as Record<string, Listener>, openHandler: undefined as undefined | Listener, on(name: string, fn: Listener) { this.listeners[name] = fn; }, setWindowOpenHandler(fn: Listener) { this.openHandler = fn; } };
    app.listeners['web-contents-created']![0]!({}, contents);
    const navigate = (url: string) => {
      const event = { preventDefault: vi.fn() };
      contents.listeners['will-navigate']!(event, url);
      return event.preventDefault.mock.calls.length > 0;
    };
    expect(navigate('https://example.org')).toBe(true);
    expect(navigate('file:///etc/passwd')).toBe(true);
    expect(navigate('app://workbench/diary')).toBe(false);
    expect(contents.openHandler!({ url: 'https://example.org' })).toEqual({ action: 'deny' });
    const webview = { preventDefault: vi.fn() };
    contents.listeners['will-attach-webview']!(webview);
    expect(webview.preventDefault).toHaveBeenCalled();
  });

  it('opens only web addresses in the system browser', async () => {
    const { openExternalSafely } = await import('../../../electron/main/security');
    const shell = { openExternal: vi.fn(async () => {}) };
    expect(await openExternalSafely(shell as never, 'https://www.ohchr.org/')).toBe(true);
    for (const url of ['file:///etc/passwd', 'app://workbench/', 'javascript:alert(1)', 'smb://host/share', 'https://user:pw@example.org']) {
      expect(await openExternalSafely(shell as never, url), url).toBe(false);
    }
    expect(shell.openExternal).toHaveBeenCalledTimes(1);
  });
});

describe('IPC', () => {
  const fakeCore = { dispatch: vi.fn(async () => ({ ok: true, value: 'answered' })), panic: vi.fn(), events: { on: vi.fn() } };

  beforeAll(async () => {
    const { registerIpc } = await import('../../../electron/main/ipc');
    registerIpc(ipcMain as never, fakeCore as never);
  });

  const call = (frame: unknown) => ipcMain.handlers['workbench:rpc']!({ senderFrame: frame }, 'app.info', null);

  it('answers the app’s own top-level page', async () => {
    expect(await call({ url: 'app://workbench/diary', parent: null })).toEqual({ ok: true, value: 'answered' });
  });

  it('refuses sub-frames, foreign pages and missing frames without calling core', async () => {
    fakeCore.dispatch.mockClear();
    for (const frame of [null, { url: 'https://evil.example/', parent: null }, { url: 'app://workbench/', parent: {} }, { url: 'file:///x', parent: null }]) {
      expect(await call(frame)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(fakeCore.dispatch).not.toHaveBeenCalled();
  });

  it('answers the page’s panic in main, without waiting behind core’s queue', async () => {
    fakeCore.dispatch.mockClear();
    const frame = { url: 'app://workbench/diary', parent: null };
    expect(await ipcMain.handlers['workbench:rpc']!({ senderFrame: frame }, 'app.panic', null)).toEqual({ ok: true, value: null });
    expect(fakeCore.panic).toHaveBeenCalledTimes(1);
    expect(fakeCore.dispatch).not.toHaveBeenCalled();
  });
});

describe('app protocol', () => {
  it('serves the renderer with the CSP header and blocks file://', async () => {
    const { registerAppProtocol } = await import('../../../electron/main/protocol');
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html>');
    registerAppProtocol(protocol as never, dir);
    const page = await protocol.handlers.app!(new Request('app://workbench/diary'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    // URL parsing resolves dot segments before the handler sees them; nothing outside the folder is served.
    const escaped = await protocol.handlers.app!(new Request('app://workbench/%2e%2e/%2e%2e/etc/passwd'));
    expect(await escaped.text()).toBe('<!doctype html>');
    expect((await protocol.handlers.app!(new Request('app://workbench/.env'))).status).toBe(404);
    expect((await protocol.handlers.app!(new Request('app://elsewhere/index.html'))).status).toBe(404);
    expect((await protocol.handlers.file!(new Request('file:///etc/passwd'))).status).toBe(403);
  });
});

describe('application menu', () => {
  it('has the standard edit roles and a lock shortcut', async () => {
    const { menuTemplate } = await import('../../../electron/main/menu');
    const lockNow = vi.fn();
    const template = menuTemplate('linux', lockNow);
    const edit = template.find((item) => item.label === 'Edit')!;
    const roles = (edit.submenu as { role?: string }[]).map((item) => item.role).filter(Boolean);
    expect(roles).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']));
    const file = template.find((item) => item.label === 'File')!;
    const lock = (file.submenu as { label?: string; accelerator?: string; click?: () => void }[]).find((item) => item.label === 'Lock Vault')!;
    expect(lock.accelerator).toBe('CmdOrCtrl+Shift+L');
    lock.click!();
    expect(lockNow).toHaveBeenCalled();
  });
});

describe('the system-wide panic shortcut', () => {
  it('registers the chosen shortcut, follows changes and hides the window on panic', async () => {
    const { watchPanic } = await import('../../../electron/main/panic');
    const { EventBus } = await import('../../../electron/core/events');
    const events = new EventBus();
    let prefs = { panicShortcut: 'CommandOrControl+Shift+H', panicHidesWindow: true, eraseAfterFailedUnlocks: null };
    const panic = vi.fn(() => events.emit('app.panic', {}));
    const core = { events, panic, preferences: () => prefs };
    const registered = new Map<string, () => void>();
    const shortcuts = {
      register: vi.fn((accelerator: string, callback: () => void) => registered.set(accelerator, callback) && true),
      unregister: vi.fn((accelerator: string) => registered.delete(accelerator)),
    };
    const window = { hide: vi.fn(), isDestroyed: () => false, webContents: { send: vi.fn() } };
    watchPanic(core as never, shortcuts as never, () => window as never);

    expect([...registered.keys()]).toEqual(['CommandOrControl+Shift+H']);
    registered.get('CommandOrControl+Shift+H')!();
    expect(panic).toHaveBeenCalledTimes(1);
    expect(window.webContents.send).toHaveBeenCalledWith('workbench:event', 'app.panic', {});
    expect(window.hide).toHaveBeenCalled();

    prefs = { ...prefs, panicShortcut: 'Alt+F12', panicHidesWindow: false };
    events.emit('preferences.changed', {});
    expect([...registered.keys()]).toEqual(['Alt+F12']);
    window.hide.mockClear();
    registered.get('Alt+F12')!();
    expect(panic).toHaveBeenCalledTimes(2);
    expect(window.hide).not.toHaveBeenCalled();
  });
});
