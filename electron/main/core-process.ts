// Entry of the utility process that runs core (built to out/main/core-process.js). Main sends the
// options and a MessagePort on the parent port once; everything after goes over that port.
import { createCore } from '../core';
import type { CoreInit, PortLike } from './core-protocol';
import { serveCore } from './core-service';

process.parentPort.once('message', (event) => {
  const [port] = event.ports;
  if (!port) return;
  serveCore(port as PortLike, (services) => createCore({ ...(event.data as CoreInit), ...services }));
});
