// Request checks for browser mode, kept pure so each rejection is unit-tested. They follow VS Code's
// serve-web: a per-launch token exchanged for a cookie, an exact Host allowlist against DNS
// rebinding, a custom header that forces a CORS preflight, and a same-origin check on POST.
import crypto from 'node:crypto';

export const SESSION_COOKIE = 'workbench_session';
export const RPC_HEADER = 'x-workbench-rpc';

export const newToken = (): string => crypto.randomBytes(32).toString('base64url');

export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

export function isAllowedHost(host: string | undefined, port: number): boolean {
  return host !== undefined && allowedHosts(port).includes(host.toLowerCase());
}

/** Browsers send Origin on every POST; a missing or foreign one is refused. */
export function isSameOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return false;
  return allowedHosts(port).some((host) => origin === `http://${host}`);
}

export function tokensMatch(given: string | undefined | null, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

export function sessionCookie(token: string): string {
  return `${SESSION_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`;
}
