// Exports a package in each format through the dispatcher and reads the text back the way a
// recipient's software would: DOCX through mammoth, PDF through pdftotext, HTML through the DOM
// parser of the test environment (files that read HTML run under `@vitest-environment jsdom`).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
import type { ExportFormat } from '@shared/api/plans';
import type { TestCore } from '../../helpers/core';
import { tempDir } from '../../helpers/temp';

export async function exportedText(t: TestCore, id: string, format: ExportFormat): Promise<string> {
  const file = await t.call('packages.export', { id, format, identity: { acknowledge: true } });
  const bytes = Buffer.from(file.data, 'base64');
  if (format === 'docx') return (await mammoth.extractRawText({ buffer: bytes })).value;
  if (format === 'pdf') {
    const pdf = path.join(tempDir('package-pdf-'), 'p.pdf');
    fs.writeFileSync(pdf, bytes);
    return execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
  }
  if (format === 'html') return new DOMParser().parseFromString(bytes.toString('utf8'), 'text/html').body.textContent ?? '';
  return bytes.toString('utf8');
}

/** Whitespace folded to single spaces and Markdown's bold marks dropped, so a sentence wrapped by PDF layout or set in bold still matches. */
export const flat = (text: string) => text.replaceAll('**', '').replace(/\s+/g, ' ');
