// Core's side of the port, inside the utility process: runs each invocation through core's one
// dispatcher, forwards core's push events, and asks main for what only the shell can do (open
// the system browser, print a PDF with Chromium).
import type { Core, CoreOptions } from '../core';
import type { FromCore, PortLike, ShellRequest, ToCore } from './core-protocol';

type ShellServices = Pick<CoreOptions, 'openExternal' | 'printToPdf'>;

export function serveCore(port: PortLike, create: (services: Required<ShellServices>) => Core): Core {
  const send = (message: FromCore) => port.postMessage(message);
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  const ask = (request: ShellRequest): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const id = ++nextId;
      pending.set(id, { resolve, reject });
      send({ type: 'request', id, ...request });
    });

  const core = create({
    openExternal: async (url) => (await ask({ name: 'openExternal', url })) === true,
    // Structured cloning turns the Buffer into a Uint8Array; core's renderers expect a Buffer.
    printToPdf: async (html, page) => Buffer.from((await ask({ name: 'printToPdf', html, page })) as Uint8Array),
  });
  core.events.on((event) => send({ type: 'event', event }));

  port.on('message', ({ data }) => {
    const message = data as ToCore;
    switch (message.type) {
      case 'invoke':
        void core.dispatch(message.method, message.payload).then((result) => send({ type: 'result', id: message.id, result }));
        return;
      case 'lock':
        core.lock(message.reason);
        send({ type: 'locked' });
        return;
      case 'panic':
        core.panic();
        send({ type: 'locked' });
        return;
      case 'close':
        void core.close().finally(() => send({ type: 'closed' }));
        return;
      case 'reply': {
        const waiting = pending.get(message.id);
        pending.delete(message.id);
        if (message.ok) waiting?.resolve(message.value);
        else waiting?.reject(new Error('The shell could not do that.'));
        return;
      }
    }
  });
  port.start();
  return core;
}
