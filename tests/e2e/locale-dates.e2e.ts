// Dates on screen are in the user's locale: every main page, filled with a year's kind of records
// (entries with commitments and a file, a plan with dated steps, a package with reviewed findings,
// a worked CLARITI example, a note, edits in the history), is read as a screen reader would read
// its text, with every section and history opened, and no raw ISO date or timestamp
// ("2026-11-30", "2026-11-30T14:05") may appear outside what the user typed into a field.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { diaryWithTwoCalls, fullPackage } from '../core/plans/fixtures';
import { launchChromium, rpc, signIn, startWebServer, type WebServer } from './harness';
import { createVaultThroughUi } from './vault-ui';

/** An ISO date, or date and time, standing on its own in the text. */
const RAW_ISO = /(?<![\d-])\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?(?![\d-])/g;

/** Text the page shows, with the ISO dates in it; what sits in form fields (the user's own words) and code is not page text. */
function rawDatesOnPage(page: Page): Promise<string[]> {
  return page.evaluate((pattern) => {
    const found: string[] = [];
    const walker = document.createTreeWalker(document.querySelector('main') ?? document.body, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) => (node.parentElement?.closest('textarea, input, select, option, code, pre, script, style, .markdown-preview') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      for (const match of text.matchAll(new RegExp(pattern, 'g'))) found.push(`${match[0]} in "${text.trim().slice(0, 120)}"`);
    }
    return found;
  }, RAW_ISO.source);
}

describe('dates on screen in the user’s locale', () => {
  let server: WebServer;
  let browser: Browser;
  let page: Page;
  const pages: Array<[string, string]> = [];

  beforeAll(async () => {
    server = await startWebServer();
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' })).newPage();
    await signIn(page, server);
    await page.goto(`${server.origin}/diary`);
    await createVaultThroughUi(page);
    await page.getByRole('heading', { name: 'Engagement diary' }).waitFor({ timeout: 30_000 });
    const t = { call: (method: string, input: unknown) => rpc(page, method, input) };
    const { company, first, second, file } = await diaryWithTwoCalls(t as never);
    // An edit, so the entry's history has two versions to show.
    const entry = await rpc<Record<string, unknown>>(page, 'engagements.get', { id: first.id });
    await rpc(page, 'engagements.save', { ...entry, outcome: 'They agreed to review the posts.' });
    const step = (title: string, startDate: string, targetDate: string) => ({ id: crypto.randomUUID(), stage: 'direct', title, startDate, targetDate, triggerDate: targetDate, trigger: 'No reply', engagementIds: [first.id] });
    const plan = await rpc<{ id: string }>(page, 'plans.save', {
      title: 'Restore removed accounts',
      companyId: company.id,
      engagementIds: [first.id, second.id],
      steps: [step('Write to the company', '2026-10-01', '2026-10-15'), step('Raise with the NCP', '2026-11-01', '2027-01-31')],
    });
    const pkg = await rpc<{ id: string }>(page, 'packages.save', fullPackage(company.id, [first.id, second.id], file.id));
    // Dated fields changed, so the plan's and the package's histories show dates.
    const savedPlan = await rpc<{ steps: Array<Record<string, unknown>> }>(page, 'plans.get', { id: plan.id });
    await rpc(page, 'plans.save', { ...savedPlan, steps: savedPlan.steps.map((s) => ({ ...s, targetDate: '2027-02-28' })) });
    const savedPackage = await rpc<{ methodology: Record<string, unknown> }>(page, 'packages.get', { id: pkg.id });
    await rpc(page, 'packages.save', { ...savedPackage, methodology: { ...savedPackage.methodology, periodTo: '2026-11-30' } });
    await rpc(page, 'assessments.addExamples', null);
    const [assessment] = await rpc<Array<{ id: string }>>(page, 'assessments.list', null);
    const note = await rpc<{ id: string }>(page, 'notes.save', { title: 'Reading on transparency reports', body: 'Short notes.', tags: ['research'], links: [{ kind: 'company', id: company.id }] });
    pages.push(
      ['Home', '/'],
      ['Diary list', '/diary'],
      ['Diary entry with history', `/diary/entries/${first.id}`],
      ['Companies', '/diary/companies'],
      ['Company', `/diary/companies/${company.id}`],
      ['Plans', '/plans'],
      ['Plan editor', `/plans/edit/${plan.id}`],
      ['Timeline', '/plans/timeline'],
      ['Packages', '/plans/packages'],
      ['Package editor', `/plans/packages/${pkg.id}`],
      ['Assessments', '/assessments'],
      ['Assessment team', `/assessments/${assessment!.id}/team`],
      ['Assessment impacts', `/assessments/${assessment!.id}/impacts`],
      ['Assessment findings', `/assessments/${assessment!.id}/findings`],
      ['Assessment use', `/assessments/${assessment!.id}/use`],
      ['Notes', '/notes'],
      ['Note', `/notes/${note.id}`],
      ['Safety', '/safety'],
      ['Settings', '/settings'],
    );
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('finds a raw ISO date planted on a page, so a clean run means something', async () => {
    await page.goto(`${server.origin}/settings`);
    await page.locator('main h1').first().waitFor();
    await page.evaluate(() => document.querySelector('main h1')!.append(' 2026-11-30T14:05'));
    expect(await rawDatesOnPage(page)).toEqual([expect.stringContaining('2026-11-30T14:05')]);
  });

  it('shows no raw ISO date on any main page, with every section and history open', async () => {
    const found: string[] = [];
    const localeDates = new Map<string, number>();
    for (const [name, address] of pages) {
      await page.goto(`${server.origin}${address}`);
      await page.locator('main h1').first().waitFor({ timeout: 30_000 });
      await expect.poll(() => page.getByText('Loading…').count(), { timeout: 10_000 }).toBe(0);
      await page.evaluate(() => {
        for (const details of document.querySelectorAll('details')) details.open = true;
        // History and other panels that open with a heading button.
        for (const toggle of document.querySelectorAll<HTMLButtonElement>('button.heading-toggle[aria-expanded="false"]')) toggle.click();
      });
      await page.waitForTimeout(800);
      for (const hit of await rawDatesOnPage(page)) found.push(`${name}: ${hit}`);
      // British order, as the locale asks: "1 Oct 2026".
      localeDates.set(name, (await page.locator('main').innerText()).match(/\b\d{1,2} [A-Z][a-z]{2,8} \d{4}\b/g)?.length ?? 0);
    }
    console.log(JSON.stringify(Object.fromEntries(localeDates)));
    expect(found).toEqual([]);
    // The pages did show their dates, in the locale's words.
    for (const name of ['Diary list', 'Diary entry with history', 'Company', 'Timeline', 'Package editor', 'Assessment findings', 'Notes']) expect(localeDates.get(name), name).toBeGreaterThan(0);
  });
});
