// Exports carry their own fonts: a PDF printed by a Chromium whose fontconfig sees one Latin-only
// system font (DejaVu Sans; Chromium aborts with none at all) and no Noto must still embed Noto
// for every script, with no Type 3 fallback, and give the text back. The HTML embeds only the subsets its characters need.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportDocument } from '../../../electron/core/exports/document';
import { subsetsFor } from '../../../electron/core/exports/fonts';
import { renderHtml } from '../../../electron/core/exports/html';
import { renderPdf } from '../../../electron/core/exports/pdf';
import { chromiumPrinter, type ChromiumPrinter } from '../../../electron/server/print-to-pdf';
import { dejaVuOnlyFonts } from '../../helpers/dejavu-only';
import { tempDir } from '../../helpers/temp';
import { squash } from './multilingual';

const TEXT = {
  vietnamese: 'Người dân cần được bảo vệ quyền riêng tư.',
  thai: 'สิทธิในความเป็นส่วนตัวของผู้ใช้',
  burmese: 'လွတ်လပ်စွာ ထုတ်ဖော်ပြောဆိုခွင့်',
  khmer: 'សិទ្ធិសេរីភាពក្នុងការបញ្ចេញមតិ',
  simplified: '言论自由和隐私权',
  traditional: '言論自由與隱私權',
} as const;

const doc: ExportDocument = {
  title: 'Quyền riêng tư 隱私權',
  subtitle: 'Evidence package',
  generatedAt: '2026-11-02T09:00:00.000Z',
  blocks: [
    { kind: 'heading', level: 1, text: 'ผลการตรวจสอบ' },
    ...Object.values(TEXT).map((value) => ({ kind: 'paragraph' as const, parts: [{ text: value }] })),
    { kind: 'paragraph', parts: [{ text: TEXT.burmese, bold: true }] },
  ],
};

let printer: ChromiumPrinter;
let fonts: ReturnType<typeof dejaVuOnlyFonts>;

beforeAll(() => {
  fonts = dejaVuOnlyFonts('no-fonts-');
  printer = chromiumPrinter();
});

afterAll(async () => {
  await printer.close();
  fonts.restore();
});

describe('bundled fonts in exports', () => {
  it('prints every script with embedded Noto fonts on a machine with no fonts installed', async () => {
    const pdf = path.join(tempDir('fonts-pdf-'), 'doc.pdf');
    fs.writeFileSync(pdf, await renderPdf(doc, printer.printToPdf));

    const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).trim().split('\n').slice(2);
    const names = fonts.map((line) => line.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, ''));
    // Fontsource's Chinese subsets are named NotoSansSCThin and NotoSansTCThin inside; the
    // Traditional line is marked zh-Hant and set in Noto Sans TC, so its characters keep their shapes.
    for (const family of ['NotoSans-', 'NotoSansThai-', 'NotoSansMyanmar-', 'NotoSansKhmer-', 'NotoSansSC', 'NotoSansTC']) {
      expect(names.some((name) => name.startsWith(family)), `${family} in ${names.join(', ')}`).toBe(true);
    }
    // Every font is embedded, and none is a Type 3 stand-in for glyphs Chromium could not find.
    for (const line of fonts) {
      expect(line).not.toMatch(/Type 3/);
      expect(line).toMatch(/\byes\b/);
    }
    // The page header and footer carry their own fonts too: nothing comes from the system.
    expect(names.every((name) => name.startsWith('NotoSans')), names.join(', ')).toBe(true);
    // The text comes back (Burmese and Khmer are reordered by shaping, so only their presence is checked).
    const text = squash(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }));
    for (const value of [TEXT.vietnamese, TEXT.thai, TEXT.simplified, TEXT.traditional]) expect(text).toContain(squash(value));
    expect(text).toMatch(/\p{Script=Myanmar}{8}/u);
    expect(text).toMatch(/\p{Script=Khmer}{8}/u);

    const results = path.resolve('test-results');
    fs.mkdirSync(results, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '80', '-singlefile', pdf, path.join(results, 'export-bundled-fonts')]);
  });

  it('embeds only the subsets the text needs, as data URLs the page policy allows', () => {
    const html = renderHtml(doc);
    expect(html).toMatch(/Content-Security-Policy" content="[^"]*font-src data:/);
    const faces = html.match(/@font-face/g) ?? [];
    const expected = subsetsFor(html, 400).length + subsetsFor(`${doc.title} ผลการตรวจสอบ ${TEXT.burmese}`, 700).length;
    expect(faces.length).toBeGreaterThan(6);
    expect(faces.length).toBeLessThanOrEqual(expected + 2);
    expect(html).not.toMatch(/url\((?!data:)/);
    // A dozen subsets, not the hundred-odd files of each Chinese font.
    expect(Buffer.byteLength(html)).toBeLessThan(2_500_000);
    // English only: the Latin subset of Noto Sans, regular and bold, and nothing else.
    const english = renderHtml({ ...doc, title: 'Plan', blocks: [{ kind: 'paragraph', parts: [{ text: 'Plain English.' }] }] });
    expect(english.match(/font-family: 'Noto Sans'; font-style/g)?.length).toBe(2);
    expect(english).not.toMatch(/Noto Sans (Thai|Myanmar|Khmer|SC|TC)'; font-style/);
  });

  it('picks the first family in the stack that covers each character', () => {
    const families = (text: string) => subsetsFor(text, 400).map((s) => s.family);
    expect(families('ก')).toEqual(['Noto Sans Thai']);
    expect(families('ក')).toEqual(['Noto Sans Khmer']);
    expect(families('Tiếng Việt')).toEqual(['Noto Sans', 'Noto Sans']);
    expect(new Set(families('言论自由'))).toEqual(new Set(['Noto Sans SC']));
  });
});
