// The plan editor with 10,000 diary entries in the vault opens as fast as with 10: its pickers
// fetch a page of entries when used, never the whole diary. Two real encrypted vaults (10,000 and
// 10 generated entries, 25 companies) are opened in browser mode side by side, and the same plan of
// six steps is opened in each, alternately, in Chromium at 1280×800.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { CompanyDraft, EngagementDraft, type Engagement } from '@shared/api/diary';
import type { Plan } from '@shared/api/plans';
import { EventBus } from '../../electron/core/events';
import { insertOrReplaceCompany, insertOrReplaceEngagement } from '../../electron/core/diary/repository';
import { VaultService } from '../../electron/core/vault/service';
import { recordIndex } from '../../electron/core/search/record-texts';
import { companyDrafts, engagementDraft, seeded } from '../../bench/generate';
import { tempDir } from '../helpers/temp';
import { TEST_KDF } from '../helpers/core';
import { launchChromium, rpc, screenshot, startWebServer, type WebServer } from './harness';
import { E2E_PASSPHRASE } from './vault-ui';

const LARGE = 10_000;
const SMALL = 10;
const ROUNDS = 15;
const PLAN_TITLE = 'Escalate wrongful removals';

interface Fixture {
  server: WebServer;
  page: Page;
  planId: string;
  engagementIds: string[];
}

/** Diary rows as the diary writes them, from the bench generator, with their search index entries. */
async function vaultWith(count: number): Promise<{ dataDir: string; engagementIds: string[] }> {
  const dataDir = tempDir(`workbench-plan-picker-${count}-`);
  const vault = new VaultService({ dataDir, events: new EventBus(), kdf: TEST_KDF });
  await vault.create('Plans at scale', E2E_PASSPHRASE);
  const db = vault.database();
  const random = seeded(count);
  const at = new Date().toISOString();
  const companyIds: string[] = [];
  const companyNames = new Map<string, string>();
  const engagementIds: string[] = [];
  db.transaction(() => {
    for (const draft of companyDrafts(random)) {
      const company = { ...CompanyDraft.parse(draft), id: crypto.randomUUID(), createdAt: at, updatedAt: at };
      insertOrReplaceCompany(db, company);
      companyIds.push(company.id);
      companyNames.set(company.id, company.name);
    }
    const today = Date.now();
    for (let index = 0; index < count; index++) {
      const draft = EngagementDraft.parse(engagementDraft(random, { index, count, today, companyIds }));
      const engagement: Engagement = { ...draft, id: crypto.randomUUID(), attachments: [], createdAt: draft.occurredAt, updatedAt: draft.occurredAt };
      insertOrReplaceEngagement(db, engagement);
      // The search index the picker's typed words go through; title, company and tags only, as
      // segmenting ten thousand long notes would take minutes and the picker does not need them.
      recordIndex.put(db, 'engagement', engagement.id, engagement.title, [companyNames.get(engagement.companyId)!, engagement.title, ...engagement.tags], engagement.occurredAt);
      engagementIds.push(engagement.id);
    }
  })();
  vault.lock('user');
  return { dataDir, engagementIds };
}

