// Keeps browser mode answering when something floods it with connections. Node's own
// `maxConnections` refuses new sockets once the limit is reached, so a few thousand idle sockets
// (opened by any local program, or by a web page) would lock out the real page. Here the limit
// evicts instead: a new connection pushes out the oldest one that is not serving a request, so
// an idle or slowly-trickling socket can never keep a real call out. Timeouts on the server
// (see `hardenServer`) close what the limit does not reach.
import type http from 'node:http';
import type { Socket } from 'node:net';

export const MAX_CONNECTIONS = 256;

export interface ServerTimeouts {
  /** Time allowed to receive a request's headers from the moment the socket opens. */
  headersMs: number;
  /** Time allowed to receive a whole request. */
  requestMs: number;
  /** Time an idle kept-alive connection stays open between requests. */
  keepAliveMs: number;
}

export const DEFAULT_TIMEOUTS: ServerTimeouts = { headersMs: 10_000, requestMs: 120_000, keepAliveMs: 5_000 };

export function hardenServer(server: http.Server, options: { maxConnections?: number; timeouts?: ServerTimeouts } = {}): void {
  const max = options.maxConnections ?? MAX_CONNECTIONS;
  const timeouts = options.timeouts ?? DEFAULT_TIMEOUTS;
  server.headersTimeout = timeouts.headersMs;
  server.requestTimeout = timeouts.requestMs;
  server.keepAliveTimeout = timeouts.keepAliveMs;

  // Insertion order is age order: the first idle socket found is the oldest.
  const sockets = new Map<Socket, { busy: number }>();
  server.on('connection', (socket: Socket) => {
    if (sockets.size >= max) {
      let evicted = false;
      for (const [candidate, state] of sockets) {
        if (state.busy === 0) {
          candidate.destroy();
          sockets.delete(candidate);
          evicted = true;
          break;
        }
      }
      if (!evicted) {
        socket.destroy();
        return;
      }
    }
    sockets.set(socket, { busy: 0 });
    socket.once('close', () => sockets.delete(socket));
  });
  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    const state = sockets.get(req.socket);
    if (!state) return;
    state.busy++;
    res.once('close', () => state.busy--);
  });

  // A request the parser refuses (bad syntax, huge headers, a timeout) gets a plain answer and
  // its socket closed; it never reaches the handler and never throws.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable || socket.destroyed) return void socket.destroy();
    const status =
      error.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : '400 Bad Request';
    // Closed outright, not half-closed: a client that never reads must not keep the socket.
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`, () => socket.destroy());
  });
}
