// The evidence package editor and the CLARITI workspace at 1280×800, filled as a real package and
// assessment are: the less-used parts are closed and summarised, the page is measured closed and
// with every section open (the arrangement before sections), and a section the user opened is
// open again after a reload.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { completeAssessment } from '../core/assessments/fixtures';
import { fullPackage } from '../core/plans/fixtures';
import { launchChromium, rpc, screenshot, signIn, startWebServer, type WebServer } from './harness';
import { createVaultThroughUi } from './vault-ui';

const PACKAGE_SECTIONS = ['package.findings', 'package.risks', 'package.asks', 'package.methodology', 'package.forum', 'package.partners'];

/** The page's height as it is, then with every section open, and back as it was. */
async function heights(page: Page): Promise<{ closed: number; allOpen: number }> {
  const closed = await page.evaluate(() => document.documentElement.scrollHeight);
  const opened = await page.evaluate(() => {
    const shut = [...document.querySelectorAll<HTMLDetailsElement>('details[data-section]:not([open])')];
    for (const details of shut) details.open = true;
    return shut.map((details) => details.dataset.section!);
  });
  // Lazy sections render their fields on the next frame after opening.
  await page.waitForTimeout(300);
  const allOpen = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.evaluate((names) => {
    for (const details of document.querySelectorAll<HTMLDetailsElement>('details[data-section]')) if (names.includes(details.dataset.section!)) details.open = false;
  }, opened);
  await page.evaluate(() => window.localStorage.clear());
  return { closed, allOpen };
}

describe('the package and assessment editors at 1280×800', () => {
  let server: WebServer;
  let browser: Browser;
  let page: Page;
  let packageId = '';
  let assessmentId = '';

  beforeAll(async () => {
    server = await startWebServer();
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await signIn(page, server);
    await page.goto(`${server.origin}/diary`);
    await createVaultThroughUi(page);
    await page.getByRole('heading', { name: 'Engagement diary' }).waitFor({ timeout: 30_000 });
    const company = await rpc<{ id: string }>(page, 'companies.save', { name: 'Example Platform', sector: 'social-media' });
    // The fixtures' evidence points at diary entries of another vault; these records cite none.
    const pkg = fullPackage(company.id, [crypto.randomUUID(), crypto.randomUUID()], crypto.randomUUID());
    pkg.findings = pkg.findings!.map((finding, i) => ({ ...finding, evidence: [], review: i === 1 ? { status: 'unconfirmed' } : finding.review }));
    packageId = (await rpc<{ id: string }>(page, 'packages.save', pkg)).id;
    const assessment = completeAssessment(company.id, crypto.randomUUID(), crypto.randomUUID());
    const [first, second] = assessment.stakeholders!;
    // Four people interviewed, as a small assessment has.
    assessment.stakeholders = [first!, second!, { ...first!, id: crypto.randomUUID(), pseudonym: 'Activist C' }, { ...second!, id: crypto.randomUUID(), pseudonym: 'Outlet D' }];
    assessment.impacts = assessment.impacts!.map((impact) => ({ ...impact, evidence: [] }));
    assessmentId = (await rpc<{ id: string }>(page, 'assessments.save', assessment)).id;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('opens the package on its findings with the other parts closed and summarised', async () => {
    await page.goto(`${server.origin}/plans/packages/${packageId}`);
    await page.getByLabel('Package title').waitFor({ timeout: 30_000 });
    expect(await page.locator('details[data-section="package.findings"]').getAttribute('open')).not.toBeNull();
    for (const name of PACKAGE_SECTIONS.slice(1)) expect(await page.locator(`details[data-section="${name}"]`).getAttribute('open')).toBeNull();
    const line = (name: string) => page.locator(`details[data-section="${name}"] > summary`).textContent();
    expect(await line('package.findings')).toContain('2 of 3 findings confirmed by a reviewer, 3 in the package');
    expect(await line('package.asks')).toContain('5 asks written, 5 in the package');
    expect(await line('package.partners')).toContain('2 partners');

    const measured = await heights(page);
    console.log(JSON.stringify({ name: 'package editor height, 1280x800, 3 findings, 5 asks', unit: 'px', value: measured.closed, allSectionsOpen: measured.allOpen }));
    await screenshot(page, 'package-editor-sections');
    expect(measured.closed).toBeLessThan(measured.allOpen);
  });

  it('keeps a package section the user opened open after a reload, and its fields fill as before', async () => {
    await page.locator('details[data-section="package.methodology"] > summary').click();
    await page.getByLabel('Verification steps').fill('Each notice matched to an archived copy.');
    await page.reload();
    await page.getByLabel('Package title').waitFor({ timeout: 30_000 });
    expect(await page.locator('details[data-section="package.methodology"]').getAttribute('open')).not.toBeNull();
    expect(await page.locator('details[data-section="package.asks"]').getAttribute('open')).toBeNull();
    await page.evaluate(() => window.localStorage.clear());
  });

  it('closes each stakeholder’s consent to one line on the team phase', async () => {
    await page.goto(`${server.origin}/assessments/${assessmentId}/team`);
    await page.locator('#stakeholder-0-pseudonym').waitFor({ timeout: 30_000 });
    const consents = page.locator('details[data-section="assessment.consent"]');
    expect(await consents.count()).toBe(4);
    expect(await consents.first().locator('summary').textContent()).toContain('Consent: 4 of 4 recorded');
    const measured = await heights(page);
    console.log(JSON.stringify({ name: 'assessment team phase height, 1280x800, 4 stakeholders', unit: 'px', value: measured.closed, allSectionsOpen: measured.allOpen }));
    await screenshot(page, 'assessment-team-sections');
    expect(measured.closed).toBeLessThan(measured.allOpen);
  });

  it('closes sources and review, the steps before publication and the report to one line each on the findings phase', async () => {
    await page.goto(`${server.origin}/assessments/${assessmentId}/findings`);
    await page.locator('#finding-0-title').waitFor({ timeout: 30_000 });
    const line = (name: string) => page.locator(`details[data-section="${name}"] > summary`).first().textContent();
    expect(await line('assessment.findings')).toContain('1 of 2 findings confirmed by a reviewer');
    expect(await line('assessment.sourcesReview')).toMatch(/2 sources, confirmed on Mar 2, 2026/);
    expect(await line('assessment.beforePublication')).toContain('Validation: Returned and discussed · Right of reply: The company replied · Legal review: Done');
    const measured = await heights(page);
    console.log(JSON.stringify({ name: 'assessment findings phase height, 1280x800, 2 findings', unit: 'px', value: measured.closed, allSectionsOpen: measured.allOpen }));
    await screenshot(page, 'assessment-findings-sections');
    expect(measured.closed).toBeLessThan(measured.allOpen);
  });
});
