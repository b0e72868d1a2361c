// Core in its own utility process. Electron cannot run here, so 'electron' is a fake whose
// utilityProcess.fork starts core in this process behind a message port that clones every
// message, as Electron's does, or (for a core busy with heavy work) a process that never answers.
// The tests drive the real host, the real core service and, once, the real entry file.
import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Core } from '../../../electron/core';
import { createCore } from '../../../electron/core';
import type { PdfPage } from '../../../electron/core/exports/pdf';
import type { CoreInit, PortLike } from '../../../electron/main/core-protocol';
import { serveCore } from '../../../electron/main/core-service';
import { tempDir } from '../../helpers/temp';

type Listener = (event: { data: unknown }) => void;

/** One end of a MessageChannelMain: delivers a structured clone, later, once started. */
class FakePort implements PortLike {
  other!: FakePort;
  private listeners: Listener[] = [];
  private queue: unknown[] = [];
  private started = false;
  closed = false;
  postMessage(message: unknown): void {
    if (this.closed) return;
    const copy = structuredClone(message);
    setImmediate(() => this.other.deliver(copy));
  }
  on(_event: 'message', listener: Listener) {
    this.listeners.push(listener);
    return this;
  }
  start(): void {
    this.started = true;
    for (const message of this.queue.splice(0)) this.deliver(message);
  }
  close(): void {
    this.closed = true;
  }
  private deliver(message: unknown): void {
    if (this.closed) return;
    if (!this.started) this.queue.push(message);
    else for (const listener of this.listeners) listener({ data: message });
  }
}

class FakeChild extends EventEmitter {
  killed = false;
  init: CoreInit | undefined;
  core: Core | undefined;
  services: Pick<Parameters<Parameters<typeof serveCore>[1]>[0], 'openExternal' | 'printToPdf'> | undefined;
  constructor(private readonly behaviour: 'serve' | 'busy') {
    super();
  }
  postMessage(init: CoreInit, ports: FakePort[]): void {
    this.init = init;
    // A busy core holds its thread: it reads nothing from the port until its work is done.
    if (this.behaviour === 'busy') return;
    this.core = serveCore(ports[0]!, (services) => {
      this.services = services;
      return createCore({ ...init, ...services });
    });
  }
  kill(): boolean {
    this.killed = true;
    void this.core?.close();
    this.emit('exit', 137);
    return true;
  }
}

const fake = vi.hoisted(() => ({ behaviour: 'serve' as 'serve' | 'busy', children: [] as unknown[] }));

vi.mock('electron', () => ({
  utilityProcess: {
    fork: vi.fn((entry: string) => {
      expect(entry).toMatch(/core-process\.js$/);
      const child = new FakeChild(fake.behaviour);
      fake.children.push(child);
      return child;
    }),
  },
  MessageChannelMain: class {
    port1 = new FakePort();
    port2 = new FakePort();
    constructor() {
      this.port1.other = this.port2;
      this.port2.other = this.port1;
    }
  },
}));

