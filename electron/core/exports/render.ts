// One entry point for every export: a document model in, a file for the save dialog out. Nothing
// is written to disk here or anywhere in core; the bytes go back to the renderer as base64.
import type { ExportFile, ExportFormat } from '@shared/api/plans';
import { DomainError } from '../rpc/domain-error';
import type { ExportDocument } from './document';
import { renderDocx } from './docx';
import { renderHtml } from './html';
import { renderMarkdown } from './markdown';
import { renderPdf, type PrintToPdf } from './pdf';

const MIME: Record<ExportFormat, string> = {
  markdown: 'text/markdown;charset=utf-8',
  html: 'text/html;charset=utf-8',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};
const EXTENSION: Record<ExportFormat, string> = { markdown: 'md', html: 'html', pdf: 'pdf', docx: 'docx' };

export interface ExportRenderer {
  /**
   * `descriptiveName` is the title to name the file after, when the user asked for that; null
   * gives the neutral default name.
   */
  render(doc: ExportDocument, format: ExportFormat, descriptiveName: string | null, report?: ReportRenderStep): Promise<ExportFile>;
}

/** Told as a PDF or Word file reaches each step, for the progress bar of a long export. */
export type ReportRenderStep = (step: 'layout' | 'print') => Promise<void>;

export function exportRenderer(printToPdf: PrintToPdf | undefined): ExportRenderer {
  return {
    async render(doc, format, descriptiveName, report) {
      const bytes = await renderBytes(doc, format, printToPdf, report);
      const base = descriptiveName === null ? neutralBaseName(doc.generatedAt) : fileBaseName(descriptiveName);
      return { fileName: `${base}.${EXTENSION[format]}`, mimeType: MIME[format], data: bytes.toString('base64') };
    },
  };
}

async function renderBytes(doc: ExportDocument, format: ExportFormat, printToPdf: PrintToPdf | undefined, report?: ReportRenderStep): Promise<Buffer> {
  switch (format) {
    case 'markdown':
      return Buffer.from(renderMarkdown(doc), 'utf8');
    case 'html':
      return Buffer.from(renderHtml(doc), 'utf8');
    case 'docx':
      await report?.('layout');
      return renderDocx(doc);
    case 'pdf':
      if (!printToPdf) throw new DomainError('UNAVAILABLE', 'exports.pdfUnavailable', 'PDF export is not available in this copy of the app. Export HTML and print it to PDF instead.');
      try {
        await report?.('layout');
        return await renderPdf(doc, printToPdf, () => report?.('print') ?? Promise.resolve());
      } catch (error) {
        if (error instanceof DomainError) throw error;
        throw new DomainError('UNAVAILABLE', 'exports.pdfEngineSilent', 'The PDF could not be made: the print engine did not respond. Try again, or export HTML and print that.');
      }
  }
}

/**
 * The default file name: a file left in Downloads, a synced folder or a seized laptop's recent-files
 * list should not say what it is about or which tool made it, so it carries only the date.
 */
export function neutralBaseName(generatedAt: string): string {
  return `document-${generatedAt.slice(0, 10)}`;
}

/**
 * A file name that is safe on every system and still readable in any script: letters and digits
 * of any language kept, everything else a dash, at most 80 characters.
 */
export function fileBaseName(title: string): string {
  const cleaned = title
    .normalize('NFC')
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return [...cleaned].slice(0, 80).join('') || 'export';
}
