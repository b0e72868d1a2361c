// `npm run web`: browser mode. Serves the built renderer and the API on 127.0.0.1 and prints one
// JSON line, {"url", "port", "token"}, when ready. `url` is a single-use launch address; scripts
// send `token` as `Authorization: Bearer <token>`.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { version } from '../../package.json';
import { createCore } from '../core';
import { DataFolderInUse, lockDataFolder, type DataFolderLock } from '../core/data-folder-lock';
import { defaultDataDir } from '../core/paths';
import { chooseBrowser } from './browser-choice';
import { openDedicatedBrowser, type DedicatedBrowser } from './dedicated-browser';
import { newToken } from './guard';
import { readLastPort, writeLastPort } from './last-port';
import { openInBrowser } from './open-browser';
import { chromiumPrinter } from './print-to-pdf';
import { startServer, type RunningServer, type ServerOptions } from './server';

const here = path.dirname(fileURLToPath(import.meta.url));
const USAGE = 'Usage: npm run web -- [--port N] [--data-dir DIR] [--no-open] [--everyday-browser]';

function parseCommandLine(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      'no-open': { type: 'boolean', default: false },
      'everyday-browser': { type: 'boolean', default: false },
    },
    strict: true,
  });
  const port = values.port === undefined ? null : Number(values.port);
  if (port !== null && (!Number.isInteger(port) || port < 0 || port > 65535)) throw new Error(`--port must be a number from 0 to 65535, not "${values.port}".`);
  return {
    port,
    dataDir: path.resolve(values['data-dir'] ?? defaultDataDir()),
    open: !values['no-open'],
    everydayBrowser: values['everyday-browser'],
  };
}

/** The port asked for; otherwise the last run's port in this data folder if it is free; otherwise any. */
async function listen(options: ServerOptions, requested: number | null, dataDir: string): Promise<RunningServer> {
  if (requested !== null) return startServer({ ...options, port: requested });
  const last = readLastPort(dataDir);
  if (last !== null) {
    try {
      return await startServer({ ...options, port: last });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    }
  }
  return startServer({ ...options, port: 0 });
}

async function main(): Promise<void> {
  let args: ReturnType<typeof parseCommandLine>;
  try {
    args = parseCommandLine(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    console.error(USAGE);
    process.exit(2);
  }

  let lock: DataFolderLock;
  try {
    lock = lockDataFolder(args.dataDir);
  } catch (error) {
    if (!(error instanceof DataFolderInUse)) throw error;
    console.error(`${error.message} Or start this one with another --data-dir.`);
    process.exit(1);
  }
  const printer = chromiumPrinter();
  const core = createCore({
    dataDir: args.dataDir,
    resourcesDir: path.resolve(here, '../../resources'),
    mode: 'browser',
    version,
    openExternal: (url) => openInBrowser(url),
    printToPdf: printer.printToPdf,
  });
  // The print browser holds rendered record content in memory: close it whenever the vault locks.
  core.events.on((event) => {
    if (event.name === 'vault.locked') void printer.close();
  });
  const server = await listen({ core, rendererDir: path.resolve(here, '../renderer'), token: newToken() }, args.port, args.dataDir);
  writeLastPort(args.dataDir, server.port);
  process.stdout.write(`${JSON.stringify({ url: server.url, port: server.port, token: server.token })}\n`);

  let dedicated: DedicatedBrowser | null = null;
  const browser = chooseBrowser(args);
  if (browser.kind === 'dedicated') dedicated = openDedicatedBrowser(browser.executable, server.url);
  else if (browser.kind === 'no-chromium') {
    console.error(
      'No Chromium or Chrome was found to open the workbench on a throwaway profile (set CHROMIUM_PATH). Open the address above in a private window, within a minute, or start again with --everyday-browser to use your usual browser, which keeps traces of the workbench (docs/safety.md).',
    );
  } else if (browser.kind === 'everyday' && !(await openInBrowser(server.url))) {
    console.error('Could not open a browser; open the address above yourself (it works once, within a minute).');
  }

  // A launch address works once, within a minute. In a terminal, Enter prints a fresh one (for a
  // new tab, or when the first expired before it was opened).
  if (process.stdin.isTTY) {
    console.error('Press Enter for a new address to open the workbench in another tab.');
    process.stdin.on('data', () => console.error(`Open this address (once, within a minute): ${server.launchUrl()}`));
  }

  const shutdown = async () => {
    dedicated?.close();
    await server.close();
    await core.close();
    await printer.close();
    lock.release();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(`Browser mode could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
