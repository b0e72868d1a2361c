import fs from 'node:fs/promises';
import type { Protocol } from 'electron';
import { SECURITY_HEADERS } from '../shared/security/csp';
import { resolveStaticFile } from '../core/static-files';
import { APP_HOST, APP_SCHEME } from './app-origin';

/** Privileges for app://, registered before the app is ready. No bypassCSP: the CSP applies to it. */
export const appSchemePrivileges = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true },
};

/** Serves the built renderer on app://workbench/ with the app's CSP; file:// is refused. */
export function registerAppProtocol(protocol: Protocol, rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return new Response('Not found', { status: 404 });
    const file = resolveStaticFile(rendererDir, url.pathname);
    if (!file) return new Response('Not found', { status: 404 });
    const body = await fs.readFile(file.path);
    return new Response(body, { status: 200, headers: { ...SECURITY_HEADERS, 'Content-Type': file.contentType } });
  });
  protocol.handle('file', () => new Response('Blocked', { status: 403 }));
}