const children = () => fake.children as FakeChild[];
const until = async (check: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

async function host(options: { lockDeadlineMs?: number } = {}) {
  const { startCoreHost } = await import('../../../electron/main/core-host');
  const printed: string[] = [];
  const connection = startCoreHost({
    entry: '/app/out/main/core-process.js',
    init: { dataDir: tempDir('core-process-'), resourcesDir: 'resources', mode: 'desktop', version: '0.0.0-test' },
    openExternal: async (url) => url.startsWith('https://'),
    printToPdf: async (html) => {
      printed.push(html);
      return Buffer.from('%PDF-1.7 fake');
    },
    ...options,
  });
  return { connection, printed };
}

const PAGE: PdfPage = { headerTemplate: '<span></span>', footerTemplate: '<span></span>', margins: { top: '1mm', bottom: '1mm', left: '1mm', right: '1mm' } };

afterEach(() => {
  fake.behaviour = 'serve';
  fake.children.length = 0;
});

describe('core in a utility process', () => {
  it('answers the window’s invocations over the port and relays core’s events', async () => {
    const { connection } = await host();
    const events: string[] = [];
    connection.events.on((event) => events.push(event.name));
    expect(await connection.dispatch('preferences.get', null)).toMatchObject({ ok: true, value: { panicHidesWindow: true } });
    expect(await connection.dispatch('preferences.set', { panicHidesWindow: false })).toMatchObject({ ok: true });
    await until(() => events.includes('preferences.changed'));
    // Main reads the preferences itself, so the panic shortcut never waits for core.
    expect(connection.preferences().panicHidesWindow).toBe(false);
    expect(await connection.dispatch('no.such.method', null)).toMatchObject({ ok: false, error: { code: expect.any(String) } });
    await connection.close();
    expect(children()[0]!.killed).toBe(true);
  });

  it('asks main for what only the shell can do: printing a PDF, opening a web address', async () => {
    const { connection, printed } = await host();
    await until(() => children()[0]!.services !== undefined);
    const services = children()[0]!.services!;
    const pdf = await services.printToPdf!('<p>export</p>', PAGE);
    expect(Buffer.isBuffer(pdf)).toBe(true);
    expect(pdf.toString()).toBe('%PDF-1.7 fake');
    expect(printed).toEqual(['<p>export</p>']);
    expect(await services.openExternal('https://www.ohchr.org/')).toBe(true);
    expect(await services.openExternal('file:///etc/passwd')).toBe(false);
    await connection.close();
  });

  it('locks through core and keeps the same process when core confirms in time', async () => {
    const { connection } = await host({ lockDeadlineMs: 1000 });
    const events: unknown[] = [];
    connection.events.on((event) => events.push(event));
    connection.lock('user');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(children()).toHaveLength(1);
    expect(children()[0]!.killed).toBe(false);
    await connection.close();
  });

  it('ends a core that does not confirm a lock, fails what it was running, and starts a locked one', async () => {
    fake.behaviour = 'busy';
    const { connection } = await host({ lockDeadlineMs: 100 });
    const events: unknown[] = [];
    connection.events.on((event) => events.push(event));
    const running = connection.dispatch('exchange.bundle.import', {});
    fake.behaviour = 'serve';
    const started = Date.now();
    connection.lock('user');
    expect(await running).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', message: expect.stringMatching(/locked/) } });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(children()[0]!.killed).toBe(true);
    expect(events).toEqual([{ name: 'vault.locked', payload: { reason: 'user' } }]);
    // The new process serves the next call.
    expect(children()).toHaveLength(2);
    expect(await connection.dispatch('preferences.get', null)).toMatchObject({ ok: true });
    await connection.close();
  });

  it('tells the window the vault is locked when core’s process stops on its own, and starts a new one for the next call', async () => {
    const { connection } = await host();
    const events: unknown[] = [];
    connection.events.on((event) => events.push(event));
    children()[0]!.emit('exit', 1);
    expect(events).toEqual([{ name: 'vault.locked', payload: { reason: 'shutdown' } }]);
    expect(await connection.dispatch('preferences.get', null)).toMatchObject({ ok: true });
    expect(children()).toHaveLength(2);
    await connection.close();
  });
});

describe('the panic shortcut in main', () => {
  it('blanks and hides the window at once while core is busy, then has core’s process ended', async () => {
    fake.behaviour = 'busy';
    const { connection } = await host({ lockDeadlineMs: 100 });
    const { watchPanic } = await import('../../../electron/main/panic');
    const shortcuts = { handlers: new Map<string, () => void>(), register(accelerator: string, fn: () => void) { this.handlers.set(accelerator, fn); return true; }, unregister: vi.fn() };
    const win = { hidden: false, sent: [] as unknown[][], isDestroyed: () => false, hide() { win.hidden = true; }, webContents: { send: (...args: unknown[]) => win.sent.push(args) } };
    watchPanic(connection, shortcuts as never, () => win as never);
    const [accelerator, press] = [...shortcuts.handlers][0]!;
    expect(accelerator).toBe(connection.preferences().panicShortcut);

    fake.behaviour = 'serve'; // the process started after the forced lock
    press();
    // Synchronously, before core could have answered anything.
    expect(win.sent).toEqual([['workbench:event', 'app.panic', {}]]);
    expect(win.hidden).toBe(true);
    await until(() => children()[0]!.killed);
    expect(children()).toHaveLength(2);
    await connection.close();
  });
});

describe('the utility-process entry', () => {
  it('serves core on the port main sends with its options', async () => {
    const parent = new EventEmitter();
    (process as unknown as { parentPort: EventEmitter }).parentPort = parent;
    await import('../../../electron/main/core-process');
    const channel = new (await import('electron')).MessageChannelMain() as unknown as { port1: FakePort; port2: FakePort };
    const answers: unknown[] = [];
    channel.port2.on('message', ({ data }) => answers.push(data));
    channel.port2.start();
    parent.emit('message', { data: { dataDir: tempDir('core-entry-'), resourcesDir: 'resources', mode: 'desktop', version: '0.0.0-test' }, ports: [channel.port1] });
    channel.port2.postMessage({ type: 'invoke', id: 1, method: 'preferences.get', payload: null });
    await until(() => answers.length > 0);
    expect(answers[0]).toMatchObject({ type: 'result', id: 1, result: { ok: true } });
    channel.port2.postMessage({ type: 'close' });
    await until(() => answers.some((a) => (a as { type: string }).type === 'closed'));
    delete (process as unknown as { parentPort?: EventEmitter }).parentPort;
  });

  it('is built by electron-vite next to the shell, under the name the host starts', async () => {
    const config = (await import('../../../electron.vite.config')).default as { main: { build: { rollupOptions: { input: Record<string, string> } } } };
    expect(config.main.build.rollupOptions.input['core-process']).toMatch(/electron\/main\/core-process\.ts$/);
    const index = (await import('node:fs')).readFileSync('electron/main/index.ts', 'utf8');
    expect(index).toContain("path.join(here, 'core-process.js')");
  });
});
