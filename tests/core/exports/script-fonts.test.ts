// Every script the users write in, in every export format, on a machine with no fonts of its own
// (Chromium's fontconfig sees DejaVu Sans alone): the PDF embeds the bundled Noto family for each
// script, Traditional Chinese in Noto Sans TC rather than the Simplified font, and draws no
// .notdef glyph (the box shown for a missing character), read from the PDF's own text operators;
// the DOCX names the right font and language for each script's runs, so Word picks them.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chineseVariant } from '../../../electron/core/exports/chinese-variant';
import type { ExportDocument } from '../../../electron/core/exports/document';
import { renderDocx } from '../../../electron/core/exports/docx';
import { renderHtml } from '../../../electron/core/exports/html';
import { pdfPage, renderPdf } from '../../../electron/core/exports/pdf';
import { chromiumPrinter, type ChromiumPrinter } from '../../../electron/server/print-to-pdf';
import { dejaVuOnlyFonts } from '../../helpers/dejavu-only';

const TEXT = {
  vietnamese: 'Quyền tự do ngôn luận và quyền riêng tư của người dùng.',
  thai: 'สิทธิในความเป็นส่วนตัวของผู้ใช้',
  burmese: 'လွတ်လပ်စွာ ထုတ်ဖော်ပြောဆိုခွင့်',
  khmer: 'សិទ្ធិសេរីភាពក្នុងការបញ្ចេញមតិ',
  simplified: '国家应当保护用户的言论自由和隐私权。',
  traditional: '國家應當保護用戶的言論自由與隱私權。',
} as const;

const doc = (blocks: ExportDocument['blocks']): ExportDocument => ({
  title: 'Scripts',
  subtitle: 'Evidence package',
  generatedAt: '2026-11-02T09:00:00.000Z',
  blocks,
});
const everyScript = doc(Object.values(TEXT).map((text) => ({ kind: 'paragraph' as const, parts: [{ text }] })));

/**
 * The glyph ids a PDF draws: Chromium writes every font as a CID font with Identity-H, so each
 * text operator's hex string is a run of two-byte glyph ids, and id 0 is .notdef.
 */
function drawnGlyphs(pdf: Buffer): string[] {
  const raw = pdf.toString('latin1');
  const glyphs: string[] = [];
  for (const match of raw.matchAll(/stream\r?\n/g)) {
    const start = match.index + match[0].length;
    let content: string;
    try {
      content = zlib.inflateSync(pdf.subarray(start, raw.indexOf('endstream', start))).toString('latin1');
    } catch {
      continue; // Font programs and images that are not Flate content streams.
    }
    for (const op of content.matchAll(/<([0-9A-Fa-f\s]*)>\s*Tj|\[([^\]]*)\]\s*TJ/g)) {
      const hex = (op[1] ?? [...(op[2] ?? '').matchAll(/<([0-9A-Fa-f\s]*)>/g)].map((h) => h[1]).join('')).replace(/\s/g, '');
      for (let i = 0; i + 4 <= hex.length; i += 4) glyphs.push(hex.slice(i, i + 4));
    }
  }
  return glyphs;
}

const fontNames = (pdf: string) =>
  execFileSync('pdffonts', [pdf], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .slice(2)
    .map((line) => line.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, ''));

let printer: ChromiumPrinter;
let fonts: ReturnType<typeof dejaVuOnlyFonts>;
let dir: string;

beforeAll(() => {
  fonts = dejaVuOnlyFonts('script-fonts-');
  dir = fonts.dir;
  printer = chromiumPrinter();
});

afterAll(async () => {
  await printer.close();
  fonts.restore();
});

