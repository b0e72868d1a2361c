import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core';
import { startServer, type RunningServer } from '../../../electron/server/server';
import { tempDir } from '../../helpers/temp';
import { request } from './raw-http';

const TOKEN = 'test-token-0123456789';

describe('browser mode server', () => {
  let core: Core;
  let server: RunningServer;
  const rpcHeaders = (port: number, token = TOKEN) => ({
    authorization: `Bearer ${token}`,
    origin: `http://127.0.0.1:${port}`,
    'content-type': 'application/json',
  });
  const launchToken = (url: string) => /#launch=([A-Za-z0-9_-]+)$/.exec(url)![1]!;
  const redeem = (token: string) =>
    request(server.port, { method: 'POST', path: '/auth/session', headers: { authorization: `Launch ${token}`, origin: `http://127.0.0.1:${server.port}` } });

  beforeAll(async () => {
    const rendererDir = tempDir();
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>app</title>');
    fs.mkdirSync(path.join(rendererDir, 'assets'));
    fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
    // A secret next to the renderer folder that traversal must never reach.
    fs.writeFileSync(path.join(rendererDir, '..', `${path.basename(rendererDir)}-secret.txt`), 'secret');
    core = createCore({ dataDir: tempDir(), resourcesDir: 'resources', mode: 'browser', version: '0.0.0-test', openExternal: async () => false });
    server = await startServer({ core, rendererDir, token: TOKEN, maxBodyBytes: 1024 });
  });

  afterAll(async () => {
    await server.close();
    await core.close();
  });

  it('prints a launch address with the token in the fragment, which browsers never send', () => {
    expect(server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/#launch=[A-Za-z0-9_-]{43}$`));
    expect(server.url).not.toContain(TOKEN);
  });

  it('trades a launch token for a session token once, and never sets a cookie', async () => {
    const launch = launchToken(server.launchUrl());
    const first = await redeem(launch);
    expect(first.status).toBe(200);
    expect(first.headers['set-cookie']).toBeUndefined();
    const session = (JSON.parse(first.body) as { value: { token: string } }).value.token;
    expect(session).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const call = await request(server.port, { method: 'POST', path: '/rpc/app.info', headers: rpcHeaders(server.port, session), body: 'null' });
    expect(JSON.parse(call.body)).toMatchObject({ ok: true });

    const again = await redeem(launch);
    expect(again.status).toBe(401);
    expect(JSON.parse(again.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHORISED' } });
  });

  it('refuses a launch token after it expires', async () => {
    const shortLived = await startServer({ core, rendererDir: tempDir(), token: 'other-token-0123456789', launchTtlMs: 50 });
    try {
      await new Promise((resolve) => setTimeout(resolve, 120));
      const res = await request(shortLived.port, { method: 'POST', path: '/auth/session', headers: { authorization: `Launch ${launchToken(shortLived.url)}` } });
      expect(res.status).toBe(401);
    } finally {
      await shortLived.close();
    }
  });

  it('refuses a launch token offered as a bearer token, and a session token offered as a launch token', async () => {
    const launch = launchToken(server.launchUrl());
    const asBearer = await request(server.port, { method: 'POST', path: '/rpc/app.info', headers: rpcHeaders(server.port, launch), body: 'null' });
    expect(asBearer.status).toBe(401);
    expect((await redeem(TOKEN)).status).toBe(401);
  });

  it('refuses API calls and the event stream without the bearer token with 401', async () => {
    const { authorization: _drop, ...noToken } = rpcHeaders(server.port);
    expect((await request(server.port, { method: 'POST', path: '/rpc/app.info', headers: noToken, body: 'null' })).status).toBe(401);
    expect((await request(server.port, { method: 'POST', path: '/rpc/app.info', headers: rpcHeaders(server.port, 'guess'), body: 'null' })).status).toBe(401);
    expect((await request(server.port, { path: '/events' })).status).toBe(401);
    // The old cookie is no credential at all.
    const cookie = { ...noToken, cookie: `workbench_session=${TOKEN}` };
    expect((await request(server.port, { method: 'POST', path: '/rpc/app.info', headers: cookie, body: 'null' })).status).toBe(401);
  });

  it('refuses a foreign Host header with 403 (DNS rebinding)', async () => {
    const res = await request(server.port, { path: '/', headers: { host: `evil.example:${server.port}` } });
    expect(res.status).toBe(403);
    const wrongPort = await request(server.port, { method: 'POST', path: '/rpc/app.info', headers: { ...rpcHeaders(server.port), host: '127.0.0.1:1' }, body: 'null' });
    expect(wrongPort.status).toBe(403);
  });

  it('accepts localhost as well as 127.0.0.1 on its own port', async () => {
    const res = await request(server.port, { path: '/', headers: { host: `localhost:${server.port}` } });
    expect(res.status).toBe(200);
  });

  it('refuses an API call from a foreign Origin with 403, even with the token', async () => {
    const headers = { ...rpcHeaders(server.port), origin: 'http://127.0.0.1:1' };
    expect((await request(server.port, { method: 'POST', path: '/rpc/app.info', headers, body: 'null' })).status).toBe(403);
  });

  it('answers a script that sends only the bearer token, as the README says', async () => {
    const res = await request(server.port, {
      method: 'POST',
      path: '/rpc/app.info',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: 'null',
    });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: { mode: 'browser', version: '0.0.0-test' } });
  });

  it('streams events to a caller with the token', async () => {
    const received = await new Promise<string>((resolve, reject) => {
      import('node:http').then(({ default: http }) => {
        const req = http.get(
          { host: '127.0.0.1', port: server.port, path: '/events', headers: { host: `127.0.0.1:${server.port}`, authorization: `Bearer ${TOKEN}` } },
          (res) => {
            let text = '';
            res.setEncoding('utf8');
            res.on('data', (chunk: string) => {
              text += chunk;
              if (text.includes('event: preferences.changed')) {
                req.destroy();
                resolve(text);
              }
            });
            core.events.emit('preferences.changed', {});
          },
        );
        req.on('error', reject);
      }, reject);
    });
    expect(received).toContain('event: preferences.changed');
  });

  it('answers bad JSON and oversized bodies with clear errors', async () => {
    const bad = await request(server.port, { method: 'POST', path: '/rpc/app.info', headers: rpcHeaders(server.port), body: '{nope' });
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const big = await request(server.port, { method: 'POST', path: '/rpc/app.info', headers: rpcHeaders(server.port), body: `"${'x'.repeat(4096)}"` }).catch(
      () => ({ status: 413 }),
    );
    expect(big.status).toBe(413);
  });

  it.each(['/../package.json', '/assets/../../secret.txt', '/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fetc%2fpasswd', '/assets/..%5c..%5csecret.txt', '/.env'])(
    'answers path traversal %s with 404',
    async (attempt) => {
      expect((await request(server.port, { path: attempt })).status).toBe(404);
    },
  );

  it('lists no directories', async () => {
    const res = await request(server.port, { path: '/assets/' });
    expect(res.body).not.toContain('app.js');
  });

  it('serves the page, which holds no secret, with the same CSP as the desktop app and no caching', async () => {
    const asset = await request(server.port, { path: '/assets/app.js' });
    expect(asset.status).toBe(200);
    expect(asset.headers['content-security-policy']).toContain("default-src 'none'");
    expect(asset.headers['cache-control']).toBe('no-store');
    const route = await request(server.port, { path: '/diary' });
    expect(route.body).toContain('<title>app</title>');
    expect(route.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });
});
