import { api } from '../../api/client';

/**
 * Every editor change goes to core at once (drafts.stage), held there in memory and written into
 * the vault when it locks, whatever locks it: the button, a shortcut, idle, suspend, panic, quit.
 * The delayed draft save (useDraft) still writes to disk while the vault stays open.
 *
 * One call in flight at a time, carrying the newest value of each editor: fast typing costs one
 * round trip per answer, not one per key. Lock and panic wait for the call in flight, briefly.
 */
const waiting = new Map<string, unknown>();
let inFlight: Promise<void> | null = null;

export function stageDraft(key: string, value: unknown): void {
  waiting.set(key, value);
  if (!inFlight) inFlight = sendWaiting();
}

async function sendWaiting(): Promise<void> {
  while (waiting.size > 0) {
    const batch = [...waiting];
    waiting.clear();
    // Locked meanwhile, or an editor that closed: the delayed save covers the rest.
    await Promise.all(batch.map(([key, content]) => api().call('drafts.stage', { key, content }).catch(() => undefined)));
  }
  inFlight = null;
}

/** Resolves when every staged change has reached core, or after `timeoutMs`, whichever is first. */
export async function flushStagedDrafts(timeoutMs: number): Promise<void> {
  if (!inFlight) return;
  await Promise.race([inFlight, new Promise((resolve) => setTimeout(resolve, timeoutMs))]);
}
