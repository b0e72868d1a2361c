// Main's side of core: core runs in an Electron utility process, and this host forwards the
// renderer's invocations to it over a MessagePort, relays its push events, and does for it what
// only the shell can (open the system browser, print a PDF). Main's own event loop stays free for
// the panic shortcut and the lock, whatever core is busy with.
import { MessageChannelMain, utilityProcess, type UtilityProcess } from 'electron';
import type { EventName, EventPayload } from '@shared/api/events';
import type { Preferences } from '@shared/api/preferences';
import { fail, type RpcResult } from '@shared/api/result';
import type { LockReason } from '../core';
import { EventBus } from '../core/events';
import type { PrintToPdf } from '../core/exports/pdf';
import { readPreferences } from '../core/preferences';
import type { Dispatch } from '../core/rpc/dispatch';
import type { CoreInit, FromCore, PortLike, ShellRequest, ToCore } from './core-protocol';

/** What the shell uses of core, whether core runs in this process or in the utility process. */
export interface CoreConnection {
  dispatch: Dispatch;
  events: Pick<EventBus, 'on'>;
  lock(reason: LockReason): void;
  panic(): void;
  preferences(): Preferences;
  close(): Promise<void>;
}

export interface CoreHostOptions {
  /** The built utility-process entry (out/main/core-process.js). */
  entry: string;
  init: CoreInit;
  openExternal(url: string): Promise<boolean>;
  printToPdf: PrintToPdf;
  /**
   * How long a lock or panic may wait for core to confirm. Past it, main ends core's process: the
   * vault key lives only there, so it goes with it, and WAL keeps every committed write. A fresh
   * process starts locked.
   */
  lockDeadlineMs?: number;
  /** How long quitting waits for core to close the vault (and finish a backup). */
  closeDeadlineMs?: number;
}

const STOPPED = 'The vault was locked while this was running. Unlock it and try again; nothing else was changed.';

export function startCoreHost(options: CoreHostOptions): CoreConnection {
  const events = new EventBus();
  const lockDeadlineMs = options.lockDeadlineMs ?? 2000;
  const results = new Map<number, (result: RpcResult<unknown>) => void>();
  let nextId = 0;
  let child: UtilityProcess | undefined;
  let port: PortLike | undefined;
  let lockTimer: ReturnType<typeof setTimeout> | undefined;
  let onClosed: (() => void) | undefined;

  const send = (message: ToCore) => port?.postMessage(message);
  const emit = <E extends EventName>(name: E, payload: EventPayload<E>) => events.emit(name, payload);

  function start(): void {
    const current = utilityProcess.fork(options.entry, [], { serviceName: 'Advocacy Workbench data', stdio: 'inherit' });
    const { port1, port2 } = new MessageChannelMain();
    current.postMessage(options.init, [port1]);
    current.once('exit', () => {
      if (child !== current) return;
      // Core stopped on its own (a crash): the key went with it, so the window must show locked.
      child = undefined;
      port = undefined;
      failPending();
      emit('vault.locked', { reason: 'shutdown' });
    });
    port2.on('message', ({ data }) => onMessage(data as FromCore));
    port2.start();
    child = current;
    port = port2;
  }

  function failPending(): void {
    for (const resolve of results.values()) resolve(fail('UNAVAILABLE', STOPPED, { key: 'app.lockedWhileRunning' }));
    results.clear();
  }

  function onMessage(message: FromCore): void {
    switch (message.type) {
      case 'result':
        results.get(message.id)?.(message.result);
        results.delete(message.id);
        return;
      case 'event':
        events.emit(message.event.name, message.event.payload);
        return;
      case 'locked':
        clearTimeout(lockTimer);
        lockTimer = undefined;
        return;
      case 'closed':
        onClosed?.();
        return;
      case 'request':
        void serveShell(message).then(
          (value) => send({ type: 'reply', id: message.id, ok: true, value }),
          () => send({ type: 'reply', id: message.id, ok: false }),
        );
        return;
    }
  }

  async function serveShell(request: ShellRequest): Promise<unknown> {
    if (request.name === 'openExternal') return options.openExternal(request.url);
    return options.printToPdf(request.html, request.page);
  }

  /** Core did not confirm the lock in time: end its process, and with it the key. */
  function forceLock(reason: LockReason): void {
    lockTimer = undefined;
    const stuck = child;
    child = undefined;
    port = undefined;
    stuck?.kill();
    failPending();
    start();
    emit('vault.locked', { reason });
  }

  function requestLock(message: ToCore & { type: 'lock' | 'panic' }, reason: LockReason): void {
    if (!child) start();
    send(message);
    lockTimer ??= setTimeout(() => forceLock(reason), lockDeadlineMs);
  }

  start();
  return {
    dispatch(method, payload) {
      if (!child) start();
      const id = ++nextId;
      return new Promise((resolve) => {
        results.set(id, resolve);
        send({ type: 'invoke', id, method, payload });
      });
    },
    events,
    lock: (reason) => requestLock({ type: 'lock', reason }, reason),
    panic: () => requestLock({ type: 'panic' }, 'panic'),
    preferences: () => readPreferences(options.init.dataDir),
    async close() {
      clearTimeout(lockTimer);
      const closing = child;
      if (!closing) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, options.closeDeadlineMs ?? 30_000);
        onClosed = () => {
          clearTimeout(timer);
          resolve();
        };
        send({ type: 'close' });
      });
      child = undefined;
      closing.kill();
    },
  };
}
