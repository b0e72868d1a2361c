// The export pipeline on its own: one document with quotations in five scripts, rendered to each
// format and read back with a real parser (mammoth, pdftotext; the DOM in html-export.test.ts).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import mammoth from 'mammoth';
import { afterAll, describe, expect, it } from 'vitest';
import { splitByScript } from '../../../electron/core/exports/fonts';
import { exportRenderer, fileBaseName } from '../../../electron/core/exports/render';
import { renderMarkdown } from '../../../electron/core/exports/markdown';
import { chromiumPrinter } from '../../../electron/server/print-to-pdf';
import { tempDir } from '../../helpers/temp';
import { HASH, QUOTES, sampleDocument as doc, squash } from './multilingual';

const printer = chromiumPrinter();
const renderer = exportRenderer(printer.printToPdf);
afterAll(() => printer.close());

describe('exports of a document in five scripts', () => {
  it('writes Markdown that keeps every quotation and escapes what users typed', async () => {
    const file = await renderer.render(doc, 'markdown', doc.title);
    const md = Buffer.from(file.data, 'base64').toString('utf8');
    expect(file.fileName).toBe('Evidence-for-the-forum-论坛.md');
    for (const quote of Object.values(QUOTES)) expect(md).toContain(quote);
    expect(md).toContain('\\<b\\>not bold\\</b\\>');
    expect(md).toContain(`\`${HASH}\``);
    expect(md).toContain('UN RBHR Forum \\| Bangkok');
  });

  it('writes DOCX whose runs name a font for each script, readable by mammoth', async () => {
    const file = await renderer.render(doc, 'docx', doc.title);
    const bytes = Buffer.from(file.data, 'base64');
    const { value } = await mammoth.extractRawText({ buffer: bytes });
    for (const quote of Object.values(QUOTES)) expect(value).toContain(quote);
    expect(value).toContain(HASH);
    const xml = strFromU8(unzipSync(new Uint8Array(bytes))['word/document.xml']!);
    expect(xml).toMatch(/w:eastAsia="Noto Sans CJK SC"[^>]*w:hint="eastAsia"|w:hint="eastAsia"[^>]*w:eastAsia="Noto Sans CJK SC"/);
    for (const font of ['Noto Sans Thai', 'Noto Sans Myanmar', 'Noto Sans Khmer']) expect(xml).toContain(`w:cs="${font}"`);
    const footer = Object.entries(unzipSync(new Uint8Array(bytes))).find(([name]) => name.startsWith('word/footer'));
    expect(strFromU8(footer![1])).toMatch(/PAGE.*NUMPAGES/s);
  });

  it('prints a PDF with page numbers, the date and every script as glyphs', async () => {
    const file = await renderer.render(doc, 'pdf', doc.title);
    const dir = tempDir('export-pdf-');
    const pdf = path.join(dir, 'doc.pdf');
    fs.writeFileSync(pdf, Buffer.from(file.data, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    for (const quote of Object.values(QUOTES)) expect(squash(text)).toContain(squash(quote));
    expect(text).toContain('Page 1 of 2');
    expect(text).toContain('Page 2 of 2');
    expect(text).toContain('2 November 2026');
    expect(squash(text)).toContain(HASH);
    // A picture of page 1 for a person to look at: non-Latin text must be glyphs, not boxes.
    const results = path.resolve('test-results');
    fs.mkdirSync(results, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '110', '-f', '1', '-l', '1', '-singlefile', pdf, path.join(results, 'export-scripts-page1')]);
    expect(fs.existsSync(path.join(results, 'export-scripts-page1.png'))).toBe(true);
  });

  it('cuts text into runs by script so Word picks the right font', () => {
    expect(splitByScript('Tài khoản 账号被封禁 và บัญชี.').map((r) => [r.text, r.font])).toEqual([
      ['Tài khoản ', 'Noto Sans'],
      ['账号被封禁 ', 'Noto Sans CJK SC'],
      ['và ', 'Noto Sans'],
      ['บัญชี.', 'Noto Sans Thai'],
    ]);
  });

  it('names files safely in any script', () => {
    expect(fileBaseName('Plan: Meta / 账号 — "final"?')).toBe('Plan-Meta-账号-final');
    expect(fileBaseName('***')).toBe('export');
  });

  it('never turns user text into Markdown structure', () => {
    const md = renderMarkdown({ ...doc, blocks: [{ kind: 'paragraph', parts: [{ text: '# not a heading\n- not a list\n[link](http://x)' }] }] });
    expect(md).toContain('\\# not a heading');
    expect(md).toContain('\\- not a list');
    expect(md).toContain('\\[link\\](http\\://x)');
  });
});
