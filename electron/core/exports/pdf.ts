// PDF through Chromium's print pipeline: core builds the HTML and the page header and footer, and
// the shell (Electron) or browser mode (playwright-core) supplies the printer. Both printers use
// these same templates, so a PDF looks the same whichever runs the app.
import { displayDate, type ExportDocument } from './document';
import { chineseVariant } from './chinese-variant';
import { CSS_FONT_STACK, CSS_TRADITIONAL_STACK, embeddedFontFaces } from './fonts';
import { escapeHtml } from './encode';
import { pageOfLabel } from './labels';
import { PAGE_MARGINS, renderHtml } from './html';

export interface PdfPage {
  /** Chromium header/footer templates; 'pageNumber' and 'totalPages' spans are filled in per page. */
  headerTemplate: string;
  footerTemplate: string;
  /** CSS lengths (mm). */
  margins: { top: string; bottom: string; left: string; right: string };
}

/** Prints self-contained HTML to PDF bytes, with no network access and nothing written to disk. */
export type PrintToPdf = (html: string, page: PdfPage) => Promise<Buffer>;

// Header and footer templates are rendered apart from the page: they need their own font stack
// and size (Chromium's default there is tiny), and may not load anything.
// They carry their own copy of the bundled fonts their text needs: they cannot see the page's.
// A title in Traditional Chinese is set in Noto Sans TC, as it is on the page.
function chrome(align: 'left' | 'center', content: string): string {
  const traditional = chineseVariant(content) === 'zh-Hant';
  const text = `${content}0123456789`;
  const faces = embeddedFontFaces(traditional ? { regular: '', bold: '', traditional: text } : { regular: text, bold: '' });
  const stack = traditional ? CSS_TRADITIONAL_STACK : CSS_FONT_STACK;
  return `<style>${faces}</style><div style="font-family: ${escapeHtml(stack)}; font-size: 8px; color: #555; width: 100%; margin: 0 18mm; text-align: ${align};">${content}</div>`;
}

/**
 * "Page N of M" in the document's language. Chromium fills the two spans on each page, so the label is
 * escaped as text first and only then are its two placeholders swapped for the spans.
 */
function pageOf(doc: ExportDocument): string {
  return escapeHtml(pageOfLabel(doc)).replace('{{page}}', '<span class="pageNumber"></span>').replace('{{total}}', '<span class="totalPages"></span>');
}

/** The page header and footer; the document's locale is the language its labels are written in. */
export function pdfPage(doc: ExportDocument): PdfPage {
  return {
    headerTemplate: chrome('left', `${escapeHtml(doc.title)} · ${escapeHtml(displayDate(doc.generatedAt, doc.locale))}`),
    footerTemplate: chrome('center', pageOf(doc)),
    margins: PAGE_MARGINS,
  };
}

/** `beforePrint` is told when the page is laid out and printing starts, the long step. */
export async function renderPdf(doc: ExportDocument, printToPdf: PrintToPdf, beforePrint?: () => Promise<void>): Promise<Buffer> {
  const html = renderHtml(doc, { pageChrome: false });
  await beforePrint?.();
  return printToPdf(html, pdfPage(doc));
}
