// A first start in Vietnamese, Thai and Burmese, as a person who reads no English goes through
// it: pick the language on the create-vault screen, create the vault, log an engagement, and
// export a plan as PDF, every control found by its words in that language. The PDF must carry
// the bundled Noto fonts for its script, embedded, with no Type 3 stand-ins for missing glyphs,
// and give the text back; its first page is kept as a PNG next to the screenshots.
// Runs for each of the three that is shipped (languages.ts); one not yet shipped is skipped
// with the reason printed.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { TFunction } from 'i18next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { languageByCode } from '../../renderer/src/i18n/languages';
import { foreignRequests, openSignedInPage, rpc, type SignedInPage } from './harness';
import { LANGUAGE_SHOTS_DIR, messagesIn } from './languages-i18n';

const PASSPHRASE = 'lantern orchid monsoon ferry 42';

/** What each person types, in their script, and the bundled font the PDF must embed for it. */
const JOURNEYS = [
  { code: 'vi', title: 'Cuộc gọi với nhóm an toàn nội dung', plan: 'Khôi phục tài khoản bị gỡ', font: 'NotoSans-' },
  { code: 'th', title: 'ประชุมกับทีมความปลอดภัยของแพลตฟอร์ม', plan: 'ฟื้นฟูบัญชีที่ถูกลบ', font: 'NotoSansThai-' },
  { code: 'my', title: 'ပလက်ဖောင်း လုံခြုံရေးအဖွဲ့နှင့် ဖုန်းခေါ်ဆိုမှု', plan: 'ဖျက်ခံရသော အကောင့်များ ပြန်ရရေး', font: 'NotoSansMyanmar-' },
] as const;

const fontsOf = (pdf: string): string[] => execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).trim().split('\n').slice(2);
/** Letters only: PDF text comes back with shaping-dependent spaces and line breaks. */
const letters = (text: string): string => text.replace(/[\s\u200b]+/g, '');

