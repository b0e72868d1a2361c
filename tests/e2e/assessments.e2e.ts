// Journey 5: a research team runs CLARITI on a platform — the safety step, the eight phases, an
// impact from a pseudonymised interview linked to a diary entry, recommendations, a compiled report
// exported and read back, the anonymisation warning when a real name slips into a quotation, and
// phase 8 making a plan and a package. Examples are added and removed on request.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Request } from 'playwright-core';
import { tempDir } from '../helpers/temp';
import { foreignRequests, openSignedInPage, screenshot, type SignedInPage, type WebServer } from './harness';
import { passIdentityStep } from './export-ui';
import { openSections } from './sections-ui';
import { createVaultThroughUi } from './vault-ui';

const REAL_NAME = 'Nguyễn Thị Hoa';

describe('a CLARITI shadow assessment in browser mode', () => {
  let app: SignedInPage;
  let server: WebServer;
  let page: Page;

  const steps = () => page.getByRole('navigation', { name: 'Assessment steps' });
  const openStep = async (name: RegExp) => {
    await steps().getByRole('link', { name }).click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
  };
  const saveAndWait = async () => {
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.getByTestId('save-state').textContent()).toMatch(/^Saved/);
  };
  /**
   * Exports through the confirmation (each flag left as decided, or marked fine, and the question
   * about dates, places, sizes and roles answered) and returns the downloaded file's path; a null
   * button means the dialog is already open.
   */
  const exportAs = async (button: string | null, confirm: RegExp) => {
    if (button) await page.getByRole('group', { name: 'Export the report' }).getByRole('button', { name: button, exact: true }).click();
    await passIdentityStep(page.getByRole('alertdialog'));
    const download = page.waitForEvent('download', { timeout: 30_000 });
    await page.getByRole('button', { name: confirm }).click();
    const file = path.join(tempDir('assessment-download-'), (await download).suggestedFilename());
    await (await download).saveAs(file);
    return file;
  };

  beforeAll(async () => {
    app = await openSignedInPage({ acceptDownloads: true });
    ({ server, page } = app);
    await page.goto(`${server.origin}/assessments`);
    await createVaultThroughUi(page);
    await page.getByRole('heading', { name: 'CLARITI assessments' }).waitFor({ timeout: 30_000 });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('offers the examples from an honest empty state, badges them and removes them in one action', async () => {
    await page.getByRole('heading', { name: 'No assessments yet' }).waitFor();
    await page.getByRole('button', { name: 'Add example assessments' }).click();
    const list = page.getByTestId('assessment-list');
    await list.getByText('Example: Facebook in Vietnam', { exact: false }).waitFor();
    expect(await list.getByText('Example', { exact: true }).count()).toBe(2);
    await screenshot(page, 'assessments-examples');
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Remove examples' }).click();
    await page.getByRole('heading', { name: 'No assessments yet' }).waitFor();
  });

  it('has a diary entry to cite as evidence', async () => {
    await page.goto(`${server.origin}/diary/companies/new`);
    await page.getByLabel('Name', { exact: true }).fill('Example Platform');
    await page.getByRole('button', { name: 'Save company' }).click();
    await page.waitForURL(/\/diary\/companies\/[0-9a-f-]{36}$/);
    await page.getByRole('link', { name: 'Log an engagement with this company' }).click();
    await page.getByLabel('Short title').fill('Interview notes, Activist A');
    await page.getByLabel('Date and time').fill('2026-03-01T10:00');
    await page.getByRole('button', { name: 'Save entry' }).click();
    await page.waitForURL(/\/diary\/entries\/[0-9a-f-]{36}$/);
  });

  it('starts with Safety first and keeps the phases closed until it is answered', async () => {
    await page.goto(`${server.origin}/assessments`);
    await page.getByRole('link', { name: 'Start an assessment' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Safety first' }).waitFor();
    await page.getByText("consult your organisation's security protocol before beginning any assessment process").waitFor();
    await page.getByLabel('Title of the assessment').fill('Example Platform in Vietnam');
    await page.getByLabel('Platform or service assessed').fill('Example Platform');
    await page.getByTestId('safety-missing').waitFor();
    expect(await steps().getByRole('link', { name: /Define purpose/ }).count()).toBe(0);

    await page.getByLabel('We consulted our security protocol for this assessment').check();
    await page.getByLabel('Risk level').selectOption('high');
    await page.getByLabel('Mitigations').fill('Signal only; pseudonyms; the vault never crosses a border.');
    await steps().getByRole('link', { name: /Define purpose/ }).waitFor();
    await page.keyboard.press('Control+s');
    await page.waitForURL(/\/assessments\/[0-9a-f-]{36}\/safety$/);
    await expect.poll(() => page.getByTestId('save-state').textContent()).toMatch(/^Saved/);
  });

  it('works through phases 1 to 4', async () => {
    await openStep(/Define purpose/);
    await page.getByText('Clarify the scope, objectives and audience for the assessment').waitFor();
    await page.getByLabel('Scope').fill('Example Platform in Vietnam, 2025');
    await page.getByLabel('Objectives').fill('Document wrongful removals of independent media');
    await page.getByLabel('Audience').fill('The company and the UN Special Rapporteur');
    await page.getByText('This phase is complete.').waitFor();

    await openStep(/Prepare the team/);
    await page.getByRole('button', { name: 'Add a team member' }).click();
    await page.locator('#member-0-name').fill('Researcher One');
    await page.locator('#member-0-role').fill('Lead researcher');
    await page.getByRole('button', { name: 'Add a stakeholder' }).click();
    await page.locator('#stakeholder-0-pseudonym').fill('Activist A');
    await page.locator('#stakeholder-0-group').fill('Activists');
    // Consent is asked for each use; a UN submission is refused here.
    await openSections(page, 'assessment.consent');
    await page.locator('#stakeholder-0-consent-publication').selectOption('given');
    await page.locator('#stakeholder-0-consent-company').selectOption('given');
    await page.locator('#stakeholder-0-consent-unSubmission').selectOption('refused');
    await page.locator('#stakeholder-0-citation').selectOption('anonymous');
    await page.locator('#stakeholder-0-consent-by').selectOption({ label: 'Lead researcher' });
    await page.locator('#stakeholder-0-consent-on').fill('2026-02-20');
    await page.getByLabel('Real name (private, optional)').fill(REAL_NAME);
    await page.getByText('This phase is complete.').waitFor();

    await openStep(/Scope issues/);
    await page.getByRole('button', { name: 'Add a concern' }).click();
    await page.locator('#issue-0-concern').fill('Wrongful removal of lawful expression');
    await page.getByLabel('Article 19, UDHR & ICCPR', { exact: true }).check();
    await page.getByText('This phase is complete.').waitFor();

    await openStep(/Analyse legal context/);
    await page.getByRole('button', { name: 'Add a law or policy' }).click();
    await page.locator('#legal-0-name').fill('Online content controls');
    await page.getByText('This phase is complete.').waitFor();
    await saveAndWait();
  });

  it('documents an impact from a pseudonymised interview linked to the diary entry', async () => {
    await openStep(/Document impacts/);
    await page.getByRole('button', { name: 'Add an impact' }).click();
    await page.locator('#impact-0-title').fill('Posts removed');
    await page.locator('#impact-0-what').fill('Activist A: "Người dùng bị gỡ bỏ nội dung mà không được giải thích."');
    await page.getByRole('group', { name: 'Who was affected' }).getByLabel('Activist A').check();
    await page.locator('#impact-0-harm').selectOption('wrongful-removal');
    // Severity is not assessed until rated, and the overall level is derived, never chosen.
    await expect.poll(() => page.getByTestId('impact-0-overall-severity').textContent()).toBe('Overall severity: not assessed');
    await page.locator('#impact-0-scale').selectOption('serious');
    await page.locator('#impact-0-scope').selectOption('group');
    await expect.poll(() => page.getByTestId('impact-0-overall-severity').textContent()).toContain('still to rate: Irremediability');
    await page.locator('#impact-0-irremediability').selectOption('remediable-with-effort');
    await expect.poll(() => page.getByTestId('impact-0-overall-severity').textContent()).toBe('Overall severity: High');
    await page.locator('#impact-0-involvement').selectOption('causes');
    // The diary entry is found by searching the diary and linked with the pointer; the picker asks
    // for one page of matches at a time, never for the whole diary.
    const diaryQueries: Array<{ limit?: number; ids?: string[] }> = [];
    const recordDiaryQuery = (request: Request) => request.url().endsWith('/rpc/engagements.list') && diaryQueries.push(request.postDataJSON());
    page.on('request', recordDiaryQuery);
    await page.getByRole('combobox', { name: 'Diary entries cited' }).fill('activist');
    await page.getByRole('option', { name: /Interview notes, Activist A/ }).click();
    await page.getByRole('list', { name: 'Diary entries cited: Linked' }).getByText(/Interview notes, Activist A/).waitFor();
    await page.getByRole('combobox', { name: 'Diary entries cited' }).press('Escape');
    page.off('request', recordDiaryQuery);
    expect(diaryQueries.length).toBeGreaterThan(0);
    expect(diaryQueries.filter((query) => !query.ids && (query.limit ?? Infinity) > 20)).toEqual([]);
    await openSections(page, 'assessment.sourcesReview');
    await page.getByRole('button', { name: 'Add a source' }).click();
    await page.locator('#impact-0-source-0-text').fill('Interview 1, March 2026');
    await page.locator('#impact-0-reviewer').fill('Lead reviewer');
    await page.locator('#impact-0-confirmed').fill('2026-03-05');
    await page.getByText('This phase is complete.').waitFor();
    await saveAndWait();
    await page.getByText(/pinned [0-9a-f]{16}…/).waitFor();
  });

  it('writes recommendations and a finding, then assembles and exports the report', async () => {
    await openStep(/Develop recommendations/);
    await page.getByRole('button', { name: 'Add a recommendation to the company' }).click();
    await page.locator('#recommendation-0-text').fill('Publish every government takedown request.');
    await page.getByRole('button', { name: 'Add a recommendation to governments' }).click();
    await page.locator('#recommendation-1-text').fill('Stop removal orders without judicial review.');
    await page.getByText('This phase is complete.').waitFor();

    await openStep(/Compile findings/);
    await page.getByRole('button', { name: 'Add a finding' }).click();
    await page.locator('#finding-0-title').fill('Removals silence independent media');
    await page.locator('#finding-0-statement').fill('Independent media lost their posts without explanation.');
    await openSections(page, 'assessment.sourcesReview', 'assessment.beforePublication', 'assessment.report');
    await page.getByRole('button', { name: 'Add a source' }).click();
    await page.locator('#finding-0-source-0-text').fill('Interview 1');
    await page.locator('#finding-0-corroboration').selectOption('single-source');
    await page.locator('#finding-0-corroboration-note').fill('The removal notices are public.');
    // Right of reply through a partner, and the company's response printed in the report.
    await page.locator('#reply-status').selectOption('replied');
    await page.locator('#reply-route').selectOption('partner');
    await page.locator('#reply-partner').fill('An international partner');
    await page.locator('#reply-sent').fill('2026-03-10');
    await page.locator('#reply-deadline').fill('2026-04-10');
    await page.locator('#reply-on').fill('2026-04-01');
    await page.locator('#reply-response').fill('We act on valid legal requests only.');
    await page.getByTestId('unconfirmed').getByText('Finding 1: Removals silence independent media').waitFor();
    await page.getByRole('button', { name: 'Assemble the report from the phases' }).click();
    await expect.poll(() => page.getByLabel('Report (Markdown)').inputValue()).toContain('## 5. Documented impacts');
    await saveAndWait();
    await screenshot(page, 'assessment-findings');

    const markdownFile = await exportAs('Markdown', /^Save the Markdown file$/);
    // The file name says neither the topic nor the tool unless a descriptive name is asked for.
    expect(path.basename(markdownFile)).toMatch(/^document-\d{4}-\d{2}-\d{2}\.md$/);
    const markdown = fs.readFileSync(markdownFile, 'utf8');
    expect(markdown).toContain('Example Platform in Vietnam');
    expect(markdown).toContain('Người dùng bị gỡ bỏ nội dung mà không được giải thích.');
    expect(markdown).toContain('Removals silence independent media');
    expect(markdown).toContain('Items awaiting review');
    expect(markdown).toContain('Appendix: evidence hashes');
    expect(markdown).toMatch(/Interview notes, Activist A/);
    expect(markdown).not.toContain(REAL_NAME);
    expect(markdown).not.toContain('Signal only');
    expect(markdown).toContain('Severity: High (scale: serious; scope: a group or community; irremediability: remediable with effort)');
    expect(markdown).toContain("The company's response");
    expect(markdown).toContain('We act on valid legal requests only.');
    // The team and reviewers by role only.
    expect(markdown).not.toContain('Researcher One');
    expect(markdown).not.toContain('Lead reviewer');

    const pdf = await exportAs('PDF', /^Save the PDF file$/);
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('Removals silence independent media');
    expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).not.toMatch(/Example Platform|Vietnam|CLARITI|Workbench/i);
    expect(text).not.toContain(REAL_NAME);
  });

  it('warns, with where and the words around it, when a real name slips into a quotation, and asks before exporting it', async () => {
    await openStep(/Document impacts/);
    await page.locator('#impact-0-what').fill('Activist A: "Người dùng bị gỡ bỏ nội dung," said nguyen thi hoa after the call.');
    const warnings = page.getByTestId('name-warnings');
    await warnings.getByText('Phase 5 · Impact 1 · What happened').waitFor();
    expect(await warnings.locator('mark').textContent()).toBe('nguyen thi hoa');
    await warnings.getByText('the real name of Activist A').waitFor();
    await screenshot(page, 'assessment-name-warning');
    await saveAndWait();

    await openStep(/Compile findings/);
    // The check reads the report as printed: compiled again, it now quotes the real name.
    page.once('dialog', (replace) => void replace.accept());
    await page.getByRole('button', { name: 'Assemble the report from the phases' }).click();
    await expect.poll(() => page.getByLabel('Report (Markdown)').inputValue()).toContain('nguyen thi hoa');
    await saveAndWait();
    await page.getByRole('group', { name: 'Export the report' }).getByRole('button', { name: 'Markdown', exact: true }).click();
    const flagged = () => page.getByRole('alertdialog').getByTestId('identity-flag').filter({ hasText: 'nguyen thi hoa' }).first();
    await flagged().waitFor();
    // The safe action is primary and has focus; exporting anyway needs the box ticked first.
    const back = page.getByRole('button', { name: 'Go back and fix' });
    expect(await back.evaluate((button) => button === document.activeElement && button.classList.contains('primary'))).toBe(true);
    expect(await page.getByRole('button', { name: /with the flagged items/ }).isDisabled()).toBe(true);
    await screenshot(page, 'assessment-export-flagged');
    await page.keyboard.press('Enter');
    await flagged().waitFor({ state: 'detached' });
    // The stakeholder's real name is replaced by their pseudonym, offered as the replacement.
    await page.getByRole('group', { name: 'Export the report' }).getByRole('button', { name: 'Markdown', exact: true }).click();
    await flagged().getByRole('radio', { name: 'Replace with pseudonym' }).check();
    expect(await flagged().getByRole('textbox', { name: 'Print instead' }).inputValue()).toBe('Activist A');
    const file = fs.readFileSync(await exportAs(null, /^Save the Markdown file$/), 'utf8');
    expect(file).not.toContain('nguyen thi hoa');
    expect(file).not.toContain(REAL_NAME);
  });

  it('turns the results into a plan and a package in one step', async () => {
    await openStep(/Use the results/);
    await page.getByRole('button', { name: 'Make the plan and the package' }).click();
    await page.getByRole('link', { name: 'Open the strategy plan' }).waitFor();
    await page.getByRole('link', { name: 'Open the evidence package' }).waitFor();
    await expect.poll(() => page.getByTestId('phase-count').textContent()).toMatch(/of 8 phases complete/);
  });

  it('made no request to any host but 127.0.0.1', () => {
    expect(foreignRequests(app.requests)).toEqual([]);
    expect(app.pageErrors).toEqual([]);
  });
});
