// The identity check reads exports through the document model their renderers print, so every
// printed text must be a place it checks, and every replacement must reach every format. A name
// is put in every kind of block and cell; hashes and ids are left alone.
import { describe, expect, it } from 'vitest';
import type { ExportDocument } from '../../../electron/core/exports/document';
import { renderHtml } from '../../../electron/core/exports/html';
import { renderMarkdown } from '../../../electron/core/exports/markdown';
import { documentPlaces, mapDocumentText } from '../../../electron/core/export-check/document-places';

const NAME = 'Nguyễn Văn Minh';
const HASH = 'a'.repeat(64);

const doc: ExportDocument = {
  title: `Plan for ${NAME}`,
  subtitle: `Prepared with ${NAME}`,
  generatedAt: '2026-12-01T10:00:00.000Z',
  blocks: [
    { kind: 'heading', level: 1, text: `About ${NAME}` },
    { kind: 'paragraph', parts: [{ text: 'Said by ', bold: true }, { text: NAME }, { text: HASH, code: true }] },
    { kind: 'quote', text: `${NAME} called me` },
    { kind: 'list', ordered: false, items: [[{ text: `Call ${NAME}` }]] },
    { kind: 'fields', rows: [[`Contact of ${NAME}`, NAME], ['SHA-256', HASH]], code: ['SHA-256'] },
    { kind: 'pageBreak' },
    { kind: 'heading', level: 1, text: 'Appendix: evidence hashes' },
    { kind: 'table', columns: ['Label', 'SHA-256'], rows: [[`${NAME} interview.csv`, HASH]], code: [1] },
  ],
};

describe('the places the identity check reads in an export', () => {
  it('covers every printed text, named by its section, and never a hash', () => {
    const places = documentPlaces(doc);
    const printed = [renderMarkdown(doc), renderHtml(doc)];
    const count = (text: string) => text.split(NAME).length - 1;
    // Markdown prints each occurrence once (the title may repeat in the HTML head).
    expect(places.reduce((n, p) => n + count(p.text), 0)).toBe(count(printed[0]!));
    expect(places.some((p) => p.text.includes(HASH))).toBe(false);
    expect(places.find((p) => p.text.startsWith(NAME + ' interview'))?.where).toBe('Appendix: evidence hashes · Row 1 · Label');
    expect(places.find((p) => p.text === `${NAME} called me`)?.where).toBe(`About ${NAME} · Quotation`);
  });

  it('replaces in every block and cell, in every format, and leaves hashes as they are', () => {
    const cleaned = mapDocumentText(doc, (text) => text.replaceAll(NAME, '[Person A]'));
    for (const output of [renderMarkdown(cleaned), renderHtml(cleaned)]) {
      expect(output).not.toContain(NAME);
      expect(output).toContain(HASH);
    }
    expect(documentPlaces(cleaned).some((p) => p.text.includes(NAME))).toBe(false);
  });
});