for (const journey of JOURNEYS) {
  const language = languageByCode(journey.code)!;
  if (!language.shipped) {
    console.warn(`Skipping the ${language.englishName} journey: ${journey.code} is not marked shipped in renderer/src/i18n/languages.ts.`);
  }

  describe.skipIf(!language.shipped)(`first start in ${language.englishName} (${journey.code})`, () => {
    let app: SignedInPage;
    let t: TFunction;
    let planId = '';

    beforeAll(async () => {
      t = await messagesIn(journey.code);
      app = await openSignedInPage({ acceptDownloads: true });
      fs.mkdirSync(LANGUAGE_SHOTS_DIR, { recursive: true });
    });

    afterAll(async () => {
      await app?.close();
    });

    it('picks the language on the create-vault screen and creates the vault in it', async () => {
      const { page } = app;
      // A page that needs a vault: on a first start it shows the create-vault screen.
      await page.goto(`${app.server.origin}/diary`);
      await page.getByRole('heading', { name: 'Create a vault' }).waitFor({ timeout: 30_000 });
      await page.getByRole('radio', { name: language.nativeName }).check();
      await page.getByRole('heading', { name: t('vault:create.title') }).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(journey.code);
      // The picker says the translation has not been reviewed, in the language itself.
      if (!language.reviewed) await page.getByText(t('common:language.unreviewed')).waitFor();
      await page.screenshot({ path: path.join(LANGUAGE_SHOTS_DIR, `${journey.code}-create-vault.png`), fullPage: true });

      await page.getByLabel(t('vault:create.name'), { exact: true }).fill(journey.title.split(' ')[0]!);
      await page.getByLabel(t('vault:passphrase'), { exact: true }).fill(PASSPHRASE);
      await page.getByLabel(t('vault:confirmPassphrase'), { exact: true }).fill(PASSPHRASE);
      await page.getByLabel(t('vault:create.understand'), { exact: true }).check();
      await page.getByRole('button', { name: t('vault:create.submit'), exact: true }).click();
      await page.locator('main h1').first().waitFor({ timeout: 30_000 });
      await page.getByRole('heading', { name: t('vault:create.title') }).waitFor({ state: 'detached' });
    });

    it('logs an engagement through the diary editor', async () => {
      const { page } = app;
      // The company is set up through the API; the entry is written through the screen.
      const company = await rpc<{ id: string }>(page, 'companies.save', { name: 'Example Platform', sector: 'social-media' });
      await page.goto(`${app.server.origin}/diary/new`);
      await page.getByRole('heading', { name: t('diary:editor.newTitle') }).waitFor({ timeout: 30_000 });
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(journey.code);
      await page.getByLabel(t('diary:editor.company'), { exact: true }).selectOption(company.id);
      await page.getByLabel(t('diary:editor.titleField'), { exact: true }).fill(journey.title);
      await page.getByRole('button', { name: t('diary:editor.save'), exact: true }).click();
      await page.waitForURL(/\/diary\/entries\/[0-9a-f-]{36}$/, { timeout: 30_000 });
      const entries = await rpc<{ items: Array<{ id: string; title: string }> }>(page, 'engagements.list', {});
      expect(entries.items.map((entry) => entry.title)).toEqual([journey.title]);
      const plan = await rpc<{ id: string }>(page, 'plans.save', { title: journey.plan, companyId: company.id, engagementIds: [entries.items[0]!.id] });
      planId = plan.id;
    });

    it('exports the plan as a PDF with the bundled fonts for its script and every glyph found', async () => {
      const { page } = app;
      await page.goto(`${app.server.origin}/plans/edit/${planId}`);
      const pdfName = t('common:export.names.pdf');
      await page.getByRole('button', { name: t('common:export.as.pdf'), exact: true }).click({ timeout: 30_000 });
      const dialog = page.getByRole('alertdialog');
      await dialog.getByText(t('common:export.warningTitle')).waitFor();
      await dialog.getByRole('radio', { name: t('common:export.quasi.no') }).check();
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 60_000 }),
        dialog.getByRole('button', { name: t('common:export.confirm', { format: pdfName }) }).click(),
      ]);
      const pdf = path.join(LANGUAGE_SHOTS_DIR, `${journey.code}-plan.pdf`);
      await download.saveAs(pdf);

      const fonts = fontsOf(pdf);
      const names = fonts.map((line) => line.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, ''));
      console.log(`${journey.code} PDF fonts: ${names.join(', ')}`);
      expect(names.some((name) => name.startsWith(journey.font)), `${journey.font} in ${names.join(', ')}`).toBe(true);
      // Text is set in bundled Noto; only the hash appendix's ASCII may take the system's monospace
      // font. All embedded, and no Type 3 font (Chromium's stand-in when a glyph is missing).
      expect(names.filter((name) => !name.startsWith('NotoSans')).every((name) => /Mono/.test(name)), names.join(', ')).toBe(true);
      for (const line of fonts) {
        expect(line).not.toMatch(/Type 3/);
        expect(line).toMatch(/\byes\b/);
      }
      const text = letters(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }));
      expect(text).toContain(letters(journey.plan));
      expect(text).toContain(letters(journey.title));

      execFileSync('pdftoppm', ['-png', '-r', '72', '-f', '1', '-l', '1', pdf, path.join(LANGUAGE_SHOTS_DIR, `${journey.code}-plan-page`)]);
      expect(fs.readdirSync(LANGUAGE_SHOTS_DIR).some((file) => file.startsWith(`${journey.code}-plan-page`) && file.endsWith('.png'))).toBe(true);
    }, 180_000);

    it('made no request to any host but 127.0.0.1 and raised no page error', () => {
      expect(foreignRequests(app.requests)).toEqual([]);
      expect(app.pageErrors).toEqual([]);
    });
  });
}
