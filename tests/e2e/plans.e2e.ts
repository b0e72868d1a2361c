// Journeys 3 and 4: start an escalation plan from the template, link two diary entries and a
// mechanism, reorder the ladder by keyboard, write an evidence package with five asks, and export
// it in all four formats, each opened with a real parser. Nothing may leave 127.0.0.1.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Request } from 'playwright-core';
import type { EvidencePackage } from '@shared/api/plans';
import { foreignRequests, openSignedInPage, RESULTS_DIR, rpc, screenshot, type SignedInPage, type WebServer } from './harness';
import { passIdentityStep } from './export-ui';
import { openSections } from './sections-ui';
import { createVaultThroughUi } from './vault-ui';

const VIETNAMESE = 'Tài khoản của báo độc lập bị gỡ bỏ không rõ lý do.';
const CHINESE = '账号被封禁，没有任何解释。';


describe('escalation plans and evidence packages in browser mode', () => {
  let app: SignedInPage;
  let server: WebServer;
  let page: Page;
  let packageId = '';

  beforeAll(async () => {
    app = await openSignedInPage({ acceptDownloads: true });
    ({ server, page } = app);
    await page.goto(`${server.origin}/plans`);
    await createVaultThroughUi(page);
    await page.getByRole('heading', { name: 'No plans yet' }).waitFor({ timeout: 30_000 });

    const company = await rpc<{ id: string }>(page, 'companies.save', { name: 'Example Platform', sector: 'social-media', hqCountry: 'JP' });
    for (const [title, occurredAt] of [
      ['Video call with trust and safety', '2026-10-01T09:00:00.000Z'],
      ['Follow-up call on removals', '2026-10-20T09:00:00.000Z'],
    ]) {
      await rpc(page, 'engagements.save', { occurredAt, companyId: company.id, channel: 'call', title, notes: VIETNAMESE });
    }
  });

  afterAll(async () => {
    await app?.close();
  });

  it('starts a plan from the several-directions template, links two engagements and says the NCP route is open', async () => {
    await page.getByRole('link', { name: 'Start a plan' }).first().click();
    await page.getByLabel('Target company').selectOption({ label: 'Example Platform' });
    await page.getByRole('button', { name: 'Use the template Pressure from several directions' }).click();
    await page.waitForURL(/\/plans\/edit\/new\?template=full-ladder/);
    await page.getByLabel('Plan title').fill('Escalate wrongful removals');
    await page.getByLabel('Objective', { exact: true }).fill('Restore the independent media accounts that were removed.');
    // The picker searches the diary: one entry picked with the pointer, one with the keyboard.
    const linked = page.getByRole('combobox', { name: 'Linked diary entries' });
    await linked.fill('video call');
    await page.getByRole('option', { name: /Video call with trust and safety/ }).click();
    await linked.fill('removals');
    await page.getByRole('option', { name: /Follow-up call on removals/ }).waitFor();
    await linked.press('Enter');
    const chips = page.getByRole('list', { name: 'Linked diary entries: Linked' });
    await chips.getByText(/Follow-up call on removals/).waitFor();
    expect(await chips.getByText(/Video call with trust and safety/).count()).toBe(1);

    const oecd = page.getByTestId('oecd-adherence');
    await expect.poll(() => oecd.textContent()).toContain('Japan, the enterprise’s home state, adheres');
    expect(await oecd.textContent()).toContain('This plan already has an OECD NCP step.');
    expect(await page.getByRole('heading', { name: /^Step \d+: OECD National Contact Point complaint/ }).count()).toBe(1);
  });

  it('links a mechanism to a step and shows its how-to and timing inline', async () => {
    const step = page.getByRole('listitem', { name: 'Step 6', exact: true });
    await step.getByText('Mechanism, trigger, outcome and diary entries').click();
    await step.getByLabel('Mechanism from the directory').selectOption('sr-privacy');
    const guide = step.getByTestId('mechanism-guide');
    await guide.waitFor();
    expect(await guide.textContent()).toContain('UN Special Rapporteur on the Right to Privacy');
    expect(await guide.textContent()).toContain('Timing:');
    await step.getByLabel('…no reply by').fill('2026-12-01');
  });

  it('reorders steps by keyboard and by button, with focus following the step', async () => {
    const second = page.getByRole('listitem', { name: 'Step 2', exact: true });
    const title = await second.getByLabel('What we will do').inputValue();
    await second.getByRole('button', { name: /^Step 2, .*drag to reorder/ }).focus();
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(() => page.getByRole('listitem', { name: 'Step 1', exact: true }).getByLabel('What we will do').inputValue()).toBe(title);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '')).toMatch(/^Step 1, /);
    await page.getByRole('button', { name: `Move ${title} down` }).click();
    await expect.poll(() => page.getByRole('listitem', { name: 'Step 2', exact: true }).getByLabel('What we will do').inputValue()).toBe(title);
  });

  it('saves the plan with the six principles ticked where done', async () => {
    await page.locator('details[data-section="plan.principles"] > summary').click();
    await page.getByRole('group', { name: /Prioritise Safety/ }).getByRole('checkbox').check();
    await page.getByLabel('How we did this: Prioritise Safety').fill('Signal only; names pseudonymised.');
    await page.keyboard.press('Control+s');
    await page.waitForURL(/\/plans\/edit\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: 'Export' }).waitFor();
    const saved = await rpc<{ engagementIds: string[] }>(page, 'plans.get', { id: page.url().split('/').pop() });
    expect(saved.engagementIds).toHaveLength(2);
    await screenshot(page, 'plans-editor');
    // The ladder's top for a person to look at: the OECD hint, step cards and their focus ring.
    await page.getByRole('listitem', { name: 'Step 1', exact: true }).getByRole('button', { name: /drag to reorder/ }).focus();
    await page.screenshot({ path: `${RESULTS_DIR}/plans-ladder.png` });
  });

  it('writes an evidence package with two findings, five asks and a methodology, and is not ready while a finding is unconfirmed without a reason', async () => {
    // The editor asks the diary for one page of matches at a time, never for the whole diary.
    const diaryQueries: Array<{ limit?: number; ids?: string[] }> = [];
    const recordDiaryQuery = (request: Request) => request.url().endsWith('/rpc/engagements.list') && diaryQueries.push(request.postDataJSON());
    page.on('request', recordDiaryQuery);
    await page.getByRole('link', { name: 'Write an evidence package' }).click();
    await page.getByRole('heading', { name: 'New evidence package' }).waitFor();
    const readiness = page.getByTestId('package-readiness');
    await expect.poll(() => readiness.textContent()).toContain('0 findings and 0 asks chosen');

    await page.getByLabel('Package title').fill('Before the UN RBHR Forum: Example Platform');
    for (const [index, statement, entry] of [
      [0, `Independent media removed. ${VIETNAMESE}`, /Video call with trust and safety/],
      [1, `Accounts restricted. ${CHINESE}`, /Follow-up call on removals/],
    ] as const) {
      const finding = page.getByRole('group', { name: `Finding ${index + 1}` });
      await finding.getByLabel('What we found').fill(statement);
      // The finding's picker searches the diary; the entry is linked with the keyboard.
      const picker = finding.getByRole('combobox', { name: 'Diary entries' });
      await picker.fill(index === 0 ? 'video call' : 'removals');
      await page.getByRole('option', { name: entry }).waitFor();
      await picker.press('Enter');
      await finding.getByRole('list', { name: 'Diary entries: Linked' }).getByText(entry).waitFor();
    }
    page.off('request', recordDiaryQuery);
    expect(diaryQueries.length).toBeGreaterThan(0);
    expect(diaryQueries.filter((query) => !query.ids && (query.limit ?? Infinity) > 20)).toEqual([]);
    // The first finding is confirmed by a reviewer, recorded by role and date; the second is not.
    await openSections(page, 'package.findingReview');
    const confirmed = page.getByRole('group', { name: 'Finding 1' });
    await confirmed.getByLabel('Review status').selectOption('confirmed');
    await confirmed.getByLabel('Reviewer’s role').fill('Legal adviser');
    await confirmed.getByLabel('Date of the review').fill('2026-11-20');
    await openSections(page, 'package.risks', 'package.asks', 'package.methodology', 'package.forum', 'package.partners');
    await page.getByLabel('Risks and impacts').fill('Independent media lose their audience; activists self-censor.');
    const asks = ['Publish every government takedown request.', 'Name a regional escalation contact.', 'Consult affected communities.', 'Stop takedown orders without judicial review.', 'Repeal the decree on online content.'];
    for (const [i, text] of asks.entries()) {
      await page.locator(`#ask-${i}-text`).fill(text);
      if (i === 3) await expect.poll(() => readiness.textContent()).toContain('4 asks chosen');
    }
    await page.getByRole('button', { name: 'Add a type of source' }).click();
    await page.getByLabel('Type of source 1').selectOption('first-hand');
    await page.getByLabel('How many').fill('12');
    await page.getByLabel('Period covered: from').fill('2026-06-01');
    await page.getByLabel('Period covered: to').fill('2026-10-31');
    await page.getByLabel('Consent and anonymisation').fill('Anonymous citation agreed with each editor.');
    await page.getByLabel('Verification steps').fill('Each notice matched to an archived copy.');
    await page.getByLabel('Limitations', { exact: true }).fill('Only outlets in our network.');
    await page.getByLabel('Target forum').selectOption('un-rbhr-forum-ap');
    for (const name of ['Partner One', 'Partner Two']) {
      await page.getByRole('button', { name: 'Add a partner' }).click();
      await page.getByLabel('Organisation').last().fill(name);
    }
    await expect.poll(() => readiness.textContent()).toContain('1 chosen finding has not been confirmed by a reviewer.');
    expect(await readiness.textContent()).toContain('Not ready yet');
    await page.getByLabel('Why the package may go out with unconfirmed findings').fill('The second finding rests on the platform’s own notices.');
    await expect.poll(() => readiness.textContent()).toContain('Ready to send');
    await page.getByRole('button', { name: 'Save package' }).click();
    await page.waitForURL(/\/plans\/packages\/[0-9a-f-]{36}$/);
    packageId = page.url().split('/').pop()!;
    await page.getByRole('heading', { name: 'Export' }).waitFor();
    await screenshot(page, 'plans-package');
  });

  it('exports the package as Markdown, HTML, PDF and DOCX after a warning, each readable and carrying the hashes', async () => {
    const pkg = await rpc<EvidencePackage>(page, 'packages.get', { id: packageId });
    const hashes = pkg.findings.flatMap((f) => f.evidence.map((e) => e.hash));
    expect(hashes).toHaveLength(2);
    const texts: Record<string, string> = {};
    for (const [button, format] of [
      ['Markdown', 'Markdown'],
      ['HTML', 'HTML'],
      ['PDF', 'PDF'],
      ['Word (DOCX)', 'Word'],
    ] as const) {
      // Neutral dated names by default; the last export asks for a name from the title.
      if (format === 'Word') await page.getByRole('checkbox', { name: /Use a descriptive file name/ }).check();
      await page.getByRole('button', { name: button, exact: true }).click();
      await page.getByRole('alertdialog').getByText('This copy leaves the encrypted vault').waitFor();
      await passIdentityStep(page.getByRole('alertdialog'));
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: `Save the ${format} file` }).click()]);
      const file = await download.path();
      const name = download.suggestedFilename();
      if (name.endsWith('.pdf')) texts.pdf = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
      else if (name.endsWith('.docx')) texts.docx = (await mammoth.extractRawText({ buffer: fs.readFileSync(file) })).value;
      else if (name.endsWith('.html')) {
        const html = fs.readFileSync(file, 'utf8');
        texts.html = await page.evaluate((source) => new DOMParser().parseFromString(source, 'text/html').body.textContent ?? '', html);
      } else texts.md = fs.readFileSync(file, 'utf8');
      expect(name).toMatch(format === 'Word' ? /^Before-the-UN-RBHR-Forum-Example-Platform\.docx$/ : /^document-\d{4}-\d{2}-\d{2}\.(md|html|pdf)$/);
    }
    expect(Object.keys(texts).sort()).toEqual(['docx', 'html', 'md', 'pdf']);
    // Exports write dates in the interface's locale; in English that is the browser's own English.
    const reviewedOn = await page.evaluate(() =>
      new Intl.DateTimeFormat(navigator.language, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date('2026-11-20T00:00:00Z')),
    );
    for (const [format, text] of Object.entries(texts)) {
      const flat = text.replace(/\s+/g, '');
      expect(flat, format).toContain(VIETNAMESE.replace(/\s+/g, ''));
      expect(flat, format).toContain(CHINESE);
      for (const hash of hashes) expect(flat, format).toContain(hash);
      expect(text, format).toContain('Appendix: evidence hashes');
      expect(text.replaceAll('**', '').replace(/\s+/g, ' '), format).toContain(`Review status: Confirmed by Legal adviser on ${reviewedOn}`);
      expect(text.replace(/\s+/g, ' '), format).toContain('The second finding rests on the platform’s own notices.');
    }
  });

  it('shows the plan steps and due dates on the timeline', async () => {
    await page.getByRole('link', { name: 'Timeline' }).click();
    await page.getByRole('heading', { name: 'Timeline', level: 1 }).waitFor();
    await page.getByText('Escalation trigger').first().waitFor();
    await screenshot(page, 'plans-timeline');
  });

  it('made no request to any host but 127.0.0.1 and raised no page errors', () => {
    expect(foreignRequests(app.requests)).toEqual([]);
    expect(app.pageErrors).toEqual([]);
  });
});
