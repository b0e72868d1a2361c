// The Electron shell: lifecycle, window, security policy, menu and IPC registration. Everything
// else lives in core, which runs in a utility process (core-host.ts) so that its heavy work never
// blocks this process, which handles the panic shortcut and the lock.
import path from 'node:path';
import { app, BrowserWindow, dialog, globalShortcut, ipcMain, Menu, powerMonitor, protocol, session, shell } from 'electron';
import { APP_ENTRY } from './app-origin';
import { startCoreHost, type CoreConnection } from './core-host';
import type { DataFolderLock } from '../core/data-folder-lock';
import { claimDataFolder } from './data-folder';
import { forwardEvents, registerIpc } from './ipc';
import { watchPanic } from './panic';
import { menuTemplate } from './menu';
import { appSchemePrivileges, registerAppProtocol } from './protocol';
import { electronPrintToPdf } from './print-to-pdf';
import { guardWebContents, lockDownSession, openExternalSafely } from './security';
import { secureWindowOptions } from './window';

const here = import.meta.dirname;

// Chromium's own background traffic (component updates, safe-browsing lists, DNS prefetch) off.
app.commandLine.appendSwitch('disable-background-networking');
app.commandLine.appendSwitch('disable-component-update');
app.commandLine.appendSwitch('disable-domain-reliability');
app.commandLine.appendSwitch('dns-prefetch-disable');
app.enableSandbox();
protocol.registerSchemesAsPrivileged([appSchemePrivileges]);

let core: CoreConnection | undefined;
let folderLock: DataFolderLock | null = null;
let mainWindow: BrowserWindow | undefined;

function createWindow(activeCore: CoreConnection): BrowserWindow {
  const window = new BrowserWindow(secureWindowOptions(path.join(here, '../preload')));
  const stopForwarding = forwardEvents(activeCore, window.webContents);
  window.on('closed', () => {
    stopForwarding();
    mainWindow = undefined;
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY);
  return window;
}

if (!app.requestSingleInstanceLock()) {
  // A second copy would open the same vault files; hand over to the first one instead.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  guardWebContents(app);

  void app.whenReady().then(() => {
    const dataDir = app.getPath('userData');
    folderLock = claimDataFolder(dataDir, { showErrorBox: (title, content) => dialog.showErrorBox(title, content), quit: () => app.quit() });
    if (!folderLock) return;
    lockDownSession(session.defaultSession);
    registerAppProtocol(protocol, path.join(here, '../renderer'));

    const activeCore = startCoreHost({
      entry: path.join(here, 'core-process.js'),
      init: {
        dataDir,
        resourcesDir: app.isPackaged ? path.join(process.resourcesPath, 'content') : path.join(here, '../../resources'),
        mode: 'desktop',
        version: app.getVersion(),
      },
      openExternal: (url) => openExternalSafely(shell, url),
      printToPdf: electronPrintToPdf,
    });
    core = activeCore;
    // Registered before the window exists: the shortcut works from the first screen on.
    const panicShortcut = watchPanic(activeCore, globalShortcut, () => mainWindow);
    registerIpc(ipcMain, activeCore, panicShortcut);

    const lockNow = () => activeCore.lock('user');
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(process.platform, lockNow)));
    powerMonitor.on('suspend', () => activeCore.lock('suspend'));
    powerMonitor.on('lock-screen', () => activeCore.lock('suspend'));
    mainWindow = createWindow(activeCore);
  });

  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    globalShortcut.unregisterAll();
    const closing = core;
    // The folder is let go only once core has closed the vault in it.
    if (!closing) {
      folderLock?.release();
      return;
    }
    // Core runs in its own process: quitting waits until it has closed the vault.
    event.preventDefault();
    core = undefined;
    void closing.close().finally(() => app.quit());
  });
}
