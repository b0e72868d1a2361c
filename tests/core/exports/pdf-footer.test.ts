// The PDF page footer is the export's words too: "Page N of M" in the export's language, with the
// two spans Chromium fills per page, and the label escaped as text in the HTML template.
import { describe, expect, it } from 'vitest';
import type { ExportDocument } from '../../../electron/core/exports/document';
import { LABEL_FILES } from '../../../electron/core/exports/labels';
import { pdfPage } from '../../../electron/core/exports/pdf';

const doc = (locale: string): ExportDocument => ({ title: 'T', subtitle: 'S', generatedAt: '2026-12-01T10:00:00Z', locale, blocks: [] });
/** The footer's words, with its markup and the embedded fonts' style sheet taken out. */
const footerWords = (template: string) => template.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();

describe('PDF page footer', () => {
  it.each(Object.keys(LABEL_FILES))('is written in %s with one page-number and one page-count span', (code) => {
    const footer = pdfPage(doc(code)).footerTemplate;
    expect(footer.match(/<span class="pageNumber"><\/span>/g)).toHaveLength(1);
    expect(footer.match(/<span class="totalPages"><\/span>/g)).toHaveLength(1);
    expect(footer).not.toContain('{{');
    const own = LABEL_FILES[code]!.labels['common.pageOf'];
    expect(own, `${code} has a page label`).toBeTruthy();
    expect(footerWords(footer)).toBe(own!.split(/\{\{\w+\}\}/).map((part) => part.trim()).filter(Boolean).join(' '));
    if (code !== 'en') expect(footerWords(footer)).not.toMatch(/\bPage\b|\bof\b/);
  });

  it('follows the export locale as a full tag, and falls back to English for a language without labels', () => {
    expect(pdfPage(doc('th-TH-u-ca-buddhist')).footerTemplate).toBe(pdfPage(doc('th')).footerTemplate);
    expect(footerWords(pdfPage(doc('zh-TW')).footerTemplate)).toBe('第 頁，共 頁');
    expect(footerWords(pdfPage(doc('fr')).footerTemplate)).toBe('Page of');
  });

  it('escapes the label as text, so a translation cannot add markup to the template', () => {
    const en = LABEL_FILES.en!.labels;
    const saved = en['common.pageOf']!;
    try {
      en['common.pageOf'] = '<img src=x onerror=alert(1)> & {{page}} "of" {{total}}';
      const footer = pdfPage(doc('en')).footerTemplate;
      expect(footer).not.toContain('<img');
      expect(footer).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; <span class="pageNumber"></span>');
    } finally {
      en['common.pageOf'] = saved;
    }
  });
});