describe('exports in every script', () => {
  it('tells Traditional from Simplified Chinese by the characters only one of them has', () => {
    expect(chineseVariant(TEXT.traditional)).toBe('zh-Hant');
    expect(chineseVariant(TEXT.simplified)).toBe('zh-Hans');
    expect(chineseVariant('自由')).toBeNull();
  });

  it('prints Vietnamese, Thai, Burmese, Khmer, Simplified and Traditional Chinese with the bundled Noto fonts and no .notdef glyph', async () => {
    const pdf = path.join(dir, 'scripts.pdf');
    fs.writeFileSync(pdf, await renderPdf(everyScript, printer.printToPdf));

    const names = fontNames(pdf);
    for (const family of ['NotoSans-', 'NotoSansThai-', 'NotoSansMyanmar-', 'NotoSansKhmer-', 'NotoSansSC', 'NotoSansTC']) {
      expect(names.some((name) => name.startsWith(family)), `${family} in ${names.join(', ')}`).toBe(true);
    }
    expect(names.every((name) => name.startsWith('NotoSans')), names.join(', ')).toBe(true);

    const glyphs = drawnGlyphs(fs.readFileSync(pdf));
    // Every character of the six lines (and the title, date and page numbers) was drawn.
    expect(glyphs.length).toBeGreaterThan(Object.values(TEXT).join('').replace(/\s/g, '').length / 2);
    expect(glyphs.filter((g) => g === '0000')).toEqual([]);

    // A picture of the page for a person to look at.
    const results = path.resolve('test-results');
    fs.mkdirSync(results, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '100', '-f', '1', '-l', '1', '-singlefile', pdf, path.join(results, 'export-every-script')]);
    expect(fs.statSync(path.join(results, 'export-every-script.png')).size).toBeGreaterThan(10_000);
  });

  it('would see a .notdef glyph: a character no bundled font has is caught', async () => {
    // Tangut and a private-use character: neither Noto nor DejaVu draws them.
    const pdf = await renderPdf(doc([{ kind: 'paragraph', parts: [{ text: `${TEXT.thai} 𗀀𗀁 \ue000` }] }]), printer.printToPdf);
    expect(drawnGlyphs(pdf).filter((g) => g === '0000').length).toBeGreaterThanOrEqual(2);
  });

  it('marks Traditional text zh-Hant in HTML and embeds Noto Sans TC for it, and leaves Simplified text to Noto Sans SC', () => {
    const html = renderHtml(everyScript);
    expect(html).toContain(`<span lang="zh-Hant">${TEXT.traditional}</span>`);
    expect(html).not.toContain(`<span lang="zh-Hant">${TEXT.simplified}`);
    expect(html).toMatch(/:lang\(zh-Hant\) \{ font-family: 'Noto Sans', 'Noto Sans TC'/);
    expect(html).toMatch(/font-family: 'Noto Sans TC'; font-style: normal; font-weight: 400/);
    expect(html).toMatch(/font-family: 'Noto Sans SC'; font-style: normal; font-weight: 400/);
  });

  it('sets a Traditional title in the PDF page header in Noto Sans TC too', () => {
    const header = pdfPage({ ...everyScript, title: TEXT.traditional }).headerTemplate;
    expect(header).toMatch(/font-family: 'Noto Sans TC'; font-style: normal; font-weight: 400/);
    expect(header).not.toMatch(/font-family: 'Noto Sans SC'; font-style/);
    expect(header).toContain('<div style="font-family: &#39;Noto Sans&#39;, &#39;Noto Sans TC&#39;');
    expect(pdfPage({ ...everyScript, title: TEXT.simplified }).headerTemplate).toMatch(/font-family: 'Noto Sans SC'; font-style/);
  });

  it('names each script’s font and language on its DOCX runs', async () => {
    const files = unzipSync(new Uint8Array(await renderDocx(everyScript)));
    const xml = strFromU8(files['word/document.xml']!);
    const runs = [...xml.matchAll(/<w:r>(.*?)<\/w:r>/gs)].map((m) => m[1]!);
    /** The run properties of the run holding this text. */
    const propsOf = (text: string) => {
      const run = runs.find((r) => r.includes(`>${text}</w:t>`));
      expect(run, text).toBeDefined();
      return run!.slice(0, run!.indexOf('<w:t'));
    };

    const vietnamese = propsOf(TEXT.vietnamese);
    expect(vietnamese).toMatch(/w:ascii="Noto Sans"/);
    expect(vietnamese).toMatch(/w:hAnsi="Noto Sans"/);

    for (const [text, font, lang] of [
      [TEXT.thai, 'Noto Sans Thai', 'th-TH'],
      [TEXT.burmese, 'Noto Sans Myanmar', 'my-MM'],
      [TEXT.khmer, 'Noto Sans Khmer', 'km-KH'],
    ] as const) {
      const props = propsOf(text);
      expect(props, text).toMatch(new RegExp(`w:cs="${font}"`));
      expect(props, text).toMatch(/w:hint="cs"/);
      expect(props, text).toMatch(new RegExp(`<w:lang [^>]*w:bidi="${lang}"`));
    }

    const simplified = propsOf(TEXT.simplified);
    expect(simplified).toMatch(/w:eastAsia="Noto Sans CJK SC"/);
    expect(simplified).toMatch(/<w:lang [^>]*w:eastAsia="zh-CN"/);
    const traditional = propsOf(TEXT.traditional);
    expect(traditional).toMatch(/w:eastAsia="Noto Sans CJK TC"/);
    expect(traditional).toMatch(/<w:lang [^>]*w:eastAsia="zh-TW"/);
  });
});
