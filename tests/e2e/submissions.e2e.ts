// From the record to the filing in Chromium: a plan step "UN Special Rapporteur" offers the Special
// Procedures communication and starts it prefilled from the plan's evidence package; the user fixes
// the panel's warnings (a victim's consent, the domestic steps) and exports DOCX, read back with a
// real parser. From the same package a UPR submission shows its live word count and warns once the
// text runs over the individual-submission limit. Nothing may leave 127.0.0.1.
import fs from 'node:fs';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Submission } from '@shared/api/submissions';
import { passIdentityStep } from './export-ui';
import { foreignRequests, openSignedInPage, rpc, screenshot, type SignedInPage, type WebServer } from './harness';
import { createVaultThroughUi, E2E_PASSPHRASE } from './vault-ui';

const FINDING = 'Independent media accounts were removed after a government request, without notice.';
const DOMESTIC_STEPS = 'Complaint to the Ministry of Information on 5 October 2026; no reply by 1 December.';

describe('submission drafts in browser mode', () => {
  let app: SignedInPage;
  let server: WebServer;
  let page: Page;
  let planId = '';
  let packageId = '';

  const panel = () => page.getByTestId('requirements-panel');

  beforeAll(async () => {
    app = await openSignedInPage({ acceptDownloads: true });
    ({ server, page } = app);
    await page.goto(`${server.origin}/submissions`);
    await createVaultThroughUi(page);
    await page.getByRole('heading', { name: 'No submission drafts yet' }).waitFor({ timeout: 30_000 });

    const company = await rpc<{ id: string }>(page, 'companies.save', { name: 'Example Platform', sector: 'social-media', hqCountry: 'JP' });
    await rpc(page, 'engagements.save', { occurredAt: '2026-10-01T09:00:00.000Z', companyId: company.id, channel: 'call', title: 'Call with trust and safety', notes: 'They promised a review.' });
    const plan = await rpc<{ id: string }>(page, 'plans.save', {
      title: 'Restore removed accounts',
      objective: 'Reinstate the accounts of independent media.',
      companyId: company.id,
      harmCountries: ['VN'],
      steps: [{ id: crypto.randomUUID(), stage: 'un', title: 'UN Special Rapporteur', mechanismId: 'sr-freedom-of-expression', mandates: ['freedom-of-expression'] }],
    });
    planId = plan.id;
    const pkg = await rpc<{ id: string }>(page, 'packages.save', {
      title: 'Evidence of the removals',
      planId,
      companyId: company.id,
      findings: [{ id: crypto.randomUUID(), title: 'Accounts removed', statement: FINDING }],
      asks: [{ id: crypto.randomUUID(), audience: 'government', text: 'Stop ordering removals without a court order.' }],
    });
    packageId = pkg.id;
  });

  afterAll(async () => {
    await app?.close();
  });

  it('offers the Special Procedures communication from the plan step and starts it prefilled from the plan’s package', async () => {
    await page.goto(`${server.origin}/plans/edit/${planId}`);
    const step = page.getByRole('listitem', { name: 'Step 1', exact: true });
    await step.waitFor();
    const start = step.getByRole('link', { name: 'Draft a submission from UN Special Rapporteur' });
    if (!(await start.isVisible())) await step.getByText('Mechanism, trigger, outcome and diary entries').click();
    await start.click();

    await page.getByRole('heading', { name: 'Draft a submission' }).waitFor();
    const fits = page.getByRole('group', { name: 'The route that fits' });
    expect(await fits.getByRole('radio').count()).toBe(1);
    expect(await fits.getByRole('radio', { name: /Special Procedures communication/ }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Start the draft: Special Procedures communication' }).click();
    await page.waitForURL(/\/submissions\/[0-9a-f-]{36}$/);

    await page.getByRole('heading', { name: 'Requirements' }).waitFor();
    const body = await page.getByLabel('Text of the submission (Markdown)').inputValue();
    expect(body).toContain(FINDING);
    await expect.poll(() => panel().textContent()).toContain('No domestic steps are described');
  });

  it('clears the warnings as the user records a victim’s consent and describes the domestic steps', async () => {
    await page.getByRole('button', { name: 'Add a victim' }).click();
    await page.getByLabel('Pseudonym of victim 1').fill('Journalist A');
    await page.getByLabel('We know the real name of victim 1').check();
    await expect.poll(() => panel().textContent()).toContain('The real name of Journalist A is known, but their consent to be named to the government is not recorded.');
    expect(await page.getByTestId('victim-consent').textContent()).toBe('Record whether Journalist A agrees to be named to the government before filing.');

    await page.getByLabel('Victim 1: consent to be named to the government').selectOption('given');
    await page.getByLabel('Domestic steps taken').fill(DOMESTIC_STEPS);
    await expect.poll(() => panel().textContent()).not.toContain('consent to be named to the government is not recorded');
    await expect.poll(() => panel().textContent()).not.toContain('No domestic steps are described');
    expect(await page.getByTestId('victim-consent').textContent()).toBe('Journalist A agreed to be named to the government.');
    expect(await panel().textContent()).toContain('Nothing blocks filing');

    // The structured field answers the check; the filing itself prints the body, so the steps go
    // under the body's own heading too, as a user writes them.
    const bodyField = page.getByLabel('Text of the submission (Markdown)');
    const body = await bodyField.inputValue();
    expect(body).toMatch(/^#+ Domestic steps taken$/m);
    await bodyField.fill(body.replace(/^(#+ Domestic steps taken)$/m, `$1\n\n${DOMESTIC_STEPS}`));
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.getByTestId('save-state').textContent()).toMatch(/^Saved/);
    const id = page.url().split('/').pop()!;
    const saved = await rpc<Submission>(page, 'submissions.get', { id });
    expect(saved.fields).toMatchObject({ route: 'spCommunication', domesticSteps: DOMESTIC_STEPS, victims: [{ pseudonym: 'Journalist A', realNameKnown: true, consentToBeNamed: 'given' }] });
    expect(saved.source).toEqual({ kind: 'planStep', planId, stepId: expect.any(String) });
    await screenshot(page, 'submissions-sp-editor');
  });

  it('exports the communication as DOCX through the identity check, with a neutral name and no hash appendix', async () => {
    await page.getByRole('button', { name: 'Word (DOCX)', exact: true }).click();
    await page.getByRole('alertdialog').getByText('This copy leaves the encrypted vault').waitFor();
    await passIdentityStep(page.getByRole('alertdialog'));
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^(Save|Export) the Word file/ }).click()]);
    const name = download.suggestedFilename();
    expect(name).toMatch(/^[a-z]+-\d{4}-\d{2}-\d{2}\.docx$/);
    expect(name).not.toMatch(/example|platform|special|rapporteur/i);
    const text = (await mammoth.extractRawText({ buffer: fs.readFileSync(await download.path()) })).value;
    expect(text).toContain(DOMESTIC_STEPS);
    expect(text).toContain(FINDING);
    expect(text).toContain('Journalist A');
    expect(text).not.toMatch(/evidence hashes/i);
  });

  it('starts a UPR submission from the same package and counts its words live against the individual limit', async () => {
    await page.goto(`${server.origin}/plans/packages/${packageId}`);
    await page.getByRole('link', { name: 'Draft a submission' }).click();
    await page.getByRole('heading', { name: 'Draft a submission' }).waitFor();
    await page.getByRole('radio', { name: /UPR stakeholder submission/ }).check();
    await page.getByRole('button', { name: 'Start the draft: UPR stakeholder submission' }).click();
    await page.waitForURL(/\/submissions\/[0-9a-f-]{36}$/);

    const count = page.getByTestId('word-count');
    await expect.poll(() => count.textContent()).toMatch(/^[\d,]+ of [\d,]+ words \(individual submission\)$/);
    const limit = Number((await count.textContent())!.match(/of ([\d,]+) words/)![1]!.replaceAll(',', ''));
    expect(limit).toBeGreaterThan(1000);

    const bodyField = page.getByLabel('Text of the submission (Markdown)');
    await bodyField.fill('The State should repeal the decree. '.repeat(2));
    expect(await count.textContent()).toBe(`12 of ${limit.toLocaleString('en')} words (individual submission)`);
    expect(await count.getAttribute('data-state')).toBe('within');

    const words = Array.from({ length: limit + 25 }, (_, i) => `word${i}`).join(' ');
    await bodyField.fill(words);
    expect(await count.getAttribute('data-state')).toBe('over');
    expect(await count.textContent()).toContain('25 words over the limit.');
    await expect.poll(() => panel().textContent()).toContain(`the limit for an individual submission is ${limit.toLocaleString('en')}`);
    await screenshot(page, 'submissions-upr-over-limit');
  });

  it('keeps words typed into the draft just before the vault locks', async () => {
    const bodyField = page.getByLabel('Text of the submission (Markdown)');
    await bodyField.fill('Kept across the lock.');
    // No pause: the delayed draft save has not run when the lock key arrives.
    await bodyField.pressSequentially(' Typed at the last moment.', { delay: 5 });
    await bodyField.press('Control+Shift+L');
    await page.getByRole('button', { name: 'Unlock' }).waitFor();
    await page.getByLabel('Passphrase').fill(E2E_PASSPHRASE);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect.poll(() => page.getByLabel('Text of the submission (Markdown)').inputValue()).toBe('Kept across the lock. Typed at the last moment.');
    await expect.poll(() => page.getByTestId('word-count').textContent()).toMatch(/^9 of [\d,]+ words/);
  });

  it('logs the company’s answer to a right-of-reply letter as a diary entry linked from the draft', async () => {
    await page.goto(`${server.origin}/submissions/new?packageId=${packageId}`);
    await page.getByRole('radio', { name: /Right-of-reply letter/ }).check();
    await page.getByRole('button', { name: 'Start the draft: Right-of-reply letter' }).click();
    await page.waitForURL(/\/submissions\/[0-9a-f-]{36}$/);
    await page.getByLabel('Sent on').fill('2026-11-20');
    await page.getByLabel('Reply deadline').fill('2026-12-04');
    const logButton = page.getByRole('button', { name: 'Log the reply' });
    expect(await logButton.isDisabled()).toBe(true);
    await page.getByText('Save the draft first: the reply is logged against the saved draft.').waitFor();
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.getByTestId('save-state').textContent()).toMatch(/^Saved/);

    await page.getByLabel('What the company replied').fill('The company disputes the second finding and will publish its own figures.');
    await logButton.click();
    await page.getByText("The company's reply is logged in the diary.").waitFor();
    const id = page.url().split('/').pop()!;
    const saved = await rpc<Submission>(page, 'submissions.get', { id });
    expect(saved.fields).toMatchObject({ route: 'rightOfReply', sentOn: '2026-11-20', replyDeadline: '2026-12-04', replyEngagementId: expect.any(String) });
    await page.getByRole('link', { name: 'Open the diary entry' }).click();
    await page.waitForURL(/\/diary\/entries\/[0-9a-f-]{36}$/);
    const entryId = page.url().split('/').pop()!;
    expect(saved.fields).toMatchObject({ replyEngagementId: entryId });
    const entry = await rpc<{ notes: string; companyId: string | null }>(page, 'engagements.get', { id: entryId });
    expect(entry.notes).toContain('The company disputes the second finding');
    expect(entry.companyId).toBe(saved.companyIds[0]);
  });

  it('lists the drafts with their route and status', async () => {
    await page.goto(`${server.origin}/submissions`);
    const list = page.getByRole('list', { name: 'Submission drafts' });
    await list.getByRole('listitem').nth(1).waitFor();
    const text = await list.textContent();
    expect(text).toContain('Special Procedures communication');
    expect(text).toContain('UPR stakeholder submission');
    expect(text).toContain('Drafting');
  });

  it('made no request to any host but 127.0.0.1 and raised no page errors', () => {
    expect(foreignRequests(app.requests)).toEqual([]);
    expect(app.pageErrors).toEqual([]);
  });
});
