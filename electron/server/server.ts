import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SECURITY_HEADERS } from '@shared/security/csp';
import type { Core } from '../core';
import {
  RPC_HEADER,
  SESSION_COOKIE,
  isAllowedHost,
  isSameOrigin,
  readCookie,
  sessionCookie,
  tokensMatch,
} from './guard';
import { resolveStaticFile } from '../core/static-files';

export interface ServerOptions {
  core: Core;
  rendererDir: string;
  token: string;
  /** 0 lets the OS choose. */
  port?: number;
  /** Largest request body accepted, in bytes. */
  maxBodyBytes?: number;
}

export interface RunningServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const DEFAULT_MAX_BODY = 64 * 1024 * 1024;

/** Serves the built renderer and the API on 127.0.0.1 only. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { core, rendererDir, token } = options;
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const eventStreams = new Set<http.ServerResponse>();
  let port = 0;

  const unsubscribe = core.events.on((event) => {
    const frame = `event: ${event.name}\ndata: ${JSON.stringify(event.payload)}\n\n`;
    for (const stream of eventStreams) stream.write(frame);
  });

  const server = http.createServer((req, res) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    res.setHeader('Cache-Control', 'no-store');

    if (!isAllowedHost(req.headers.host, port)) return reply(res, 403, 'Forbidden host.');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);

    // The launch URL carries the token once; trade it for a cookie and drop it from the address bar.
    const offered = url.searchParams.get('tkn');
    if (req.method === 'GET' && offered !== null) {
      if (!tokensMatch(offered, token)) return reply(res, 401, 'This link is not valid. Use the address printed at start-up.');
      res.setHeader('Set-Cookie', sessionCookie(token));
      res.writeHead(302, { Location: url.pathname });
      return res.end();
    }
    if (!tokensMatch(readCookie(req.headers.cookie, SESSION_COOKIE), token)) {
      return reply(res, 401, 'Not signed in. Open the address printed at start-up.');
    }

    if (url.pathname.startsWith('/rpc/')) return handleRpc(req, res, url);
    if (url.pathname === '/events' && req.method === 'GET') return openEventStream(res);
    if (req.method !== 'GET' && req.method !== 'HEAD') return reply(res, 405, 'Method not allowed.');

    // The raw path, not url.pathname: URL parsing would quietly resolve /%2e%2e/ segments.
    const file = resolveStaticFile(rendererDir, (req.url ?? '/').split('?')[0]!);
    if (!file) return reply(res, 404, 'Not found.');
    res.writeHead(200, { 'Content-Type': file.contentType });
    if (req.method === 'HEAD') return res.end();
    fs.createReadStream(file.path).pipe(res);
  });

  function handleRpc(req: http.IncomingMessage, res: http.ServerResponse, url: URL): void {
    if (req.method !== 'POST') return reply(res, 405, 'Method not allowed.');
    if (!isSameOrigin(req.headers.origin, port)) return reply(res, 403, 'Forbidden origin.');
    if (req.headers[RPC_HEADER] !== '1') return reply(res, 403, 'Missing API header.');
    if (!String(req.headers['content-type']).startsWith('application/json')) return reply(res, 415, 'Expected JSON.');

    const method = decodeURIComponent(url.pathname.slice('/rpc/'.length));
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBody) {
        tooLarge = true;
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('close', () => {
      if (tooLarge && !res.headersSent) reply(res, 413, 'That request is too large.');
    });
    req.on('end', async () => {
      if (tooLarge) return;
      let payload: unknown;
      try {
        payload = chunks.length === 0 ? null : JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        return sendJson(res, { ok: false, error: { code: 'INVALID_INPUT', message: 'That request was not valid JSON.' } });
      }
      sendJson(res, await core.dispatch(method, payload));
    });
  }

  function openEventStream(res: http.ServerResponse): void {
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

  return {
    url: `http://127.0.0.1:${port}/?tkn=${token}`,
    port,
    token,
    async close() {
      unsubscribe();
      for (const stream of eventStreams) stream.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function reply(res: http.ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(message);
}

function sendJson(res: http.ServerResponse, body: unknown): void {
  res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}
