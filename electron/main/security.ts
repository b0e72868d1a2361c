import type { App, Session, Shell, WebContents } from 'electron';
import { isAppBlobUrl, isAppUrl, isExternalWebUrl } from './app-origin';

/**
 * The session-wide rules: every permission request is denied, and every request that is not the
 * app's own protocol is cancelled, so the app makes no network request, ever. Chromium's own
 * background traffic is switched off separately by command-line switches in index.ts.
 */
export function lockDownSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAppUrl(details.url) && !isAppBlobUrl(details.url) && !details.url.startsWith('devtools://') });
  });
  session.setSpellCheckerEnabled(false); // spellcheck downloads dictionaries
  // Exports and attachment copies are blobs the page made; Electron asks where to save them.
  // Nothing else may be downloaded.
  session.on('will-download', (event, item) => {
    if (!isAppBlobUrl(item.getURL())) event.preventDefault();
  });
}

/**
 * Every web contents the app ever creates: no navigation away from the app, no new windows, no
 * webviews. Outside links reach the system browser only through the confirm flow in the renderer,
 * which calls the 'shell.openExternal' API method; window.open is simply denied.
 */
export function guardWebContents(app: App): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

/** Opens an outside address in the system browser; only http(s), never app or file URLs. */
export async function openExternalSafely(shell: Shell, url: string): Promise<boolean> {
  if (!isExternalWebUrl(url)) return false;
  await shell.openExternal(url);
  return true;
}
