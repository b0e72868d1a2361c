// The vault through the UI: create, lock, fail to unlock, unlock, and then prove that the
// distinctive text typed during the journey is nowhere in plaintext in the data or temp folders.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { foreignRequests, launchChromium, recordRequests, screenshot, signIn, startWebServer, type WebServer } from './harness';
import { createVaultThroughUi, E2E_PASSPHRASE } from './vault-ui';

const MARKER = `Quokka-${crypto.randomBytes(6).toString('hex')}-testimony`;

/** Every regular file under dir, skipping what cannot be read (sockets, vanished temp files). */
function* filesUnder(dir: string): Generator<string> {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(full);
    else if (entry.isFile()) yield full;
  }
}

function filesContaining(dir: string, text: string, skip: (file: string) => boolean = () => false): string[] {
  const needles = [Buffer.from(text, 'utf8'), Buffer.from(text, 'utf16le')];
  const found: string[] = [];
  for (const file of filesUnder(dir)) {
    if (skip(file)) continue;
    let bytes: Buffer;
    try {
      if (fs.statSync(file).size > 200 * 1024 * 1024) continue;
      bytes = fs.readFileSync(file);
    } catch {
      continue;
    }
    if (needles.some((needle) => bytes.includes(needle))) found.push(file);
  }
  return found;
}

describe('the vault through the UI', () => {
  let server: WebServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let requests: string[];

  beforeAll(async () => {
    server = await startWebServer();
    browser = await launchChromium();
    context = await browser.newContext();
    requests = recordRequests(context);
    page = await context.newPage();
    await signIn(page, server);
    await page.goto(`${server.origin}/diary/companies/new`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('creates a vault, warning that nobody can recover a lost passphrase', async () => {
    await page.getByText('Nobody can recover a lost passphrase').waitFor();
    await createVaultThroughUi(page);
    await page.getByLabel('Name', { exact: true }).fill(MARKER);
    await page.getByRole('button', { name: 'Save company' }).click();
    await page.waitForURL(/\/diary\/companies\/[0-9a-f-]{36}$/);
  });

  it('locks with the shortcut and refuses a wrong passphrase with a clear message', async () => {
    await page.keyboard.press('Control+Shift+L');
    await page.getByRole('heading', { name: 'Unlock' }).waitFor();
    expect(await page.content()).not.toContain(MARKER);
    await page.getByLabel('Passphrase').fill('not the right passphrase at all');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByRole('alert').filter({ hasText: 'Wrong passphrase' }).waitFor();
    await screenshot(page, 'vault-wrong-passphrase');
  });

  it('unlocks with the right passphrase and shows the record again', async () => {
    await page.getByLabel('Passphrase').fill(E2E_PASSPHRASE);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByRole('heading', { name: MARKER }).waitFor();
  });

  it('leaves the marker nowhere in plaintext in the data folder or the temp folder', async () => {
    await page.getByRole('button', { name: 'Lock', exact: true }).click();
    await page.getByRole('heading', { name: 'Unlock' }).waitFor();
    await browser.close();
    await server.stop();
    expect(filesContaining(server.dataDir, MARKER)).toEqual([]);
    // This test file holds the marker in its own memory only; nothing else should have it. The temp
    // folder is the run's own (tests/setup/temp-root.ts), which the server and the browser use too.
    expect(filesContaining(os.tmpdir(), MARKER, (file) => file.includes(`${path.sep}vitest`))).toEqual([]);
  });

  it('made no request to any host but 127.0.0.1', () => {
    expect(foreignRequests(requests)).toEqual([]);
  });
});
