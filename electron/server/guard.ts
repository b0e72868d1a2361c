// Request checks for browser mode, kept pure so each rejection is unit-tested. No cookie is ever
// set: cookies are not bound to a port, so any other listener on 127.0.0.1 the browser visits
// would receive them. Every API call instead carries `Authorization: Bearer <token>`, a header
// the browser only sends when our own page's script adds it. An exact Host allowlist stops DNS
// rebinding, and a browser's Origin, when present, must be ours.
import crypto from 'node:crypto';

export const newToken = (): string => crypto.randomBytes(32).toString('base64url');

export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

export function isAllowedHost(host: string | undefined, port: number): boolean {
  return host !== undefined && allowedHosts(port).includes(host.toLowerCase());
}

/**
 * Browsers send Origin on every POST and on cross-origin requests; a foreign one is refused.
 * Scripts and tests send none, and need none: the bearer token is not ambient, so a page on
 * another origin cannot borrow it the way it could borrow a cookie.
 */
export function isAcceptableOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  return allowedHosts(port).some((host) => origin === `http://${host}`);
}

/** The credential of an `Authorization: <scheme> <credential>` header, or null. */
export function credential(header: string | undefined, scheme: 'Bearer' | 'Launch'): string | null {
  if (!header) return null;
  const match = /^(\S+) +(\S+)$/.exec(header.trim());
  if (!match || match[1]!.toLowerCase() !== scheme.toLowerCase()) return null;
  return match[2]!;
}
