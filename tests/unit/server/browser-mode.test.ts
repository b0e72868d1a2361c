import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core';
import { startServer, type RunningServer } from '../../../electron/server/server';
import { tempDir } from '../../helpers/temp';

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A raw request, so paths like /../ reach the server unnormalised and headers are ours to forge. */
function request(port: number, options: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: { host: `127.0.0.1:${port}`, ...options.headers } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

describe('browser mode server', () => {
  let core: Core;
  let server: RunningServer;
  let cookie: string;
  const rpcHeaders = (port: number) => ({
    cookie,
    origin: `http://127.0.0.1:${port}`,
    'content-type': 'application/json',
    'x-workbench-rpc': '1',
  });

  beforeAll(async () => {
    const rendererDir = tempDir();
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>app</title>');
    fs.mkdirSync(path.join(rendererDir, 'assets'));
    fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
    // A secret next to the renderer folder that traversal must never reach.
    fs.writeFileSync(path.join(rendererDir, '..', `${path.basename(rendererDir)}-secret.txt`), 'secret');
    core = createCore({ dataDir: tempDir(), resourcesDir: 'resources', mode: 'browser', version: '0.0.0-test', openExternal: async () => false });
    server = await startServer({ core, rendererDir, token: 'test-token-0123456789', maxBodyBytes: 1024 });
    const login = await request(server.port, { path: `/?tkn=${server.token}` });
    cookie = String(login.headers['set-cookie']?.[0]).split(';')[0]!;
  });

  afterAll(async () => {
    await server.close();
    await core.close();
  });

  it('listens on 127.0.0.1 only and prints a URL carrying the token', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?tkn=test-token-0123456789`);
  });

  it('trades the launch token for an HttpOnly, SameSite=Strict cookie and drops it from the address', async () => {
    const res = await request(server.port, { path: `/?tkn=${server.token}` });
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/');
    expect(res.headers['set-cookie']?.[0]).toMatch(/HttpOnly/);
    expect(res.headers['set-cookie']?.[0]).toMatch(/SameSite=Strict/);
  });

  it('refuses a wrong token with 401', async () => {
    expect((await request(server.port, { path: '/?tkn=guess' })).status).toBe(401);
  });

  it('refuses pages and API calls without the cookie with 401', async () => {
    expect((await request(server.port, { path: '/' })).status).toBe(401);
    const { cookie: _drop, ...noCookie } = rpcHeaders(server.port);
    expect((await request(server.port, { method: 'POST', path: '/rpc/app.info', headers: noCookie, body: 'null' })).status).toBe(401);
  });

  it('refuses a foreign Host header with 403 (DNS rebinding)', async () => {
    const res = await request(server.port, { path: '/', headers: { host: `evil.example:${server.port}`, cookie } });
    expect(res.status).toBe(403);
    const wrongPort = await request(server.port, { path: '/', headers: { host: '127.0.0.1:1', cookie } });
    expect(wrongPort.status).toBe(403);
  });

  it('accepts localhost as well as 127.0.0.1 on its own port', async () => {
    const res = await request(server.port, { path: '/', headers: { host: `localhost:${server.port}`, cookie } });
    expect(res.status).toBe(200);
  });

  it('refuses an API call from a foreign Origin with 403', async () => {
    const headers = { ...rpcHeaders(server.port), origin: 'http://evil.example' };
    expect((await request(server.port, { method: 'POST', path: '/rpc/app.info', headers, body: 'null' })).status).toBe(403);
    const { origin: _none, ...noOrigin } = rpcHeaders(server.port);
    expect((await request(server.port, { method: 'POST', path: '/rpc/app.info', headers: noOrigin, body: 'null' })).status).toBe(403);
  });

  it('refuses an API call without the custom header with 403', async () => {
    const { 'x-workbench-rpc': _none, ...headers } = rpcHeaders(server.port);
    expect((await request(server.port, { method: 'POST', path: '/rpc/app.info', headers, body: 'null' })).status).toBe(403);
  });

  it('answers an authorised API call through the dispatcher', async () => {
    const res = await request(server.port, { method: 'POST', path: '/rpc/app.info', headers: rpcHeaders(server.port), body: 'null' });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: { mode: 'browser', version: '0.0.0-test' } });
  });

  it('answers bad JSON and oversized bodies with clear errors', async () => {
    const bad = await request(server.port, { method: 'POST', path: '/rpc/app.info', headers: rpcHeaders(server.port), body: '{nope' });
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const big = await request(server.port, { method: 'POST', path: '/rpc/app.info', headers: rpcHeaders(server.port), body: `"${'x'.repeat(4096)}"` }).catch(
      () => ({ status: 413 }) as RawResponse,
    );
    expect(big.status).toBe(413);
  });

  it.each(['/../package.json', '/assets/../../secret.txt', '/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fetc%2fpasswd', '/assets/..%5c..%5csecret.txt', '/.env'])(
    'answers path traversal %s with 404',
    async (attempt) => {
      expect((await request(server.port, { path: attempt, headers: { cookie } })).status).toBe(404);
    },
  );

  it('lists no directories', async () => {
    const res = await request(server.port, { path: '/assets/', headers: { cookie } });
    expect(res.body).not.toContain('app.js');
  });

  it('serves files and app routes with the same CSP as the desktop app', async () => {
    const asset = await request(server.port, { path: '/assets/app.js', headers: { cookie } });
    expect(asset.status).toBe(200);
    expect(asset.headers['content-security-policy']).toContain("default-src 'none'");
    const route = await request(server.port, { path: '/diary', headers: { cookie } });
    expect(route.body).toContain('<title>app</title>');
    expect(route.headers['content-security-policy']).toContain("connect-src 'self'");
  });
});
