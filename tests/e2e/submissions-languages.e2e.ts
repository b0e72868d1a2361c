// A submission draft read in Vietnamese in Chromium: the editor lists the template's sections with
// their guidance from the Vietnamese translation, says it is not yet reviewed by a native speaker
// and shows the English original on request; the panel gives the mechanism's notes in Vietnamese.
// A Special Procedures communication offers English, French and Spanish as the document's language
// and says, in Vietnamese, that the UN takes only those (not verified); a right-of-reply letter,
// which any language may carry, offers Vietnamese and its export is headed in Vietnamese while the
// interface's language alone never changes the document's. A draft started from the start page
// begins in English although the interface speaks Vietnamese; chosen there, Vietnamese writes the
// NCP filing's prefilled phrases, and its export holds no English phrase of the app's around the
// user's records. Nothing may leave 127.0.0.1.
import fs from 'node:fs';
import type { TFunction } from 'i18next';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportFile } from '@shared/api/plans';
import type { Submission, SubmissionTemplate, TemplateTranslation } from '@shared/api/submissions';
import { PREFILL_PHRASES } from '../../electron/core/submissions/document-labels';
import { foreignRequests, openSignedInPage, rpc, screenshot, type SignedInPage, type WebServer } from './harness';
import { messagesIn } from './languages-i18n';
import { createVaultThroughUi } from './vault-ui';

