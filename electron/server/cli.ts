// `npm run web`: browser mode. Serves the built renderer and the API on 127.0.0.1 and prints one
// JSON line, {"url", "port", "token"}, when ready.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { version } from '../../package.json';
import { createCore } from '../core';
import { defaultDataDir } from '../core/paths';
import { newToken } from './guard';
import { chromiumPrinter } from './print-to-pdf';
import { startServer } from './server';

const here = path.dirname(fileURLToPath(import.meta.url));

function parseCommandLine(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      'no-open': { type: 'boolean', default: false },
    },
    strict: true,
  });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a number from 0 to 65535, not "${values.port}".`);
  return { port, dataDir: path.resolve(values['data-dir'] ?? defaultDataDir()), open: !values['no-open'] };
}

function openInBrowser(url: string): void {
  const [command, args] =
    process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : ['xdg-open', [url]];
  const child = spawn(command, args, { stdio: 'ignore', detached: true });
  child.on('error', () => console.error('Could not open a browser; open the address above yourself.'));
  child.unref();
}

async function main(): Promise<void> {
  let args: ReturnType<typeof parseCommandLine>;
  try {
    args = parseCommandLine(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    console.error('Usage: npm run web -- [--port N] [--data-dir DIR] [--no-open]');
    process.exit(2);
  }

  const printer = chromiumPrinter();
  const core = createCore({
    dataDir: args.dataDir,
    resourcesDir: path.resolve(here, '../../resources'),
    mode: 'browser',
    version,
    openExternal: async (url) => {
      openInBrowser(url);
      return true;
    },
    printToPdf: printer.printToPdf,
  });
  const server = await startServer({ core, rendererDir: path.resolve(here, '../renderer'), token: newToken(), port: args.port });
  process.stdout.write(`${JSON.stringify({ url: server.url, port: server.port, token: server.token })}\n`);
  if (args.open) openInBrowser(server.url);

  const shutdown = async () => {
    await server.close();
    await core.close();
    await printer.close();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(`Browser mode could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
