// What the first screen costs in browser mode: a compressed, neutral page that paints before any
// script, and a locked Home that loads neither the Markdown renderer nor the due dashboard.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Request, type Response } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../electron/server/print-to-pdf';
import { tempDir } from '../helpers/temp';
import { openSignedInPage, rpc, signIn, signInContext, startWebServer, type SignedInPage } from './harness';
import { E2E_PASSPHRASE } from './vault-ui';

/** Strings that survive minification in marked and DOMPurify. */
const MARKED = 'marked(): input parameter is undefined or null';
const DOMPURIFY = 'DOMPurify';
/** The catalogues the header, the navigation and Home use: the only ones the entry chunk carries. */
const FRAME_AND_HOME = ['common', 'home', 'kb', 'safety', 'vault'];

function flatten(value: unknown, prefix = ''): Record<string, string> {
  if (typeof value === 'string') return { [prefix]: value };
  return Object.assign({}, ...Object.entries(value as Record<string, unknown>).map(([key, inner]) => flatten(inner, `${prefix}${key}.`)));
}

describe('start-up in browser mode', () => {
  let app: SignedInPage;
  beforeAll(async () => {
    app = await openSignedInPage();
  });
  afterAll(async () => {
    await app?.close();
  });

  /** Loads Home afresh and returns every script the page fetched, with its text. */
  async function loadHome(): Promise<Array<{ url: string; text: string; encoding: string | undefined }>> {
    // Only what the new page asks for: a script the page before asked for can still answer after
    // the navigation starts, and its body is gone by then.
    const asked = new Set<Request>();
    let navigated = false;
    const onRequest = (request: Request) => {
      if (request.isNavigationRequest()) navigated = true;
      else if (navigated) asked.add(request);
    };
    const scripts: Array<Promise<{ url: string; text: string; encoding: string | undefined }>> = [];
    const onResponse = (response: Response) => {
      if (!asked.has(response.request()) || !response.url().endsWith('.js')) return;
      scripts.push(Promise.all([response.text(), response.allHeaders()]).then(([text, headers]) => ({ url: response.url(), text, encoding: headers['content-encoding'] })));
    };
    app.page.on('request', onRequest);
    app.page.on('response', onResponse);
    const vaultStatus = app.page.waitForResponse((r) => r.url().endsWith('/rpc/vault.status'));
    await app.page.goto(`${app.server.origin}/`);
    await app.page.getByRole('heading', { level: 1, name: 'Welcome' }).waitFor();
    await app.page.getByRole('heading', { name: 'Get started' }).waitFor();
    // Home decides on the dashboard when the vault status arrives; give a chunk it asks for time to come.
    await vaultStatus;
    await app.page.waitForTimeout(1000);
    app.page.off('request', onRequest);
    app.page.off('response', onResponse);
    return Promise.all(scripts);
  }

  it('sends the page and its scripts compressed, and paints a shell that shows nothing of the app', async () => {
    const response = await app.page.request.get(`${app.server.origin}/`, { headers: { 'accept-encoding': 'br' } });
    expect(response.headers()['content-encoding']).toBe('br');
    const html = await response.text();
    const shell = /<div id="root">([\s\S]*?)<\/div>\s*<\/div>/.exec(html)?.[1] ?? '';
    expect(shell).toContain('<svg');
    // After panic the same page loads the neutral screen: the shell must not name the app.
    expect(shell.replace(/<!--[\s\S]*?-->/g, '').replace(/<[^>]+>/g, '').trim()).toBe('');
    // Home's code comes in the entry chunk (main.tsx), not after it: no chunk of Home's own is left to load.
    expect(html).not.toMatch(/HomePage-[\w-]+\.js/);
    const entryFile = /<script type="module" crossorigin src="(\/assets\/[^"]+\.js)"/.exec(html)![1]!;
    expect(await (await app.page.request.get(`${app.server.origin}${entryFile}`)).text()).toContain('home-get-started');

    const scripts = await loadHome();
    expect(scripts.length).toBeGreaterThan(0);
    // Files under 1 KB are sent as they are: compression would save less than its headers cost.
    const large = scripts.filter((s) => s.text.length >= 1024);
    expect(large.length).toBeGreaterThan(0);
    for (const script of large) expect(script.encoding, script.url).toBe('br');
    // react-router's production build: its development build carries this warning.
    for (const script of scripts) expect(script.text, script.url).not.toContain('No routes matched location');
  });

  it("carries in the entry chunk the English of the frame and Home only, not of any page's", async () => {
    const html = await (await app.page.request.get(`${app.server.origin}/`)).text();
    const entryFile = /<script type="module" crossorigin src="(\/assets\/[^"]+\.js)"/.exec(html)![1]!;
    const entry = await (await app.page.request.get(`${app.server.origin}${entryFile}`)).text();
    const catalogues = path.resolve('renderer/src/i18n/locales/en');
    for (const file of fs.readdirSync(catalogues)) {
      const namespace = path.basename(file, '.json');
      // Its longest sentences of plain characters, which read the same inside a minified chunk.
      const sentences = Object.values(flatten(JSON.parse(fs.readFileSync(path.join(catalogues, file), 'utf8'))))
        .filter((text) => /^[\w ,.()-]{30,}$/.test(text))
        .sort((a, b) => b.length - a.length)
        .slice(0, 3);
      expect(sentences.length, namespace).toBeGreaterThan(0);
      for (const sentence of sentences) expect(entry.includes(sentence), `${namespace}: ${sentence}`).toBe(FRAME_AND_HOME.includes(namespace));
    }
    // 551 KB with every English catalogue, 453 KB without those of the pages when written.
    expect(Buffer.byteLength(entry)).toBeLessThan(470_000);
  });

  it('renders the Get started links on a locked Home without loading marked, DOMPurify or the due dashboard', async () => {
    const scripts = await loadHome();
    const offenders = scripts.filter((s) => s.text.includes(MARKED) || s.text.includes(DOMPURIFY) || /DueDashboard/.test(s.url));
    expect(offenders.map((s) => s.url)).toEqual([]);
    // The step links still work as links.
    await app.page.getByRole('link', { name: 'CLARITI', exact: true }).click();
    await app.page.waitForFunction(() => window.location.pathname === '/kb/mechanisms/clariti');
    expect(app.pageErrors).toEqual([]);
  });

  it('preloads on the diary address the code of the list only: no editor, Markdown renderer or save bar', async () => {
    const html = await (await app.page.request.get(`${app.server.origin}/diary`)).text();
    const entry = /<script type="module" crossorigin src="(\/assets\/[^"]+\.js)"/.exec(html)![1]!;
    const preloads = [...html.matchAll(/<link rel="modulepreload" crossorigin href="(\/assets\/[^"]+\.js)"/g)].map((match) => match[1]!);
    expect(preloads.some((file) => /DiaryPage-/.test(file))).toBe(true);
    expect(preloads.filter((file) => /EngagementEditor|CompanyPage|SaveBar|Markdown|markdown/.test(file))).toEqual([]);
    // What every page loads (the entry chunk and react-dom's, which Home's page preloads too) is not the diary's own.
    const home = await (await app.page.request.get(`${app.server.origin}/`)).text();
    const everyPage = new Set([entry, ...[...home.matchAll(/<link rel="modulepreload" crossorigin href="(\/assets\/[^"]+\.js)"/g)].map((match) => match[1]!)]);
    let bytes = 0;
    for (const file of preloads.filter((file) => !everyPage.has(file))) {
      const text = await (await app.page.request.get(`${app.server.origin}${file}`)).text();
      expect(text.includes(MARKED) || text.includes(DOMPURIFY), file).toBe(false);
      bytes += Buffer.byteLength(text);
    }
    // The diary's own code besides the entry chunk: 180 KB when written (360 KB with the editor
    // and company pages), most of it zod's schemas.
    expect(bytes).toBeLessThan(200_000);
    // Every stylesheet it needs is asked for from the head, not found one after another in the body.
    const [head, body] = html.split('</head>') as [string, string];
    for (const [, sheet] of body.matchAll(/<link rel="stylesheet" crossorigin href="([^"]+)">/g)) {
      expect(head).toContain(`<link rel="preload" as="style" crossorigin href="${sheet}">`);
    }
  });

  it('loads the due dashboard once a vault is open', async () => {
    await rpc(app.page, 'vault.create', { name: 'Startup', passphrase: E2E_PASSPHRASE });
    const scripts = await loadHome();
    expect(scripts.some((s) => /DueDashboard/.test(s.url))).toBe(true);
    await app.page.getByRole('heading', { name: "What's due" }).waitFor();
  });
});