const read = <T,>(file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as T;
const vi = read<TemplateTranslation>('resources/submissions/translations/vi.json');
const sp = read<SubmissionTemplate>('resources/submissions/spCommunication.json');
const reply = read<SubmissionTemplate>('resources/submissions/rightOfReply.json');
const languageName = (code: string) => new Intl.DisplayNames(['vi'], { type: 'language' }).of(code)!;

describe('a submission draft in Vietnamese', () => {
  let app: SignedInPage;
  let server: WebServer;
  let page: Page;
  let t: TFunction;
  let communication: Submission;
  let letter: Submission;
  let packageId: string;

  beforeAll(async () => {
    t = await messagesIn('vi');
    app = await openSignedInPage();
    ({ server, page } = app);
    await page.goto(`${server.origin}/submissions`);
    await createVaultThroughUi(page);
    await page.getByRole('heading', { name: 'No submission drafts yet' }).waitFor({ timeout: 30_000 });
    const company = await rpc<{ id: string }>(page, 'companies.save', { name: 'Example Platform', sector: 'social-media', hqCountry: 'JP' });
    const pkg = await rpc<{ id: string }>(page, 'packages.save', {
      title: 'Evidence of the removals',
      companyId: company.id,
      findings: [{ id: crypto.randomUUID(), title: 'Accounts removed', statement: 'Independent media accounts were removed without notice.' }],
      asks: [],
    });
    packageId = pkg.id;
    // A call with what was raised and promised: the NCP filing's history is prefilled from it.
    await rpc(page, 'engagements.save', {
      occurredAt: '2026-10-01T09:30:00.000Z',
      companyId: company.id,
      channel: 'call',
      title: 'Call with the policy team',
      concerns: ['Accounts removed without notice'],
      commitments: [{ id: crypto.randomUUID(), text: 'Review the removals', owner: 'Policy lead', dueDate: '2026-10-15', status: 'open', evidence: '' }],
    });
    communication = await rpc<Submission>(page, 'submissions.start', { route: 'spCommunication', source: { kind: 'package', id: pkg.id } });
    letter = await rpc<Submission>(page, 'submissions.start', { route: 'rightOfReply', source: { kind: 'package', id: pkg.id } });
    // The person reads Vietnamese: the choice kept on this device, as the language picker keeps it.
    await page.evaluate(() => window.localStorage.setItem('workbench.language', 'vi'));
  });

  afterAll(async () => {
    await app?.close();
  });

  it('shows the template’s sections and guidance in Vietnamese, marked not reviewed, with the English original a click away', async () => {
    await page.goto(`${server.origin}/submissions/${communication.id}`);
    const guide = page.getByTestId('template-guide');
    await guide.getByText(vi.routes.spCommunication!.sections.victims!.guidance!).waitFor({ timeout: 30_000 });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('vi');
    for (const section of sp.sections) {
      const item = guide.locator(`[data-section="${section.id}"]`);
      expect(await item.locator('dt').textContent()).toBe(vi.routes.spCommunication!.sections[section.id]!.heading);
      expect(await item.locator('dd').getAttribute('lang')).toBe('vi');
    }
    const notice = guide.getByRole('note');
    expect(await notice.textContent()).toContain(t('submissions:translation.unreviewed'));
    await screenshot(page, 'submission-vi-guidance');

    await notice.getByRole('button', { name: t('submissions:translation.showEnglish') }).click();
    await guide.getByText(sp.sections[0]!.guidance).waitFor();
    expect(await guide.locator('[data-section="facts"] dd').getAttribute('lang')).toBe('en');
    expect(await guide.getByRole('note').textContent()).toContain(t('submissions:translation.englishShown'));
    await guide.getByRole('button', { name: t('submissions:translation.showTranslation') }).click();
    await guide.getByText(vi.routes.spCommunication!.sections.facts!.guidance!).waitFor();
  });

  it('gives the mechanism’s notes in the panel in Vietnamese', async () => {
    const panel = page.getByTestId('requirements-panel');
    await panel.getByRole('heading', { name: t('submissions:panel.title') }).waitFor();
    await panel.getByText(vi.routes.spCommunication!.exposureNotes.published!).waitFor();
    await panel.getByText(vi.routes.spCommunication!.rules.publication60Days!).waitFor();
    expect(await panel.textContent()).not.toContain(sp.exposureNotes[0]!.text);
  });

  it('offers only the UN’s languages for a UN communication, and says in Vietnamese which they are and that this is not verified', async () => {
    const select = page.getByLabel(t('submissions:editor.language'), { exact: true });
    expect((await select.locator('option').allTextContents()).sort()).toEqual(['en', 'fr', 'es'].map(languageName).sort());
    expect(await select.inputValue()).toBe('en');
    const accepted = new Intl.ListFormat('vi', { type: 'conjunction' }).format(['en', 'fr', 'es'].map(languageName));
    expect(await page.getByTestId('accepted-languages').textContent()).toBe(t('submissions:editor.acceptsOnlyUnverified', { languages: accepted }));
  });

  it('offers Vietnamese for a letter to the company, and heads the exported letter in Vietnamese only once the draft is in Vietnamese', async () => {
    // Written in English, the letter stays English although the interface speaks Vietnamese.
    const before = await rpc<ExportFile>(page, 'submissions.export', { id: letter.id, format: 'markdown', identity: { acknowledge: true }, locale: 'vi' });
    const english = Buffer.from(before.data, 'base64').toString('utf8');
    expect(english).toContain(reply.sections[0]!.heading);

    await page.goto(`${server.origin}/submissions/${letter.id}`);
    const select = page.getByLabel(t('submissions:editor.language'), { exact: true });
    await select.waitFor({ timeout: 30_000 });
    expect(await select.locator('option').allTextContents()).toContain(languageName('vi'));
    await select.selectOption('vi');
    await page.getByRole('button', { name: t('submissions:editor.save'), exact: true }).click();
    await expect.poll(async () => (await rpc<Submission>(page, 'submissions.get', { id: letter.id })).language).toBe('vi');

    const after = await rpc<ExportFile>(page, 'submissions.export', { id: letter.id, format: 'markdown', identity: { acknowledge: true }, locale: 'vi' });
    const vietnamese = Buffer.from(after.data, 'base64').toString('utf8');
    for (const section of reply.sections) expect(vietnamese).toContain(vi.routes.rightOfReply!.sections[section.id]!.heading!);
    expect(vietnamese).not.toContain(reply.sections[0]!.heading);
    await screenshot(page, 'submission-vi-letter');
  });

  it('starts a draft in English from the start page, and in Vietnamese once chosen there: the exported filing has no English phrase of the app’s', async () => {
    await page.goto(`${server.origin}/submissions/new?packageId=${packageId}`);
    const language = page.getByLabel(t('submissions:start.language'), { exact: true });
    await language.waitFor({ timeout: 30_000 });
    await page.locator('input[type="radio"][value="ncpSpecificInstance"]').check();
    await expect.poll(async () => language.locator('option').allTextContents()).toContain(languageName('vi'));
    expect(await language.inputValue()).toBe('en');
    await language.selectOption('vi');
    await screenshot(page, 'submission-vi-start');
    await page.getByRole('button', { name: t('submissions:start.submit', { route: t('submissions:routes.ncpSpecificInstance') }) }).click();
    await page.waitForURL(/\/submissions\/[0-9a-f-]{36}$/, { timeout: 30_000 });
    const id = new URL(page.url()).pathname.split('/').pop()!;
    const draft = await rpc<Submission>(page, 'submissions.get', { id });
    expect(draft.language).toBe('vi');

    const file = await rpc<ExportFile>(page, 'submissions.export', { id, format: 'markdown', identity: { acknowledge: true }, locale: 'vi' });
    const filing = Buffer.from(file.data, 'base64').toString('utf8');
    expect(filing).toContain(vi.prefill.concernsRaised!.replace('{{concerns}}', 'Accounts removed without notice'));
    expect(filing).toContain(vi.prefill.committedTo!.replace('{{owner}}', 'Policy lead').replace('{{text}}', 'Review the removals'));
    // Every phrase of the app's own in English, cut at its placeholders: none is in the filing.
    const english = Object.values(PREFILL_PHRASES)
      .flatMap((phrase) => phrase.split(/\{\{\w+\}\}/))
      .map((part) => part.trim())
      .filter((part) => /[a-z]{3,}.*[ :(]|[ :(].*[a-z]{3,}/i.test(part));
    expect(english.length).toBeGreaterThan(5);
    for (const phrase of english) expect(filing, phrase).not.toContain(phrase);
  });

  it('sent nothing beyond 127.0.0.1', () => {
    expect(foreignRequests(app.requests)).toEqual([]);
  });
});
