// A document of the app's own words, printed by a PDF printer on the page it readies for the next
// export, so that page's first layout, font matching and shaping of each script are done before
// the user asks. It holds nothing from any vault.
import type { ExportDocument } from './document';
import { renderHtml } from './html';
import { pdfPage, type PdfPage } from './pdf';

// One line in each script the exports are written in, and each kind of block an export prints.
const SAMPLE_TEXT = ['Tiếng Việt', 'ภาษาไทย', 'မြန်မာဘာသာ', 'ភាសាខ្មែរ', '简体中文', '繁體中文', 'Bahasa Indonesia'];

const SAMPLE: ExportDocument = {
  title: SAMPLE_TEXT.join(' · '),
  subtitle: SAMPLE_TEXT[0]!,
  generatedAt: '2026-01-01T00:00:00.000Z',
  locale: 'en',
  blocks: [
    { kind: 'heading', level: 2, text: SAMPLE_TEXT[1]! },
    { kind: 'paragraph', parts: [{ text: SAMPLE_TEXT.join(' ') }, { text: SAMPLE_TEXT[2]!, bold: true }], number: 1 },
    { kind: 'quote', text: SAMPLE_TEXT[3]! },
    { kind: 'list', ordered: false, items: SAMPLE_TEXT.map((text) => [{ text }]) },
    { kind: 'fields', rows: SAMPLE_TEXT.map((text, index): [string, string] => [text, String(index)]), code: [SAMPLE_TEXT[6]!] },
    { kind: 'table', columns: SAMPLE_TEXT.slice(0, 3), rows: [SAMPLE_TEXT.slice(3, 6)], code: [0] },
  ],
};

let printed: { html: string; page: PdfPage } | null = null;

/** The sample's HTML and page chrome, built on first use (about 10 ms) and kept. */
export function warmUpPrint(): { html: string; page: PdfPage } {
  printed ??= { html: renderHtml(SAMPLE, { pageChrome: false }), page: pdfPage(SAMPLE) };
  return printed;
}
