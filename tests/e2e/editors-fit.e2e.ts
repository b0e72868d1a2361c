// The diary editor fits the routine: date, company, channel, what was said and the commitments
// received are on the first 1280×800 screen, with the less-used sections closed and summarised,
// and each section opens as the user last left it on this device without keeping anything of the
// entry in the browser's storage.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, rpc, screenshot, signIn, startWebServer, type WebServer } from './harness';
import { createVaultThroughUi } from './vault-ui';

const SECTIONS = ['diary.followUps', 'diary.risk', 'diary.safety', 'diary.attachments'];
const CONCERN = 'Wrongful removals of independent media';

describe('the diary editor at 1280×800', () => {
  let server: WebServer;
  let browser: Browser;
  let page: Page;
  let companyId = '';

  beforeAll(async () => {
    server = await startWebServer();
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await signIn(page, server);
    await page.goto(`${server.origin}/diary`);
    await createVaultThroughUi(page);
    await page.getByRole('heading', { name: 'Engagement diary' }).waitFor({ timeout: 30_000 });
    companyId = (await rpc<{ id: string }>(page, 'companies.save', { name: 'Example Platform', sector: 'social-media' })).id;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the routine path on one screen, down to the bottom of two commitments', async () => {
    await page.goto(`${server.origin}/diary/new?companyId=${companyId}`);
    await page.getByLabel('Short title').fill('Video call with trust and safety');
    await page.getByLabel('Channel').selectOption('call');
    await page.getByLabel('Concerns raised').fill(`${CONCERN}\nAccount restrictions\nReduced visibility`);
    for (const [i, text] of ['Review 40 flagged posts', 'Name a regional escalation contact'].entries()) {
      await page.getByRole('button', { name: 'Add a commitment' }).click();
      await page.locator(`#commitment-${i}-text`).fill(text);
      await page.locator(`#commitment-${i}-due`).fill('2020-01-15');
    }
    await page.evaluate(() => window.scrollTo(0, 0));
    for (const name of SECTIONS) expect(await page.locator(`details[data-section="${name}"]`).getAttribute('open')).toBeNull();

    const measured = await page.evaluate(() => {
      const bottom = (selector: string) => document.querySelector(selector)!.getBoundingClientRect().bottom + window.scrollY;
      const saveBar = document.querySelector('.save-bar')!.getBoundingClientRect();
      return { commitmentsBottom: bottom('[data-testid="commitments"]'), saveBarTop: saveBar.top, pageHeight: document.documentElement.scrollHeight };
    });
    console.log(JSON.stringify({ name: 'diary editor routine path bottom, 1280x800, 2 commitments', unit: 'px', value: Math.round(measured.commitmentsBottom), ...measured }));
    await screenshot(page, 'diary-editor-routine');
    expect(measured.commitmentsBottom).toBeLessThanOrEqual(800);
    // Routine fields are all above that line, not pushed under it.
    for (const label of ['Date and time', 'Company', 'Channel', 'Concerns raised']) {
      const box = (await page.getByLabel(label, { exact: true }).boundingBox())!;
      expect(box.y + box.height).toBeLessThan(measured.commitmentsBottom);
    }
    // The summary says what the closed or open sections hold.
    expect(await page.getByTestId('commitments').locator('legend').textContent()).toContain('2 commitments, 2 overdue');
    expect(await page.locator('details[data-section="diary.safety"] > summary').textContent()).toContain('0 of 6 done');
  });

  it('opens a section on demand, summarises it when closed, and keeps the choice after a reload', async () => {
    const safety = page.locator('details[data-section="diary.safety"]');
    await safety.locator('summary').click();
    const boxes = safety.getByRole('checkbox');
    for (let i = 0; i < 3; i++) await boxes.nth(i).check();
    expect(await safety.locator('summary').textContent()).toContain('3 of 6 done');
    await page.keyboard.press('Control+s');
    await page.waitForURL(/\/diary\/entries\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('save-state').textContent()).toMatch(/Saved/);

    await page.reload();
    await page.getByLabel('Short title').waitFor({ timeout: 30_000 });
    expect(await page.locator('details[data-section="diary.safety"]').getAttribute('open')).not.toBeNull();
    expect(await page.locator('details[data-section="diary.followUps"]').getAttribute('open')).toBeNull();
    expect(await page.locator('details[data-section="diary.safety"] > summary').textContent()).toContain('3 of 6 done');

    // Keyboard: the summary is a control of its own.
    const followUps = page.locator('details[data-section="diary.followUps"] > summary');
    await followUps.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Add a follow-up' }).waitFor();
    // The section shows open before its toggle event (which remembers the choice) has run.
    await expect.poll(() => page.evaluate(() => window.localStorage.getItem('workbench.section.diary.followUps'))).toBe('open');
  });

  it('keeps only which sections are open in the browser storage, nothing of the entry', async () => {
    const stored = await page.evaluate(() => Object.entries(window.localStorage));
    const sections = stored.filter(([key]) => key.startsWith('workbench.section.'));
    expect(sections.map(([key]) => key).sort()).toEqual(['workbench.section.diary.followUps', 'workbench.section.diary.safety']);
    for (const [, value] of sections) expect(['open', 'closed']).toContain(value);
    const everything = JSON.stringify(stored);
    const entryId = page.url().split('/').pop()!;
    for (const typed of ['Wrongful', 'Video call', 'flagged posts', companyId, entryId]) expect(everything).not.toContain(typed);
  });
});
