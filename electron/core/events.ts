import type { EventName, EventPayload, PushEvent } from '@shared/api/events';

export type EventListener = (event: PushEvent) => void;

/** A tiny in-process bus: core emits, each transport forwards to its renderer. */
export class EventBus {
  private readonly listeners = new Set<EventListener>();

  on(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners) listener({ name, payload } as PushEvent);
  }
}
