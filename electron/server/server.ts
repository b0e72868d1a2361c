import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SECURITY_HEADERS } from '@shared/security/csp';
import type { Core } from '../core';
import { resolveStaticFile } from '../core/static-files';
import { DEFAULT_TIMEOUTS, hardenServer, MAX_CONNECTIONS, type ServerTimeouts } from './connections';
import { credential, isAcceptableOrigin, isAllowedHost } from './guard';
import { SessionKeys } from './sessions';

export interface ServerOptions {
  core: Core;
  rendererDir: string;
  /** The session token printed on the ready line, for scripts and tests. */
  token: string;
  /** 0 lets the OS choose. */
  port?: number;
  /** Largest request body accepted, in bytes. */
  maxBodyBytes?: number;
  /** How long a launch address stays usable. */
  launchTtlMs?: number;
  maxConnections?: number;
  timeouts?: ServerTimeouts;
}

export interface RunningServer {
  /** The launch address: single use, valid for about a minute. */
  url: string;
  port: number;
  token: string;
  /** A fresh single-use launch address, for opening the app once more. */
  launchUrl(): string;
  close(): Promise<void>;
}

const DEFAULT_MAX_BODY = 64 * 1024 * 1024;
// A comment line on the event stream now and then, so a tab that went away is noticed.
const HEARTBEAT_MS = 25_000;
const METHOD_NAME = /^[A-Za-z0-9._-]{1,100}$/;

