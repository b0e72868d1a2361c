// Export files built from hostile text, the way an imported partner record can supply it: titles
// and fields that try to close <style> or <title>, write links, images, CSS url() and @import,
// or a meta refresh. Each format is read back by what would open it (Chromium with every request
// counted, mammoth and the DOCX package parts, pdftotext and the PDF's objects), and each must
// show the text as text and reach nothing. The encoders and the Markdown export are read back by
// a DOM in hostile-markup.test.ts.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { execFileSync } from 'node:child_process';
import { strFromU8, unzipSync } from 'fflate';
import mammoth from 'mammoth';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportDocument } from '../../../electron/core/exports/document';
import { exportRenderer } from '../../../electron/core/exports/render';
import { chromiumPrinter } from '../../../electron/server/print-to-pdf';
import { launchChromium } from '../../e2e/harness';
import { tempDir } from '../../helpers/temp';
import { EVIL, HOSTILE, hostileDocument, ONE_LINE } from './hostile';
import { squash } from './multilingual';

const renderer = exportRenderer(undefined);
const render = async (format: 'html' | 'docx', doc: ExportDocument = hostileDocument) =>
  Buffer.from((await renderer.render(doc, format, doc.title)).data, 'base64');

describe('an HTML export of hostile text, opened in Chromium with the network cut', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it('shows every string as text, makes no request and never navigates away', async () => {
    const file = path.join(tempDir('hostile-html-'), 'export.html');
    fs.writeFileSync(file, await render('html'));
    const url = pathToFileURL(file).href;
    const context = await browser.newContext({ offline: true });
    const requests: string[] = [];
    context.on('request', (request) => {
      if (request.url() !== url) requests.push(request.url());
    });
    await context.route('**/*', (route) => (route.request().url() === url ? route.continue() : route.abort()));
    const page = await context.newPage();
    const navigations: string[] = [];
    const dialogs: string[] = [];
    page.on('framenavigated', (frame) => navigations.push(frame.url()));
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(url, { waitUntil: 'load' });
    // A meta refresh of 0 s fires right after load; give it every chance.
    await page.waitForTimeout(1500);

    expect(requests).toEqual([]);
    expect(navigations.filter((n) => n !== url)).toEqual([]);
    expect(dialogs).toEqual([]);
    const seen = await page.evaluate(() => ({
      title: document.title,
      h1: document.querySelector('h1')?.textContent,
      head: [...document.head.children].map((e) => `${e.tagName}${e.getAttribute('http-equiv') ? `:${e.getAttribute('http-equiv')}` : ''}`),
      active: document.querySelectorAll('script, img, iframe, object, embed, link, base, form, a, svg, video, audio, [style], meta[http-equiv="refresh" i]').length,
      styles: document.styleSheets.length,
      text: document.body.innerText,
    }));
    // The <title> is neutral (it names neither topic nor tool); the heading carries the title.
    expect(seen.title).toBe('Document');
    expect(seen.h1).toBe(ONE_LINE);
    expect(seen.head).toEqual(['META', 'META:Content-Security-Policy', 'META', 'META', 'TITLE', 'STYLE']);
    expect(seen.active).toBe(0);
    expect(seen.styles).toBe(1);
    for (const text of HOSTILE) expect(seen.text).toContain(text);
    await context.close();
  }, 30_000);
});

describe('a DOCX export of hostile text', () => {
  it('holds no relationship to anything outside the file and shows every string as text', async () => {
    const bytes = await render('docx');
    const parts = unzipSync(new Uint8Array(bytes));
    for (const [name, data] of Object.entries(parts)) {
      const xml = strFromU8(data);
      if (name.endsWith('.rels')) {
        expect(xml).not.toContain('TargetMode="External"');
        expect(xml).not.toContain(EVIL);
      }
      expect(xml).not.toMatch(/<w:hyperlink|HYPERLINK|INCLUDEPICTURE|INCLUDETEXT|<v:imagedata|r:link=/);
    }
    // Document properties carry no user text at all (see neutral-metadata.test.ts).
    expect(strFromU8(parts['docProps/core.xml']!)).not.toContain('evil.example');
    const { value } = await mammoth.convertToHtml({ buffer: bytes });
    expect(value).not.toMatch(/<(a|img|script|style|meta|iframe)\b/i);
    const { value: raw } = await mammoth.extractRawText({ buffer: bytes });
    for (const hostile of HOSTILE) expect(raw).toContain(hostile);
  });
});

describe('a PDF export of hostile text', () => {
  const printer = chromiumPrinter();
  afterAll(() => printer.close());

  it('prints the strings as text, with no link, action or script in the file', async () => {
    const pdfRenderer = exportRenderer(printer.printToPdf);
    const pdf = Buffer.from((await pdfRenderer.render(hostileDocument, 'pdf', 'hostile')).data, 'base64');
    // The check can see a link: the same printer makes one from a real <a href>.
    const control = await printer.printToPdf(`<!doctype html><a href="http://${EVIL}/">link</a>`, { headerTemplate: '<span></span>', footerTemplate: '<span></span>', margins: { top: '10mm', bottom: '10mm', left: '10mm', right: '10mm' } });
    expect(control.toString('latin1')).toMatch(/\/URI/);
    const raw = pdf.toString('latin1');
    expect(raw).not.toMatch(/\/URI|\/Launch|\/JavaScript|\/JS\b|\/GoToR|\/SubmitForm|\/ImportData/);
    const file = path.join(tempDir('hostile-pdf-'), 'export.pdf');
    fs.writeFileSync(file, pdf);
    const text = squash(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }));
    for (const hostile of HOSTILE) expect(text).toContain(squash(hostile));
  }, 60_000);
});
