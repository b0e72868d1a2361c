// Browser mode's session, attacked the way it was broken: a page on another local port that the
// browser visits after the app is open must receive nothing that opens the API; the launch
// address is worth nothing once used; a restart leaves old tabs on a page that says what to do.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, SESSION_STORAGE_KEY, signIn, startWebServer, type WebServer } from './harness';
import { createVaultThroughUi } from './vault-ui';

interface Captured {
  url: string;
  headers: http.IncomingHttpHeaders;
}

/** A local web server that records every request, then tries to use what it got. */
async function hostileServer(): Promise<{ origin: string; port: number; captured: Captured[]; close(): Promise<void> }> {
  const captured: Captured[] = [];
  const server = http.createServer((req, res) => {
    captured.push({ url: req.url ?? '', headers: req.headers });
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!doctype html><title>hostile</title><img src="/pixel.png"><p>nothing to see</p>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    captured,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A request to the workbench API from Node, with every header ours to forge. */
function apiRequest(server: WebServer, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: server.port,
        method: 'POST',
        path: '/rpc/vault.list',
        headers: { host: `127.0.0.1:${server.port}`, origin: server.origin, 'content-type': 'application/json', 'x-workbench-rpc': '1', ...headers },
      },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    req.end('{}');
  });
}

describe('the browser-mode session against other local ports', () => {
  let server: WebServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let sessionToken = '';

  beforeAll(async () => {
    server = await startWebServer();
    browser = await launchChromium();
    context = await browser.newContext();
    page = await context.newPage();
    await signIn(page, server);
    sessionToken = (await page.evaluate((key) => window.sessionStorage.getItem(key), SESSION_STORAGE_KEY))!;
    await page.goto(`${server.origin}/settings`);
    await createVaultThroughUi(page);
    await page.getByRole('heading', { name: 'Back up this vault to a file' }).waitFor({ timeout: 30_000 });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('keeps the token out of the address bar and out of cookies', async () => {
    expect(page.url()).not.toContain('launch=');
    expect(await context.cookies()).toEqual([]);
    expect(sessionToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('gives a page on another local port nothing that opens the API, and a replay of what it got is refused', async () => {
    const hostile = await hostileServer();
    try {
      // In the same tab after the app, and in a second tab, as a user following a link would.
      await page.goto(`${hostile.origin}/landing`);
      const other = await context.newPage();
      await other.goto(`${hostile.origin}/second-tab`);
      // What the hostile page itself can reach from script.
      const seenByScript = await page.evaluate(async (apiOrigin) => {
        const storage = JSON.stringify({ ...window.sessionStorage }) + JSON.stringify({ ...window.localStorage }) + document.cookie;
        let api = 'no answer';
        try {
          const response = await fetch(`${apiOrigin}/rpc/vault.list`, { method: 'POST', credentials: 'include', body: '{}' });
          api = String(response.status);
        } catch {
          api = 'blocked';
        }
        return { storage, api };
      }, server.origin);
      await other.close();

      expect(hostile.captured.length).toBeGreaterThan(0);
      for (const request of hostile.captured) {
        expect(request.headers.cookie).toBeUndefined();
        expect(request.headers.authorization).toBeUndefined();
        const everything = request.url + JSON.stringify(request.headers);
        expect(everything).not.toContain(sessionToken);
        expect(everything).not.toContain(server.token);
        expect(everything).not.toContain(server.url.split('#launch=')[1]);
      }
      expect(seenByScript.storage).not.toContain(sessionToken);
      expect(seenByScript.api).not.toBe('200');

      // Replay every header value the hostile server saw, with forged Host and Origin.
      for (const request of hostile.captured) {
        const forged: Record<string, string> = {};
        for (const [name, value] of Object.entries(request.headers)) {
          if (typeof value === 'string' && !['host', 'origin', 'content-length', 'connection'].includes(name)) forged[name] = value;
        }
        expect(await apiRequest(server, forged)).toBe(401);
        if (request.headers.cookie) expect(await apiRequest(server, { cookie: request.headers.cookie })).toBe(401);
      }
      // The old cookie, had it leaked, is no credential either.
      expect(await apiRequest(server, { cookie: `workbench_session=${sessionToken}` })).toBe(401);
      // Only the real token works.
      expect(await apiRequest(server, { authorization: `Bearer ${sessionToken}` })).toBe(200);
    } finally {
      await hostile.close();
    }
  });

  it('gives nothing for the launch address on its second use', async () => {
    const replayContext = await browser.newContext();
    try {
      const replay = await replayContext.newPage();
      await replay.goto(server.url);
      await replay.getByRole('heading', { name: 'This address was already used' }).waitFor();
      expect(await replay.evaluate((key) => window.sessionStorage.getItem(key), SESSION_STORAGE_KEY)).toBeNull();
      expect(await replay.content()).not.toContain('Notes');
    } finally {
      await replayContext.close();
    }
  });

  it('tells a tab opened by hand that it is not signed in', async () => {
    const handContext = await browser.newContext();
    try {
      const typed = await handContext.newPage();
      await typed.goto(`${server.origin}/diary`);
      await typed.getByRole('heading', { name: 'This tab is not signed in' }).waitFor();
    } finally {
      await handContext.close();
    }
  });
});

describe('restarting browser mode', () => {
  it('comes back on the same port, and an old tab says what to do instead of failing', async () => {
    const first = await startWebServer();
    const browser = await launchChromium();
    let second: WebServer | undefined;
    try {
      const page = await browser.newPage();
      await signIn(page, first);
      await page.goto(`${first.origin}/kb`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await first.stop();

      // While it is down, moving to a screen not loaded yet shows the app's page, never the
      // router's developer error page.
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Assessments', exact: true }).click();
      await page.getByRole('heading', { name: 'This screen could not be loaded' }).waitFor();
      expect(await page.textContent('body')).not.toMatch(/Unexpected Application Error|Hey developer/);

      second = await startWebServer(first.dataDir);
      expect(second.port).toBe(first.port);

      // A reload of the old tab, and a click inside it, both land on the app's own page.
      await page.reload();
      await page.getByRole('heading', { name: 'The workbench was restarted' }).waitFor();
      expect(await page.textContent('body')).toContain('Open the newest address printed in the terminal');

      // The new address works in that same tab.
      await signIn(page, second);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      expect(await page.textContent('body')).not.toContain('The workbench was restarted');
    } finally {
      await browser.close();
      await first.stop();
      await second?.stop();
    }
  });
});
