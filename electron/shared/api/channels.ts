// Names the preload and the shell agree on. Kept free of imports so the sandboxed preload stays tiny.
export const IPC_RPC_CHANNEL = 'workbench:rpc';
export const IPC_EVENT_CHANNEL = 'workbench:event';

/** Push events the preload forwards; anything else sent on the event channel is dropped. */
export const EVENT_NAMES = ['vault.locked', 'vault.unlocked', 'vault.status', 'app.panic', 'preferences.changed', 'integrity.progress', 'exchange.progress', 'export.progress'] as const;
export const isKnownEventName = (name: unknown): name is (typeof EVENT_NAMES)[number] =>
  typeof name === 'string' && (EVENT_NAMES as readonly string[]).includes(name);
