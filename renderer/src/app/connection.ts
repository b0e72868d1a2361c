// Whether core is answering. The desktop app reaches core over IPC inside the same program, so it
// always is; browser mode reaches it over HTTP, and the server can be stopped (Ctrl+C, a crash, a
// shutdown) while this tab stays open. Then every page must say so at once instead of pretending
// that typing and saving still work.
import { useSyncExternalStore } from 'react';
import { api, ApiError } from '../api/client';

export type Connection = 'answering' | 'unreachable';

/** How often browser mode asks the server whether it is still there: cheap, local, authenticated. */
export const CONNECTION_POLL_MS = 3_000;

let connection: Connection = 'answering';
const listeners = new Set<() => void>();

function setConnection(next: Connection): void {
  if (connection === next) return;
  connection = next;
  for (const listener of listeners) listener();
}

/** One authenticated round trip; only "the server did not answer" counts as unreachable. */
export async function checkConnection(): Promise<Connection> {
  try {
    await api().call('app.info', null);
    setConnection('answering');
  } catch (caught) {
    // UNAUTHORISED ends the session (its own page); any other error means the server answered.
    setConnection(caught instanceof ApiError && caught.code === 'UNAVAILABLE' ? 'unreachable' : 'answering');
  }
  return connection;
}

let watching = false;
/** Starts the poll once per page, in browser mode only; also checks when the tab comes back. */
function watchConnection(): void {
  if (watching || window.workbench) return;
  watching = true;
  window.setInterval(() => void checkConnection(), CONNECTION_POLL_MS);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void checkConnection();
  });
  window.addEventListener('focus', () => void checkConnection());
}

export function useConnection(): Connection {
  return useSyncExternalStore(
    (listener) => {
      watchConnection();
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => connection,
  );
}