// Browser mode opens in the user's everyday browser profile, where a cached copy of the app's code
// would outlive panic, uninstalling and the data folder, and tell whoever reads the profile that
// the workbench was used (docs/security.md). So nothing is cached, hashed files included: the
// profile's HTTP cache, and every other file of it but one, name none of the app's files. The one:
// Chromium keeps compiled code of the scripts in "Code Cache/js" whatever the response's caching
// headers say; that is a known limit, written down in docs/security.md, not a promise.
describe('the browser profile after browser mode', () => {
  it('keeps no copy of any script, stylesheet or font the app loaded', async () => {
    const server = await startWebServer();
    const profile = tempDir('workbench-profile-');
    const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
    const assets = new Set<string>();
    const loading = new Set<Request>();
    let lastAsked = performance.now();
    context.on('request', (request) => {
      const { pathname } = new URL(request.url());
      if (!pathname.startsWith('/assets/')) return;
      assets.add(path.basename(pathname));
      loading.add(request);
      lastAsked = performance.now();
    });
    context.on('requestfinished', (request) => loading.delete(request));
    context.on('requestfailed', (request) => loading.delete(request));
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      await signIn(page, server);
      await page.locator('main h1').waitFor();
      // A second page and a reload: what a cache would have served from the profile.
      await page.goto(`${server.origin}/diary`);
      await page.getByRole('button', { name: /create/i }).first().waitFor();
      await page.reload();
      await page.locator('main h1, main [role="status"], main button').first().waitFor();
      // The app's files all loaded before the browser closes: one still loading then can leave an
      // entry naming it (docs/security.md, the limit under "No cached code"). A font subset is
      // asked for when its glyphs are drawn, which can come just after the others have loaded.
      await expect.poll(() => loading.size === 0 && performance.now() - lastAsked > 1_000, { timeout: 10_000 }).toBe(true);
    } finally {
      await context.close();
      await server.stop();
    }
    expect([...assets].some((name) => name.endsWith('.js'))).toBe(true);
    expect([...assets].some((name) => name.endsWith('.css'))).toBe(true);
    const found: string[] = [];
    const visit = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) visit(file);
        else if (entry.isFile()) {
          const bytes = fs.readFileSync(file).toString('latin1');
          const where = path.relative(profile, file);
          if (where.split(path.sep).includes('Code Cache')) continue;
          for (const asset of assets) if (bytes.includes(asset)) found.push(`${asset} in ${where}`);
        }
      }
    };
    visit(profile);
    // The HTTP cache is where a cached copy would be; make sure the walk looked at it.
    expect(fs.existsSync(path.join(profile, 'Default', 'Cache'))).toBe(true);
    expect(found).toEqual([]);
  }, 120_000);
});

