// Journey 6: at the border. The panic shortcut locks the vault, blanks the screen and leaves no
// decrypted content in the page; a changed shortcut takes effect at once; the Safety page explains
// what is and is not protected.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { foreignRequests, launchChromium, recordRequests, screenshot, signIn, startWebServer, type WebServer } from './harness';
import { createVaultThroughUi, E2E_PASSPHRASE } from './vault-ui';

const SECRET = 'Meeting with the ministry liaison at the safe house';

describe('safety under pressure', () => {
  let server: WebServer;
  let browser: Browser;
  let page: Page;
  let requests: string[];

  beforeAll(async () => {
    server = await startWebServer();
    browser = await launchChromium();
    const context = await browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
    requests = recordRequests(context);
    page = await context.newPage();
    await signIn(page, server);
    await page.goto(`${server.origin}/diary/companies/new`);
    await createVaultThroughUi(page);
    await page.getByLabel('Name', { exact: true }).fill('Example Platform');
    await page.getByRole('button', { name: 'Save company' }).click();
    await page.waitForURL(/\/diary\/companies\/[0-9a-f-]{36}$/);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('panic from inside the editor locks, blanks the screen and keeps the typed text in the vault', async () => {
    await page.getByRole('link', { name: 'Log an engagement with this company' }).click();
    await page.getByLabel('Purpose').fill(SECRET);
    await expect.poll(() => page.getByTestId('save-state').textContent()).toContain('Unsaved changes kept in the vault');
    await page.getByLabel('Purpose').press('Control+Shift+H');
    await page.waitForURL(`${server.origin}/neutral`);
    expect(await page.content()).not.toContain(SECRET);
    expect(await page.title()).toBe('New tab');
    await screenshot(page, 'safety-neutral');

    // The vault is locked: the diary asks for the passphrase again.
    await page.goto(`${server.origin}/diary/new`);
    await page.getByRole('button', { name: 'Unlock' }).waitFor();
    await page.getByLabel('Passphrase').fill(E2E_PASSPHRASE);
    await page.getByRole('button', { name: 'Unlock' }).click();
    // Nothing typed was lost: the draft comes back.
    await expect.poll(() => page.getByLabel('Purpose').inputValue()).toBe(SECRET);
  });

  it('clears the clipboard only if the app put something there', async () => {
    await page.goto(`${server.origin}/safety`);
    await page.evaluate(() => navigator.clipboard.writeText('copied by the user elsewhere'));
    await page.getByRole('button', { name: 'Hide' }).click();
    await page.waitForURL(`${server.origin}/neutral`);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('copied by the user elsewhere');
  });

  it('uses a new panic shortcut as soon as it is saved, and refuses one that would fire while typing', async () => {
    await page.goto(`${server.origin}/settings`);
    // The shortcut is recorded by pressing it; a bare letter is refused and nothing changes.
    const field = page.locator('#panic-shortcut');
    await field.press('j');
    await page.getByRole('alert').filter({ hasText: 'Ctrl' }).waitFor();
    expect(await field.inputValue()).toBe('Ctrl+Shift+H');
    // Pressing the current shortcut in the field records it instead of panicking.
    await field.press('Control+Shift+H');
    expect(page.url()).toBe(`${server.origin}/settings`);
    await field.press('Control+Alt+P');
    expect(await field.inputValue()).toBe('Ctrl+Alt+P');
    await page.getByRole('button', { name: 'Save', exact: true }).last().click();
    await page.getByText('Saved.').waitFor();
    // The header's panic button learns the new keys from core's "preferences changed" event,
    // which can come a moment after "Saved." on a busy machine; it names them once it has.
    await page.locator('button.panic-button[title*="Ctrl+Alt+P"]').waitFor();
    await page.keyboard.press('Control+Alt+P');
    await page.waitForURL(`${server.origin}/neutral`);
  });

  it('explains what is and is not protected', async () => {
    await page.goto(`${server.origin}/safety`);
    await page.getByRole('heading', { name: 'What is not encrypted' }).waitFor();
    await page.getByRole('heading', { name: 'Moving the app to an air-gapped laptop' }).waitFor();
  });

  it('made no request to any host but 127.0.0.1', () => {
    expect(foreignRequests(requests)).toEqual([]);
  });
});