/** Serves the built renderer and the API on 127.0.0.1 only. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { core, rendererDir } = options;
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const keys = new SessionKeys(options.token, { launchTtlMs: options.launchTtlMs });
  const eventStreams = new Set<http.ServerResponse>();
  let port = 0;

  const unsubscribe = core.events.on((event) => {
    const frame = `event: ${event.name}\ndata: ${JSON.stringify(event.payload)}\n\n`;
    for (const stream of eventStreams) stream.write(frame);
  });
  const heartbeat = setInterval(() => {
    for (const stream of eventStreams) stream.write(': ping\n\n');
  }, HEARTBEAT_MS).unref();

  // No request, however malformed, may end the process: every failure inside a handler becomes
  // a 500 with a plain sentence, and the parser's own refusals are answered in hardenServer.
  const server = http.createServer({ connectionsCheckingInterval: 1_000, maxHeaderSize: 16 * 1024 }, (req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) reply(res, 500, 'Something went wrong on the workbench server.');
      else res.destroy();
    });
  });
  hardenServer(server, { maxConnections: options.maxConnections ?? MAX_CONNECTIONS, timeouts: options.timeouts ?? DEFAULT_TIMEOUTS });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    res.setHeader('Cache-Control', 'no-store');

    if (!isAllowedHost(req.headers.host, port)) return reply(res, 403, 'Forbidden host.');
    // The raw path, never a parsed URL: `//host/…` would parse as another host, and URL parsing
    // quietly resolves `/%2e%2e/` segments.
    const target = req.url ?? '';
    if (!target.startsWith('/')) return reply(res, 400, 'Bad request.');
    const pathname = target.split('?')[0]!;

    if (pathname === '/auth/session') return signIn(req, res);
    if (pathname.startsWith('/rpc/') || pathname === '/events') {
      if (!isAcceptableOrigin(req.headers.origin, port)) return reply(res, 403, 'Forbidden origin.');
      if (!keys.isSession(credential(req.headers.authorization, 'Bearer'))) return unauthorised(res);
      if (pathname === '/events') return req.method === 'GET' ? openEventStream(req, res) : reply(res, 405, 'Method not allowed.');
      return handleRpc(req, res, pathname.slice('/rpc/'.length));
    }

    // The page itself holds no secret: it is the same for everyone, and signs in from script.
    if (req.method !== 'GET' && req.method !== 'HEAD') return reply(res, 405, 'Method not allowed.');
    const file = resolveStaticFile(rendererDir, pathname, req.headers['accept-encoding']);
    if (!file) return reply(res, 404, 'Not found.');
    // The build writes compressed copies; the resolver picks one the browser accepts.
    res.writeHead(200, { 'Content-Type': file.contentType, ...(file.encoding && { 'Content-Encoding': file.encoding, Vary: 'Accept-Encoding' }) });
    if (req.method === 'HEAD') return void res.end();
    const stream = fs.createReadStream(file.path);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  }

  /** `POST /auth/session` with `Authorization: Launch <token>`: the launch token, once, for a session token. */
  function signIn(req: http.IncomingMessage, res: http.ServerResponse): void {
    if (req.method !== 'POST') return reply(res, 405, 'Method not allowed.');
    if (!isAcceptableOrigin(req.headers.origin, port)) return reply(res, 403, 'Forbidden origin.');
    const session = keys.redeemLaunch(credential(req.headers.authorization, 'Launch'));
    req.resume();
    if (!session) {
      return sendJson(res, 401, {
        ok: false,
        error: { code: 'UNAUTHORISED', key: 'session.launchSpent', message: 'This address was already used or has expired. Open the newest address printed in the terminal.' },
      });
    }
    sendJson(res, 200, { ok: true, value: { token: session } });
  }

  function handleRpc(req: http.IncomingMessage, res: http.ServerResponse, rawMethod: string): void {
    if (req.method !== 'POST') return reply(res, 405, 'Method not allowed.');
    if (!String(req.headers['content-type']).startsWith('application/json')) return reply(res, 415, 'Expected JSON.');
    let method: string;
    try {
      method = decodeURIComponent(rawMethod);
    } catch {
      method = '';
    }
    if (!METHOD_NAME.test(method)) return reply(res, 404, 'No such method.');

    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBody) {
        tooLarge = true;
        // Answer, then drop the connection rather than read the rest of an oversized body.
        res.setHeader('Connection', 'close');
        reply(res, 413, 'That request is too large.');
        res.once('finish', () => req.socket.destroy());
        req.pause();
        return;
      }
      chunks.push(chunk);
    });
    req.on('error', () => undefined);
    req.on('end', () => {
      if (tooLarge) return;
      let payload: unknown;
      try {
        payload = chunks.length === 0 ? null : JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        return sendJson(res, 200, { ok: false, error: { code: 'INVALID_INPUT', key: 'session.notJson', message: 'That request was not valid JSON.' } });
      }
      core.dispatch(method, payload).then(
        (result) => sendJson(res, 200, result),
        () => sendJson(res, 200, { ok: false, error: { code: 'INTERNAL', key: 'session.internal', message: 'Something went wrong. Nothing was changed.' } }),
      );
    });
  }

  function openEventStream(req: http.IncomingMessage, res: http.ServerResponse): void {
    // A stream is meant to stay open: no idle timeout on its socket.
    req.socket.setTimeout(0);
    res.writeHead(200, { 'Content-Type': 'text/event-stream', Connection: 'keep-alive' });
    res.write(': connected\n\n');
    eventStreams.add(res);
    res.on('close', () => eventStreams.delete(res));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  port = (server.address() as AddressInfo).port;
  const launchUrl = () => `http://127.0.0.1:${port}/#launch=${keys.issueLaunch()}`;

  return {
    url: launchUrl(),
    port,
    token: options.token,
    launchUrl,
    async close() {
      unsubscribe();
      clearInterval(heartbeat);
      keys.clear();
      for (const stream of eventStreams) stream.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function reply(res: http.ServerResponse, status: number, message: string): void {
  if (res.headersSent) return void res.end();
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(message);
}

function unauthorised(res: http.ServerResponse): void {
  sendJson(res, 401, { ok: false, error: { code: 'UNAUTHORISED', key: 'session.notSignedIn', message: 'This page is not signed in. Open the address printed in the terminal.' } });
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return void res.end();
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}