// The language picker names each language in its own script. Drawn with the bundled fonts, those
// eight words cost hundreds of KB of Chinese, Thai, Burmese and Khmer font files on a locked page;
// a computer that has fonts for those scripts (this one has Noto installed) draws them itself.
describe('the language picker on a locked page', () => {
  it('names every language in its own script with the installed fonts, downloading none of those scripts', async () => {
    const server = await startWebServer();
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
    try {
      const context = await browser.newContext();
      const fonts: string[] = [];
      context.on('request', (request) => {
        if (request.url().endsWith('.woff2')) fonts.push(path.basename(new URL(request.url()).pathname));
      });
      await signInContext(context, server);
      const page = await context.newPage();
      // Home first: the header's symbols (● →) come from one small Chinese subset on every page.
      await page.goto(`${server.origin}/`);
      // Home whole, its entry points (→) in: they load once the first screen is painted.
      await page.locator('.home-entry').first().waitFor();
      await page.evaluate(() => document.fonts.ready);
      const beforePicker = fonts.length;
      await page.goto(`${server.origin}/diary`);
      const picker = page.getByRole('group', { name: 'Language' });
      for (const name of ['简体中文', '繁體中文', 'ไทย', 'မြန်မာ', 'ខ្មែរ']) await picker.getByText(name).waitFor();
      const ownNames = await page.evaluate(async () => {
        await document.fonts.ready;
        return [...document.fonts].filter((face) => face.family.replace(/"/g, '').startsWith('Workbench Own Name') && face.status === 'loaded').map((face) => face.family.replace(/"/g, ''));
      });
      expect(ownNames.sort()).toEqual(['Workbench Own Name Khmer', 'Workbench Own Name Myanmar', 'Workbench Own Name SC', 'Workbench Own Name TC', 'Workbench Own Name Thai']);
      const homeFonts = new Set(fonts.slice(0, beforePicker));
      expect(fonts.slice(beforePicker).filter((file) => !homeFonts.has(file) && /^noto-sans-(thai|myanmar|khmer|sc|tc)-/.test(file))).toEqual([]);
    } finally {
      await browser.close();
      await server.stop();
    }
  }, 60_000);
});
