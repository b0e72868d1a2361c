// The secrets of one browser-mode launch.
//
// - Session tokens authorise API calls. One is printed on the ready line for scripts and tests;
//   each page that signs in gets its own, kept in that tab's sessionStorage.
// - A launch token travels in the fragment of the address the browser is opened with. That
//   address ends up in process lists (`xdg-open …`) and browser history, so the token inside is
//   good for one exchange only, within a minute; reading it later gives nothing.
//
// Tokens are kept as SHA-256 digests and looked up by digest: a lookup costs the same whatever
// the guess, and the process holds no usable copy of a token it has handed out.
import crypto from 'node:crypto';
import { newToken } from './guard';

export const LAUNCH_TTL_MS = 60_000;

const digest = (token: string): string => crypto.createHash('sha256').update(token).digest('base64url');

export class SessionKeys {
  private readonly sessions = new Set<string>();
  private readonly launches = new Map<string, number>();

  constructor(
    scriptToken: string,
    private readonly options: { launchTtlMs?: number; now?: () => number } = {},
  ) {
    this.sessions.add(digest(scriptToken));
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  /** A new single-use launch token, valid for about a minute. */
  issueLaunch(): string {
    const token = newToken();
    this.launches.set(digest(token), this.now() + (this.options.launchTtlMs ?? LAUNCH_TTL_MS));
    return token;
  }

  /** Trades a launch token for a new session token, once; null if unknown, used or expired. */
  redeemLaunch(token: string | null): string | null {
    if (!token) return null;
    const key = digest(token);
    const expires = this.launches.get(key);
    this.launches.delete(key);
    for (const [other, time] of this.launches) if (time <= this.now()) this.launches.delete(other);
    if (expires === undefined || expires <= this.now()) return null;
    const session = newToken();
    this.sessions.add(digest(session));
    return session;
  }

  isSession(token: string | null): boolean {
    return token !== null && this.sessions.has(digest(token));
  }

  /** Forgets every token, so nothing left in memory opens the API after shutdown. */
  clear(): void {
    this.sessions.clear();
    this.launches.clear();
  }
}
