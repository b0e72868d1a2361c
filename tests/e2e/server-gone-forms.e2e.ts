// When browser mode's server stops, no form goes on offering to save: in tabs left open on the
// company form, Settings (vault preferences, Hide and lock preferences, a person being added, the
// change of passphrase, a backup file and a restore), a
// note, an evidence package and an assessment, every Save is disabled within seconds and says why,
// and nothing is reported as saved.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchChromium, signInContext, startWebServer, type WebServer } from './harness';
import { createVaultThroughUi } from './vault-ui';

const REASON = 'Not saved: the workbench server is not answering';
const BACKUP_PASSPHRASE = 'lantern orbit quietly folds seven paper cranes';

describe('every form once the server is gone', () => {
  let server: WebServer;
  let browser: Browser;
  let context: BrowserContext;
  const tabs = new Map<string, Page>();

  async function open(name: string, path: string, ready: (page: Page) => Locator): Promise<void> {
    const page = await context.newPage();
    await page.goto(`${server.origin}${path}`);
    await ready(page).waitFor({ timeout: 30_000 });
    tabs.set(name, page);
  }

  /** The button is disabled and its description, read as a screen reader would, is the reason. */
  async function saysWhy(save: Locator): Promise<void> {
    await expect.poll(() => save.isDisabled(), { timeout: 10_000 }).toBe(true);
    const describedBy = await save.getAttribute('aria-describedby');
    const reason = describedBy ? await save.page().locator(`[id="${describedBy}"]`).textContent() : await save.page().getByTestId('save-state').textContent();
    expect(reason).toBe(REASON);
  }

  beforeAll(async () => {
    server = await startWebServer();
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await signInContext(context, server);
    const first = await context.newPage();
    await first.goto(`${server.origin}/diary`);
    await createVaultThroughUi(first);
    await first.getByRole('heading', { name: 'Engagement diary' }).waitFor({ timeout: 30_000 });
    await first.close();

    await open('company', '/diary/companies/new', (page) => page.getByRole('button', { name: 'Save company' }));
    await open('settings', '/settings', (page) => page.locator('#panic-shortcut'));
    const settings = tabs.get('settings')!;
    await settings.locator('#vault-idleMinutes').waitFor({ timeout: 30_000 });
    await settings.getByRole('button', { name: 'Add a person' }).click();
    // A backup ready to make: its passphrase typed, so only the server's absence can disable it.
    const backup = settings.locator('form', { has: settings.getByRole('button', { name: 'Make the backup file' }) });
    await backup.locator('input[type="password"]').nth(0).fill(BACKUP_PASSPHRASE);
    await backup.locator('input[type="password"]').nth(1).fill(BACKUP_PASSPHRASE);
    await backup.locator('button[type="submit"]:enabled').waitFor({ timeout: 10_000 });
    await open('note', '/notes/new', (page) => page.getByRole('button', { name: 'Save note' }));
    await open('package', '/plans/packages/new', (page) => page.getByRole('button', { name: 'Save package' }));
    await open('assessment', '/assessments/new/safety', (page) => page.getByRole('button', { name: 'Save assessment' }));
    await tabs.get('company')!.getByLabel('Name', { exact: true }).fill('Typed while the server stops');
    // Everything offers to save while the server answers.
    for (const page of tabs.values()) for (const save of await page.getByRole('button', { name: /^Save/ }).all()) expect(await save.isDisabled()).toBe(false);
    await server.stop();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('disables Save on the company form and says why', async () => {
    const page = tabs.get('company')!;
    await page.getByTestId('server-gone').waitFor({ timeout: 10_000 });
    await saysWhy(page.getByRole('button', { name: 'Save company' }));
    await page.keyboard.press('Enter');
    expect(await page.getByText('Saved', { exact: true }).count()).toBe(0);
  });

  it('disables every Save and Start in Settings and says why next to each', async () => {
    const page = tabs.get('settings')!;
    await page.getByTestId('server-gone').waitFor({ timeout: 10_000 });
    await saysWhy(page.locator('form:has(#vault-idleMinutes)').getByRole('button', { name: 'Save' }));
    await saysWhy(page.locator('form:has(#panic-shortcut)').getByRole('button', { name: 'Save' }));
    await saysWhy(page.getByRole('button', { name: 'Save person' }));
    // The bundle form appears only once the vault holds a record to share; this vault holds none.
    for (const start of ['Change passphrase', 'Make the backup file', 'Restore into a new vault']) {
      await saysWhy(page.getByRole('button', { name: start, exact: true }));
    }
    expect(await page.getByText(REASON).count()).toBe(6);
  });

  it('disables Save in the note, package and assessment editors and says why in the save bar', async () => {
    for (const [name, label] of [
      ['note', 'Save note'],
      ['package', 'Save package'],
      ['assessment', 'Save assessment'],
    ] as const) {
      const page = tabs.get(name)!;
      await page.getByTestId('server-gone').waitFor({ timeout: 10_000 });
      await saysWhy(page.getByRole('button', { name: label }));
      expect(await page.getByTestId('save-state').textContent()).not.toMatch(/^Saved/);
    }
  });
});
