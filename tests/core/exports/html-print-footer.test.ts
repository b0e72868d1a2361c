// The HTML export printed from a browser numbers its pages in the export's language: Chromium draws
// the CSS margin box, and the printed file is read back with pdftotext.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { exportRenderer } from '../../../electron/core/exports/render';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../../electron/server/print-to-pdf';
import { tempDir } from '../../helpers/temp';
import { sampleDocument as doc } from './multilingual';

describe('the HTML export printed by Chromium', () => {
  it('says "page N of M" in Thai on every page', async () => {
    const file = await exportRenderer(undefined).render({ ...doc, locale: 'th' }, 'html', doc.title);
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
    try {
      const page = await (await browser.newContext({ javaScriptEnabled: false, offline: true })).newPage();
      await page.setContent(Buffer.from(file.data, 'base64').toString('utf8'));
      const pdf = path.join(tempDir('html-print-'), 'printed.pdf');
      fs.writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true }));
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
      // pdftotext drops the spaces between Thai and digits, so words are compared without spaces.
      const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
      expect(pages).toBeGreaterThan(1);
      for (let n = 1; n <= pages; n++) expect(text).toContain(`หน้า${n}จาก${pages}`);
      expect(text).not.toMatch(/Page\d+of/);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
