import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../electron/server/print-to-pdf';
import { tempDir } from '../helpers/temp';

export { CHROMIUM_ARGS, CHROMIUM_PATH };

export const RESULTS_DIR = path.resolve('test-results');

export interface WebServer {
  url: string;
  origin: string;
  port: number;
  token: string;
  dataDir: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts `out/server/index.js` exactly as `npm run web` does and waits for its JSON line; `root`,
 * the folder holding `out/` (another build of the app, for a benchmark's baseline), defaults to this one.
 */
export async function startWebServer(dataDir = tempDir('workbench-e2e-'), root = '.'): Promise<WebServer> {
  const child = spawn(process.execPath, [path.join(root, 'out/server/index.js'), '--no-open', '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = readline.createInterface({ input: child.stdout! });
  const ready = await new Promise<{ url: string; port: number; token: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`browser mode did not start: ${stderr}`)), 20_000);
    child.once('exit', (code) => reject(new Error(`browser mode exited with ${code}: ${stderr}`)));
    lines.on('line', (line) => {
      try {
        const parsed = JSON.parse(line) as { url: string; port: number; token: string };
        clearTimeout(timer);
        resolve(parsed);
      } catch {
        // not the ready line
      }
    });
  });
  return {
    ...ready,
    origin: `http://127.0.0.1:${ready.port}`,
    dataDir,
    process: child,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) throw new Error(`Chromium is not installed at ${CHROMIUM_PATH} (apt-get install -y chromium).`);
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/** Every request any page of the context makes, to prove nothing leaves 127.0.0.1. */
export function recordRequests(context: BrowserContext): string[] {
  const urls: string[] = [];
  context.on('request', (request) => urls.push(request.url()));
  return urls;
}

export function foreignRequests(urls: string[]): string[] {
  return urls.filter((url) => {
    const parsed = new URL(url);
    if (parsed.protocol === 'data:' || parsed.protocol === 'blob:' || parsed.protocol === 'about:') return false;
    return parsed.hostname !== '127.0.0.1';
  });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

export interface SignedInPage {
  server: WebServer;
  browser: Browser;
  page: Page;
  /** Every request the page made, to prove nothing left 127.0.0.1. */
  requests: string[];
  pageErrors: string[];
  close(): Promise<void>;
}

/** Where the renderer keeps its session token: this tab's sessionStorage, for this origin only. */
export const SESSION_STORAGE_KEY = 'workbench.session';

/**
 * Opens the single-use launch address in `page` and waits until the page has traded it for its
 * session token, so a navigation right after cannot cut the exchange short. Works once per server.
 */
export async function signIn(page: Page, server: WebServer): Promise<void> {
  await page.goto(server.url);
  await page.waitForFunction((key) => window.sessionStorage.getItem(key) !== null, SESSION_STORAGE_KEY);
}

/**
 * Signs in every page the context opens later with the token from the ready line, as a script
 * would: for tests and benchmarks that open many fresh tabs (sessionStorage is per tab).
 */
export async function signInContext(context: BrowserContext, server: WebServer): Promise<void> {
  await context.addInitScript(
    ([origin, key, token]) => {
      if (window.location.origin === origin) window.sessionStorage.setItem(key, token);
    },
    [server.origin, SESSION_STORAGE_KEY, server.token] as const,
  );
}

/** The headers a script sends to the API: the token from the ready line as a bearer token. */
export const apiHeaders = (server: WebServer): Record<string, string> => ({ 'content-type': 'application/json', authorization: `Bearer ${server.token}` });

/**
 * Browser mode on a fresh data folder, Chromium, and a page that has already traded the launch
 * token for its session: what every journey starts from.
 */
export async function openSignedInPage(options: { acceptDownloads?: boolean } = {}): Promise<SignedInPage> {
  const server = await startWebServer();
  const browser = await launchChromium();
  const context = await browser.newContext(options);
  const requests = recordRequests(context);
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await signIn(page, server);
  return {
    server,
    browser,
    page,
    requests,
    pageErrors,
    async close() {
      await browser.close();
      await server.stop();
    },
  };
}

/** Calls the API from inside the page, as the renderer does, to set up records quickly. */
export async function rpc<T>(page: Page, method: string, input: unknown): Promise<T> {
  return page.evaluate(
    async ([name, payload, key]) => {
      const headers = { 'content-type': 'application/json', authorization: `Bearer ${window.sessionStorage.getItem(key)}` };
      const response = await fetch(`/rpc/${name}`, { method: 'POST', headers, body: JSON.stringify(payload) });
      const result = (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
      if (!result.ok) throw new Error(result.error?.message);
      return result.value;
    },
    [method, input, SESSION_STORAGE_KEY] as const,
  ) as Promise<T>;
}
