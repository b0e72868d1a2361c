import path from 'node:path';
import type { BrowserWindowConstructorOptions } from 'electron';

/** The renderer is untrusted: isolated, sandboxed, no Node, no spellcheck downloads. */
export function secureWindowOptions(preloadDir: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 860,
    minWidth: 720,
    minHeight: 520,
    show: false,
    title: 'Advocacy Workbench',
    backgroundColor: '#1b1f24',
    webPreferences: {
      preload: path.join(preloadDir, 'index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: process.env.NODE_ENV === 'development',
    },
  };
}