async function open(browser: Browser, count: number): Promise<Fixture> {
  const { dataDir, engagementIds } = await vaultWith(count);
  const server = await startWebServer(dataDir);
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await page.goto(server.url);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.goto(`${server.origin}/plans`);
  await page.getByRole('heading', { name: 'Unlock' }).waitFor({ timeout: 30_000 });
  await page.getByLabel('Passphrase').fill(E2E_PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await page.getByRole('heading', { name: 'No plans yet' }).waitFor({ timeout: 30_000 });
  // Six steps, each linking two entries, and three entries linked to the whole plan: the newest
  // ones, as a plan about current work would.
  const newest = engagementIds.slice(-15);
  // Saved once through the API, so they have the revision a plan's link pins.
  for (const id of newest) {
    const { attachments: _files, createdAt: _created, updatedAt: _updated, ...draft } = await rpc<Engagement>(page, 'engagements.get', { id });
    await rpc(page, 'engagements.save', draft);
  }
  const steps = Array.from({ length: 6 }, (_, i) => ({
    id: crypto.randomUUID(),
    stage: (['direct', 'company-channels', 'collective', 'un', 'oecd-ncp', 'other'] as const)[i],
    title: `Step ${i + 1} of the ladder`,
    status: i === 0 ? 'in-progress' : 'planned',
    engagementIds: newest.slice(3 + i * 2, 5 + i * 2),
  }));
  const plan = await rpc<Plan>(page, 'plans.save', { title: PLAN_TITLE, objective: 'Restore the accounts.', harmCountries: ['VN'], operatingCountries: ['TH'], engagementIds: newest.slice(0, 3), steps, principles: [] });
  await page.reload();
  await page.getByRole('link', { name: new RegExp(PLAN_TITLE) }).waitFor({ timeout: 30_000 });
  return { server, page, planId: plan.id, engagementIds };
}

/**
 * From a click on the plan in the list to the editor showing all six steps and the labels of its
 * linked entries, in the page's own clock; then back to the list.
 */
async function timeOpening({ page, planId }: Fixture): Promise<number> {
  const elapsed = await page.evaluate(
    async ([id, title]) => {
      const link = document.querySelector<HTMLAnchorElement>(`a[href="/plans/edit/${id}"]`)!;
      const start = performance.now();
      link.click();
      for (;;) {
        await new Promise((resolve) => requestAnimationFrame(resolve));
        const heading = document.getElementById('plan-title');
        const steps = document.querySelectorAll('[data-testid="plan-steps"] li.step-card').length;
        const chips = document.querySelectorAll('[data-testid="plan-engagements-picker"] .chip').length;
        if (heading?.textContent === title && steps === 6 && chips === 3) return performance.now() - start;
        if (performance.now() - start > 10_000) throw new Error('the plan editor did not render');
      }
    },
    [planId, PLAN_TITLE] as const,
  );
  await page.goBack();
  await page.getByRole('link', { name: new RegExp(PLAN_TITLE) }).waitFor();
  return elapsed;
}

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
};

