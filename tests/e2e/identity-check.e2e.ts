// Journey: a quotation in an evidence package names a third party nobody registered ("My editor
// Nguyễn Văn Minh called me…"). Before the PDF is made the export dialog flags the name, with the
// safe action ("Go back and fix") as the focused primary button; replacing it with a pseudonym and
// exporting gives a PDF whose text no longer contains the name. "Save a copy" of a photo in the
// diary goes through the same step and leaves without the photo's location, camera and author.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readImageMetadata } from '../../electron/core/diary/image-metadata';
import { PHOTO, photoWithMetadata } from '../core/diary/image-fixtures';
import { foreignRequests, openSignedInPage, rpc, screenshot, type SignedInPage, type WebServer } from './harness';
import { passIdentityStep } from './export-ui';
import { createVaultThroughUi } from './vault-ui';

const NAME = 'Nguyễn Văn Minh';
const QUOTE = `My editor ${NAME} called me and said the page would be taken down.`;

describe('the identity check before a PDF export', () => {
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
    const pkg = await rpc<{ id: string }>(page, 'packages.save', {
      title: 'Before the forum',
      findings: [{ id: crypto.randomUUID(), title: 'Pressure on independent media', statement: `An outlet's editor told us: "${QUOTE}"` }],
      risksSummary: 'Independent media lose their audience.',
      asks: [],
      partners: [],
    });
    packageId = pkg.id;
  });

  afterAll(async () => {
    await app?.close();
  });

  it('flags the unregistered name, keeps "Go back and fix" the focused primary, and exports the PDF with the pseudonym instead', async () => {
    await page.goto(`${server.origin}/plans/packages/${packageId}`);
    await page.getByRole('heading', { name: 'Export' }).waitFor();
    await page.getByRole('group', { name: /Export/ }).getByRole('button', { name: 'PDF', exact: true }).click();

    const dialog = page.getByRole('alertdialog');
    const flag = dialog.getByTestId('identity-flag').filter({ hasText: NAME }).first();
    await flag.waitFor();
    expect(await flag.textContent()).toContain('may be a false positive');
    expect(await flag.textContent()).toContain('Finding 1');
    const back = dialog.getByRole('button', { name: 'Go back and fix' });
    expect(await back.evaluate((el) => el === document.activeElement && el.classList.contains('primary'))).toBe(true);
    expect(await dialog.getByRole('button', { name: 'Save the PDF file' }).count()).toBe(0);
    await screenshot(page, 'identity-check-flagged');

    // Keyboard only: Space on the focused radio chooses the replacement.
    await flag.getByRole('radio', { name: 'Replace with pseudonym' }).focus();
    await page.keyboard.press('Space');
    const replacement = flag.getByRole('textbox', { name: 'Print instead' });
    expect(await replacement.inputValue()).toBe('[Person A]');
    await passIdentityStep(dialog);

    const save = dialog.getByRole('button', { name: 'Save the PDF file' });
    expect(await save.evaluate((el) => el.classList.contains('primary'))).toBe(true);
    const [download] = await Promise.all([page.waitForEvent('download'), save.click()]);
    const text = execFileSync('pdftotext', [await download.path(), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).not.toContain(NAME);
    expect(text).toContain('My editor [Person A] called me');

    // Remembered: the next export shows the decision already made.
    await page.getByRole('group', { name: /Export/ }).getByRole('button', { name: 'PDF', exact: true }).click();
    const again = page.getByRole('alertdialog').getByTestId('identity-flag').filter({ hasText: NAME }).first();
    expect(await again.getByRole('radio', { name: 'Replace with pseudonym' }).isChecked()).toBe(true);
    expect(foreignRequests(app.requests)).toEqual([]);
  });

  it('saves a copy of a photo attachment through the same step, neutrally named and without its metadata', async () => {
    const company = await rpc<{ id: string }>(page, 'companies.save', { name: 'Example Platform', sector: 'social-media', hqCountry: 'US' });
    const entry = await rpc<{ id: string }>(page, 'engagements.save', { occurredAt: '2026-10-01T09:00:00.000Z', companyId: company.id, channel: 'call', title: 'Call about removals' });
    const photo = await photoWithMetadata('jpeg');
    await rpc(page, 'attachments.add', { engagementId: entry.id, name: 'IMG_2041.jpg', type: 'image/jpeg', data: photo.toString('base64') });
    await page.goto(`${server.origin}/diary/entries/${entry.id}`);
    const section = page.locator('details').filter({ has: page.getByText('Attachments', { exact: true }) });
    if (!(await section.evaluate((el) => (el as HTMLDetailsElement).open))) await section.locator('summary').first().click();
    await page.getByRole('button', { name: 'Save a copy' }).click();

    const dialog = page.getByRole('alertdialog');
    await dialog.getByText('This copy leaves the encrypted vault').waitFor();
    expect(await dialog.getByRole('checkbox', { name: /Keep the image's metadata/ }).isChecked()).toBe(false);
    await passIdentityStep(dialog);
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Save the copy' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^attachment-\d{4}-\d{2}-\d{2}\.jpg$/);
    const saved = fs.readFileSync(await download.path());
    expect(await readImageMetadata(saved, 'image/jpeg')).toMatchObject({ complete: true, fields: [] });
    expect(saved.includes(Buffer.from(PHOTO.artist))).toBe(false);
    expect(foreignRequests(app.requests)).toEqual([]);
  });
});
