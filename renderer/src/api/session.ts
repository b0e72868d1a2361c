// Browser mode's sign-in. The address the workbench opens carries a single-use launch token in
// its fragment (`/#launch=…`), which browsers never send to any server. This module takes it out
// of the address bar at once, trades it for a session token, and keeps that in this tab's
// sessionStorage: scoped to this origin (scheme, host and port), so no other local port can read
// it, and never sent anywhere unless our own code adds it to a request. No cookie is used.
import { useSyncExternalStore } from 'react';

export const SESSION_STORAGE_KEY = 'workbench.session';
const LAUNCH_FRAGMENT = /^#launch=([A-Za-z0-9_-]{16,128})$/;

/**
 * 'pending' until known, and in the desktop app (which has no sign-in).
 * 'not-signed-in': this tab never signed in (opened by hand, or a copied address).
 * 'launch-refused': the launch address was already used or has expired.
 * 'ended': the server no longer knows this tab's session: it was restarted or stopped.
 */
export type SessionState = 'pending' | 'signed-in' | 'not-signed-in' | 'launch-refused' | 'ended';

let state: SessionState = 'pending';
const listeners = new Set<() => void>();
const setState = (next: SessionState) => {
  if (state === next) return;
  state = next;
  for (const listener of listeners) listener();
};

function takeLaunchToken(): string | null {
  const match = LAUNCH_FRAGMENT.exec(window.location.hash);
  if (!match) return null;
  // Out of the address bar (and this history entry) before anything else runs.
  window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
  return match[1]!;
}

async function redeem(launch: string): Promise<string | null> {
  try {
    const response = await fetch('/auth/session', { method: 'POST', cache: 'no-store', credentials: 'omit', headers: { authorization: `Launch ${launch}` } });
    if (!response.ok) return null;
    const body = (await response.json()) as { ok: boolean; value?: { token?: unknown } };
    return typeof body.value?.token === 'string' ? body.value.token : null;
  } catch {
    return null;
  }
}

/** The session token once sign-in has finished with one. */
let known: string | null = null;

async function signIn(): Promise<string | null> {
  const launch = takeLaunchToken();
  if (launch) {
    const token = await redeem(launch);
    if (token) {
      window.sessionStorage.setItem(SESSION_STORAGE_KEY, token);
      known = token;
      setState('signed-in');
      return token;
    }
  }
  const stored = window.sessionStorage.getItem(SESSION_STORAGE_KEY);
  if (stored) {
    // Assumed good until the server says otherwise (then 'ended').
    known = stored;
    setState('signed-in');
    return stored;
  }
  setState(launch ? 'launch-refused' : 'not-signed-in');
  return null;
}

let ready: Promise<string | null> | null = null;

/** The session token for API calls, once sign-in has finished; null if this tab has none. */
export function sessionToken(): Promise<string | null> {
  if (!ready) {
    ready = signIn();
    // A new launch address pasted into this tab changes only the fragment: load it properly.
    window.addEventListener('hashchange', () => {
      if (LAUNCH_FRAGMENT.test(window.location.hash)) window.location.reload();
    });
  }
  return ready;
}

/**
 * The session token if sign-in has already finished with one, else null (then await
 * sessionToken()). A tab that kept its session knows it as soon as sessionToken() is first called,
 * so a call made then leaves at once rather than a turn of the event loop later, after the rest of
 * the app's code has run.
 */
export const signedInToken = (): string | null => known;

/** The server answered a call with 401: it no longer knows this tab's token. */
export function sessionRefused(): void {
  setState('ended');
}

/** A call went through with the token: the tab is signed in. */
export function sessionAccepted(): void {
  if (state === 'pending') setState('signed-in');
}

export function useSessionState(): SessionState {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => state,
  );
}