describe('the plan editor with 10,000 diary entries in the vault', () => {
  let browser: Browser;
  let large: Fixture;
  let small: Fixture;

  beforeAll(async () => {
    browser = await launchChromium();
    [large, small] = [await open(browser, LARGE), await open(browser, SMALL)];
  }, 400_000);

  afterAll(async () => {
    await browser?.close();
    await large?.server.stop();
    await small?.server.stop();
  });

  it('opens in under 300 ms, as fast as with 10 entries, and stays under 3,000 px with six steps', async () => {
    // One warm-up each (first use of the route's code and statements), then alternate.
    await timeOpening(large);
    await timeOpening(small);
    const times = { large: [] as number[], small: [] as number[] };
    for (let round = 0; round < ROUNDS; round++) {
      times.large.push(await timeOpening(large));
      times.small.push(await timeOpening(small));
    }
    const figures = {
      large: { p50: quantile(times.large, 0.5), p95: quantile(times.large, 0.95) },
      small: { p50: quantile(times.small, 0.5), p95: quantile(times.small, 0.95) },
    };

    await large.page.goto(`${large.server.origin}/plans/edit/${large.planId}`);
    await large.page.getByTestId('plan-steps').waitFor({ timeout: 30_000 });
    const height = await large.page.evaluate(() => document.documentElement.scrollHeight);
    const checkboxes = await large.page.locator('input[type="checkbox"]').count();
    await screenshot(large.page, 'plan-editor-10k');
    console.log(
      JSON.stringify({ name: 'plan editor render, 10,000 entries', unit: 'ms', p50: figures.large.p50.toFixed(1), p95: figures.large.p95.toFixed(1), rounds: ROUNDS }),
    );
    console.log(JSON.stringify({ name: 'plan editor render, 10 entries (baseline)', unit: 'ms', p50: figures.small.p50.toFixed(1), p95: figures.small.p95.toFixed(1), rounds: ROUNDS }));
    console.log(JSON.stringify({ name: 'plan editor height, 6 steps, 1280x800', unit: 'px', value: height, checkboxes }));

    // "As fast as with 10": within 50 ms of the small vault at the median, measured in the same loop.
    expect(figures.large.p50).toBeLessThan(figures.small.p50 + 50);
    // Under 300 ms at the median, unless the machine is so loaded that the 10-entry plan is not
    // either (then the line above is the claim). The tails (printed) follow the machine's load for
    // both vaults alike, so they are reported, not asserted.
    expect(figures.large.p50).toBeLessThan(Math.max(300, figures.small.p50 + 50));
    expect(height).toBeLessThan(3000);
    // No checkbox per entry: what is left are the checklists and the exposure acknowledgements.
    expect(checkboxes).toBeLessThan(40);
  });

  it('finds entries by typed text a page at a time, and links and unlinks them by keyboard', async () => {
    const { page } = large;
    const box = page.getByRole('combobox', { name: 'Linked diary entries' });
    const listbox = page.getByRole('listbox', { name: 'Linked diary entries' });
    const chips = page.getByRole('list', { name: 'Linked diary entries: Linked' });
    // The chips of the linked entries appear once their labels have been fetched.
    await expect.poll(() => chips.getByRole('listitem').count(), { timeout: 10_000 }).toBe(3);

    await box.focus();
    const year = String(new Date().getFullYear() - 2);
    const started = Date.now();
    await box.fill(year);
    await expect.poll(() => listbox.getByRole('option').count(), { timeout: 10_000 }).toBe(20);
    console.log(JSON.stringify({ name: 'picker first page for a typed year, 10,000 entries', unit: 'ms', value: Date.now() - started }));
    // One page in the page, not the hundreds the year holds, each of that year.
    for (const label of await listbox.locator('.option-label').allTextContents()) expect(label).toContain(year);
    expect(await box.getAttribute('aria-expanded')).toBe('true');

    // Down past the last option fetches the next page.
    for (let i = 0; i < 20; i++) await box.press('ArrowDown');
    await expect.poll(() => listbox.getByRole('option').count(), { timeout: 10_000 }).toBe(40);

    await box.press('Home');
    const first = await listbox.getByRole('option').first().locator('.option-label').textContent();
    expect(await box.getAttribute('aria-activedescendant')).toBe(await listbox.getByRole('option').first().getAttribute('id'));
    await box.press('Enter');
    await chips.getByText(first!, { exact: true }).waitFor();
    expect(await chips.getByRole('listitem').count()).toBe(4);
    expect(await listbox.getByRole('option').first().getAttribute('aria-selected')).toBe('true');

    // Backspace in the empty box removes the last chip; × removes any.
    await box.fill('');
    await box.press('Backspace');
    await expect.poll(() => chips.getByRole('listitem').count()).toBe(3);
    const firstChip = chips.getByRole('listitem').first();
    const label = (await firstChip.locator('span').first().textContent())!;
    await chips.getByRole('button', { name: `Remove ${label}` }).click();
    await expect.poll(() => chips.getByRole('listitem').count()).toBe(2);
    await box.press('Escape');
    expect(await box.getAttribute('aria-expanded')).toBe('false');

    // Part of a company's name, typed in any case, finds that company's entries ("ETTEL" is no
    // word in any text, so every match comes from the company). Words of titles, tags and notes
    // are matched through the search index, tested in core on entries saved through the app.
    // The earlier page stays in view until the new one arrives, so wait for the answer itself.
    await box.fill('ETTEL');
    const details = () => listbox.locator('.option-detail').allTextContents();
    // (An empty list between the two pages would pass "every" at once: wait for a full page.)
    await expect.poll(async () => { const shown = await details(); return shown.length > 0 && shown.every((detail) => detail.startsWith('Viettel')); }, { timeout: 10_000 }).toBe(true);
    expect(await details()).toHaveLength(20);
  });
});
