// Guidance a defender stakes their safety on, in Chromium against browser mode: a company's
// country chosen by name (never a guessed code), a US platform harming users in Vietnam offered
// the U.S. NCP step with what it exposes, and a high-risk plan that keeps a Special Procedures
// step from starting until its exposure is acknowledged. Nothing may leave 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Company } from '@shared/api/diary';
import type { Plan } from '@shared/api/plans';
import { foreignRequests, openSignedInPage, rpc, screenshot, type SignedInPage, type WebServer } from './harness';
import { createVaultThroughUi } from './vault-ui';

describe('guidance on routes and exposure in browser mode', () => {
  let app: SignedInPage;
  let server: WebServer;
  let page: Page;

  beforeAll(async () => {
    app = await openSignedInPage();
    ({ server, page } = app);
    await page.goto(`${server.origin}/diary/companies/new`);
    await createVaultThroughUi(page);
    await page.getByLabel('Name', { exact: true }).waitFor({ timeout: 30_000 });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('chooses the headquarters by name and stores its ISO code; "JA" is refused, not stored', async () => {
    await page.getByLabel('Name', { exact: true }).fill('Example US Platform');
    const hq = page.getByLabel('Headquarters country');
    await hq.fill('JA');
    await hq.press('Enter');
    await expect.poll(() => page.locator('#company-hq-error').textContent()).toContain('“JA” is not a country in the list');
    await hq.fill('Japan');
    await hq.press('Enter');
    await page.locator('.chip[data-code="JP"]').waitFor();
    await hq.fill('United States');
    await hq.press('Enter');
    await page.locator('.chip[data-code="US"]').waitFor();
    expect(await page.locator('.chip[data-code="JP"]').count()).toBe(0);
    await page.getByRole('button', { name: 'Save company' }).click();
    await page.waitForURL(/\/diary\/companies\/[0-9a-f-]{36}$/);
    const companies = await rpc<Company[]>(page, 'companies.list', null);
    expect(companies.map((c) => [c.name, c.hqCountry])).toEqual([['Example US Platform', 'US']]);
  });

  it('offers a plan against a US platform harming users in Vietnam the U.S. NCP step, with what it exposes', async () => {
    await page.goto(`${server.origin}/plans/new`);
    await page.getByLabel('Target company').selectOption({ label: 'Example US Platform' });
    await page.getByRole('button', { name: 'Start a blank plan' }).click();
    await page.getByLabel('Plan title').fill('Removals of Vietnamese independent media');

    const harm = page.getByLabel('Where did the harm happen?');
    await harm.fill('Vietnam');
    await harm.press('Enter');
    const elsewhere = page.getByLabel('Where else does the company operate?');
    await elsewhere.fill('Australia');
    await elsewhere.press('Enter');

    const oecd = page.getByTestId('oecd-adherence');
    // The route for the last country entered: the one for Vietnam alone stays on screen until it comes.
    await expect.poll(() => oecd.textContent()).toContain('also operates in Australia');
    expect(await oecd.textContent()).toContain('Vietnam, where the harm happened, does not adhere');
    const us = oecd.locator('[data-testid="ncp-route"][data-iso2="US"]');
    expect(await us.textContent()).toContain('U.S. National Contact Point');
    expect(await us.textContent()).toContain('Department of State');
    expect(await us.textContent()).toContain('To be checked:');
    expect(await oecd.locator('[data-testid="ncp-route"][data-iso2="AU"]').count()).toBe(0);

    await oecd.getByRole('button', { name: 'Add an OECD NCP step' }).click();
    const step = page.getByRole('listitem', { name: 'Step 1', exact: true });
    expect(await step.getByLabel('Mechanism from the directory').inputValue()).toBe('oecd-ncp');
    const exposure = step.getByTestId('step-exposure');
    await exposure.waitFor();
    expect(await exposure.textContent()).toContain('What becomes public');
    expect(await exposure.textContent()).toMatch(/final statement/i);
    expect(await exposure.textContent()).toContain('Reprisal risks');
    await screenshot(page, 'guidance-ncp-route');

    await page.getByRole('button', { name: 'Save plan' }).click();
    await page.waitForURL(/\/plans\/edit\/[0-9a-f-]{36}$/);
    const [summary] = await rpc<Array<{ id: string }>>(page, 'plans.list', null);
    const plan = await rpc<Plan>(page, 'plans.get', { id: summary!.id });
    expect(plan).toMatchObject({ harmCountries: ['VN'], operatingCountries: ['AU'], steps: [{ mechanismId: 'oecd-ncp', stage: 'oecd-ncp' }] });
  });

  it('keeps a Special Procedures step of a high-risk plan from starting until its exposure is acknowledged', async () => {
    await page.goto(`${server.origin}/plans/new`);
    await page.getByRole('button', { name: 'Start a blank plan' }).click();
    await page.getByLabel('Plan title').fill('Defenders named in takedown orders');
    await page.getByLabel('Risk level').selectOption('high');
    await page.getByRole('button', { name: 'Add a step' }).click();
    const step = page.getByRole('listitem', { name: 'Step 1', exact: true });
    await step.getByLabel('What we will do').fill('Joint communication to Special Procedures');
    await step.getByLabel('Kind of step').selectOption('un');
    await step.getByLabel('Mechanism from the directory').selectOption('sr-freedom-of-expression');
    await step.getByLabel('Human rights defenders').check();
    await step.getByLabel('Ask for a joint communication').check();

    const exposure = step.getByTestId('step-exposure');
    await exposure.waitFor();
    expect(await exposure.textContent()).toContain('Alleged victims are normally named');
    const status = step.getByLabel('Status');
    expect(await status.locator('option[value="in-progress"]').isDisabled()).toBe(true);
    expect(await status.locator('option[value="done"]').isDisabled()).toBe(true);
    expect(await step.textContent()).toContain("This plan's risk is high");

    await page.getByRole('button', { name: 'Save plan' }).click();
    await page.waitForURL(/\/plans\/edit\/[0-9a-f-]{36}$/);
    const id = page.url().split('/').pop()!;

    // Core refuses it too, whatever a page sends.
    const saved = await rpc<Plan>(page, 'plans.get', { id });
    const forced = page.evaluate(
      async ([plan]) => {
        const headers = { 'content-type': 'application/json', authorization: `Bearer ${window.sessionStorage.getItem('workbench.session')}` };
        const body = JSON.stringify({ ...plan, steps: plan.steps.map((s) => ({ ...s, status: 'in-progress' })) });
        return (await fetch('/rpc/plans.save', { method: 'POST', headers, body })).json();
      },
      [saved] as const,
    );
    expect(await forced).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('risk is high') } });

    await step.getByLabel(/I have read what this route makes public/).check();
    expect(await status.locator('option[value="in-progress"]').isDisabled()).toBe(false);
    await status.selectOption('in-progress');
    await page.getByRole('button', { name: 'Save plan' }).click();
    await expect.poll(async () => (await rpc<Plan>(page, 'plans.get', { id })).steps[0]?.status).toBe('in-progress');
    const plan = await rpc<Plan>(page, 'plans.get', { id });
    expect(plan.steps[0]).toMatchObject({
      mandates: ['human-rights-defenders'],
      jointCommunication: true,
      exposureAcknowledged: { mechanismId: 'sr-freedom-of-expression', on: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) },
    });

    await page.reload();
    await page.getByRole('listitem', { name: 'Step 1', exact: true }).getByText(/^ ?Acknowledged /).waitFor();
    await screenshot(page, 'guidance-exposure-acknowledged');
  });

  it('draws steps that run at the same time side by side on the timeline', async () => {
    const today = await page.evaluate(() => new Date().toISOString().slice(0, 10));
    const inDays = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
    await rpc(page, 'plans.save', {
      title: 'Parallel pressure',
      steps: [
        { id: crypto.randomUUID(), stage: 'accountability-platform', title: 'BHRRC response request', mechanismId: 'bhrrc', startDate: today, targetDate: inDays(30) },
        { id: crypto.randomUUID(), stage: 'oecd-ncp', title: 'Prepare the NCP complaint', mechanismId: 'oecd-ncp', startDate: inDays(7), targetDate: inDays(90) },
      ],
    });
    await page.goto(`${server.origin}/plans/timeline`);
    const overlap = page.getByTestId('timeline-overlap');
    await overlap.waitFor();
    const rows = overlap.getByRole('table', { name: 'Parallel pressure' }).getByRole('row');
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(0).textContent()).toContain('BHRRC response request');
    expect(await rows.nth(1).textContent()).toContain('Prepare the NCP complaint');
  });

  it('made no request outside 127.0.0.1', () => {
    expect(foreignRequests(app.requests)).toEqual([]);
    expect(app.pageErrors).toEqual([]);
  });
});
