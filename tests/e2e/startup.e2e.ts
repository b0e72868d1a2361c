// What the first screen costs in browser mode: a compressed, neutral page that paints before any
// script, and a locked Home that loads neither the Markdown renderer nor the due dashboard.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Response } from 'playwright-core';
import { openSignedInPage, rpc, type SignedInPage } from './harness';
import { E2E_PASSPHRASE } from './vault-ui';

/** Strings that survive minification in marked and DOMPurify. */
const MARKED = 'marked(): input parameter is undefined or null';
const DOMPURIFY = 'DOMPurify';

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
    const scripts: Response[] = [];
    const onResponse = (response: Response) => {
      if (response.url().endsWith('.js')) scripts.push(response);
    };
    app.page.on('response', onResponse);
    const vaultStatus = app.page.waitForResponse((r) => r.url().endsWith('/rpc/vault.status'));
    await app.page.goto(`${app.server.origin}/`);
    await app.page.getByRole('heading', { level: 1, name: 'Welcome' }).waitFor();
    await app.page.getByRole('heading', { name: 'Get started' }).waitFor();
    // Home decides on the dashboard when the vault status arrives; give a chunk it asks for time to come.
    await vaultStatus;
    await app.page.waitForTimeout(1000);
    app.page.off('response', onResponse);
    return Promise.all(scripts.map(async (r) => ({ url: r.url(), text: await r.text(), encoding: (await r.allHeaders())['content-encoding'] })));
  }

  it('sends the page and its scripts compressed, and paints a shell that shows nothing of the app', async () => {
    const response = await app.page.request.get(`${app.server.origin}/`, { headers: { 'accept-encoding': 'br' } });
    expect(response.headers()['content-encoding']).toBe('br');
    const html = await response.text();
    const shell = /<div id="root">([\s\S]*?)<\/div>\s*<\/div>/.exec(html)?.[1] ?? '';
    expect(shell).toContain('<svg');
    // After panic the same page loads the neutral screen: the shell must not name the app.
    expect(shell.replace(/<!--[\s\S]*?-->/g, '').replace(/<[^>]+>/g, '').trim()).toBe('');
    // Home's code is fetched alongside the entry chunk, not after it.
    expect(html).toMatch(/<link rel="modulepreload"[^>]*href="\/assets\/HomePage-[\w-]+\.js"/);

    const scripts = await loadHome();
    expect(scripts.length).toBeGreaterThan(0);
    // Files under 1 KB are sent as they are: compression would save less than its headers cost.
    const large = scripts.filter((s) => s.text.length >= 1024);
    expect(large.length).toBeGreaterThan(0);
    for (const script of large) expect(script.encoding, script.url).toBe('br');
    // react-router's production build: its development build carries this warning.
    for (const script of scripts) expect(script.text, script.url).not.toContain('No routes matched location');
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

  it('loads the due dashboard once a vault is open', async () => {
    await rpc(app.page, 'vault.create', { name: 'Startup', passphrase: E2E_PASSPHRASE });
    const scripts = await loadHome();
    expect(scripts.some((s) => /DueDashboard/.test(s.url))).toBe(true);
    await app.page.getByRole('heading', { name: "What's due" }).waitFor();
  });
});
