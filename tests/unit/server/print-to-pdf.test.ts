import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { PdfPage } from '../../../electron/core/exports/pdf';
import { exportRenderer } from '../../../electron/core/exports/render';
import { DomainError } from '../../../electron/core/rpc/domain-error';
import { CHROMIUM_PATH, chromiumPrinter } from '../../../electron/server/print-to-pdf';
import { tempDir } from '../../helpers/temp';

const PAGE: PdfPage = { headerTemplate: '<span></span>', footerTemplate: '<span></span>', margins: { top: '10mm', bottom: '10mm', left: '10mm', right: '10mm' } };

function pdfText(bytes: Buffer): string {
  const file = path.join(tempDir(), 'out.pdf');
  fs.writeFileSync(file, bytes);
  const result = spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`pdftotext failed: ${result.stderr}`);
  return result.stdout;
}

describe('PDF printing without Chromium', () => {
  it('says what is missing and how to install it, through the export pipeline', async () => {
    const printer = chromiumPrinter('/nonexistent/chromium');
    const doc = { title: 'Plan', subtitle: 'Escalation plan', generatedAt: '2026-03-12T10:00:00.000Z', blocks: [] };
    const failure = await exportRenderer(printer.printToPdf)
      .render(doc, 'pdf', 'plan')
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DomainError);
    expect((failure as DomainError).code).toBe('UNAVAILABLE');
    const message = (failure as DomainError).message;
    expect(message).toContain('needs Chromium');
    expect(message).toContain('/nonexistent/chromium');
    expect(message).toContain('apt-get install chromium');
    expect(message).toContain('CHROMIUM_PATH');
    expect(message).not.toMatch(/try again/i);
  });
});

describe.skipIf(!fs.existsSync(CHROMIUM_PATH))('one print browser per session, a fresh page per export', () => {
  const printer = chromiumPrinter();
  afterAll(() => printer.close());

  it('lets no export see what an earlier one showed or tried to store', async () => {
    const first = `<!doctype html><title>one</title>
      <script>localStorage.setItem('k', 'LEAKED-STORAGE'); sessionStorage.setItem('k', 'LEAKED-SESSION'); document.cookie = 'k=LEAKED-COOKIE';</script>
      <p>FIRST-EXPORT-SECRET</p>`;
    const second = `<!doctype html><title>two</title>
      <p id="probe">SECOND-EXPORT</p>
      <script>document.getElementById('probe').textContent += ' ' + localStorage.getItem('k') + sessionStorage.getItem('k') + document.cookie + document.referrer;</script>`;
    expect(pdfText(await printer.printToPdf(first, PAGE))).toContain('FIRST-EXPORT-SECRET');
    const text = pdfText(await printer.printToPdf(second, PAGE));
    expect(text).toContain('SECOND-EXPORT');
    expect(text).not.toContain('FIRST-EXPORT-SECRET');
    expect(text).not.toContain('LEAKED');
  });

  it('prints each export on a page readied with the app\'s sample, and nothing of the sample shows', async () => {
    // The first export opens its own page; the ones after it get the page readied meanwhile.
    for (const marker of ['READIED-ONE', 'READIED-TWO', 'READIED-THREE']) {
      const text = pdfText(await printer.printToPdf(`<p>${marker}</p>`, PAGE));
      expect(text).toContain(marker);
      expect(text).not.toContain('Bahasa Indonesia');
      expect(text).not.toContain('ภาษาไทย');
    }
  });

  it('keeps concurrent exports apart', async () => {
    const [a, b] = await Promise.all([printer.printToPdf('<p>ALPHA-ONLY</p>', PAGE), printer.printToPdf('<p>BRAVO-ONLY</p>', PAGE)]);
    expect(pdfText(a)).toContain('ALPHA-ONLY');
    expect(pdfText(a)).not.toContain('BRAVO-ONLY');
    expect(pdfText(b)).toContain('BRAVO-ONLY');
    expect(pdfText(b)).not.toContain('ALPHA-ONLY');
  });

  it('starts again after the print browser is closed (as on lock)', async () => {
    await printer.close();
    expect(pdfText(await printer.printToPdf('<p>AFTER-CLOSE</p>', PAGE))).toContain('AFTER-CLOSE');
  });
});
