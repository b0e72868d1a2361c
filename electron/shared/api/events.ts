// Push events from core to the renderer (webContents.send in Electron, Server-Sent Events in
// browser mode). Payloads are small and never carry record content.
import { z } from 'zod';

export const events = {
  'vault.locked': z.object({ reason: z.enum(['user', 'idle', 'suspend', 'panic', 'shutdown']) }),
  'vault.unlocked': z.object({}),
  /** The open vault's status changed without a lock: background check progress, a failed backup. */
  'vault.status': z.object({}),
  /** Every window hides what it shows at once, whether or not a vault was open. */
  'app.panic': z.object({}),
  'preferences.changed': z.object({}),
  /** How far "Verify integrity" has come: revisions walked, then live records compared. */
  'integrity.progress': z.object({ phase: z.enum(['chain', 'records']), done: z.number(), total: z.number() }),
  /** How far a backup, a restore, or making or importing a partner bundle has come: the step now running, and steps done of all. */
  'exchange.progress': z.object({
    operation: z.enum(['backup', 'restore', 'bundle', 'import']),
    step: z.enum(['decrypt', 'read', 'encrypt', 'check', 'write', 'index', 'finished']),
    done: z.number(),
    total: z.number(),
  }),
  /** How far making a PDF or Word file has come: the step now running, and steps done of all. */
  'export.progress': z.object({
    format: z.enum(['pdf', 'docx']),
    step: z.enum(['check', 'layout', 'print', 'finished']),
    done: z.number(),
    total: z.number(),
  }),
} as const;

export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;
export interface PushEvent<E extends EventName = EventName> {
  name: E;
  payload: EventPayload<E>;
}

export const isEventName = (name: unknown): name is EventName =>
  typeof name === 'string' && Object.hasOwn(events, name);

export { EVENT_NAMES, IPC_EVENT_CHANNEL, IPC_RPC_CHANNEL } from './channels';
