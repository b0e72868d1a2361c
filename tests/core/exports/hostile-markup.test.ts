// @vitest-environment jsdom
// The encoders each export context uses, and the Markdown export as a GFM viewer renders it, read
// back by a DOM: hostile text must come back as the same text and never as markup.
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import type { ExportDocument } from '../../../electron/core/exports/document';
import { cssString, escapeHtml } from '../../../electron/core/exports/encode';
import { exportRenderer } from '../../../electron/core/exports/render';
import { HOSTILE, hostileDocument } from './hostile';

const renderer = exportRenderer(undefined);
const render = async (format: 'markdown', doc: ExportDocument = hostileDocument) => Buffer.from((await renderer.render(doc, format, doc.title)).data, 'base64');

describe('the encoders', () => {
  it('turns any text into CSS string content that holds no character able to end it', () => {
    for (const text of [...HOSTILE, '\u0000\ud800x\r\n"\'\\', '𠀀 Thai ไทย']) {
      const encoded = cssString(text);
      expect(encoded).toMatch(/^[A-Za-z0-9 \\]*$/);
      // A CSS parser reads the original back (Chromium does the same in the test below).
      const decoded = encoded.replace(/\\([0-9a-f]{6})/g, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)));
      expect(decoded).toBe(text);
    }
  });

  it('turns any text into HTML text that parses back to itself, in content and in attributes', () => {
    for (const text of HOSTILE) {
      const dom = new DOMParser().parseFromString(`<p title="${escapeHtml(text)}" data-x='${escapeHtml(text)}'>${escapeHtml(text)}</p>`, 'text/html');
      const p = dom.querySelector('p')!;
      expect(p.textContent).toBe(text);
      expect(p.getAttribute('title')).toBe(text);
      expect(p.getAttribute('data-x')).toBe(text);
      expect(p.children).toHaveLength(0);
    }
  });
});

describe('a Markdown export of hostile text', () => {
  it('renders in a GFM viewer as text only: no link, image, HTML or autolinked address', async () => {
    const md = (await render('markdown')).toString('utf8');
    const html = await marked.parse(md, { gfm: true });
    const dom = new DOMParser().parseFromString(html, 'text/html');
    const tags = new Set([...dom.body.querySelectorAll('*')].map((e) => e.tagName.toLowerCase()));
    const allowed = new Set(['h1', 'h2', 'h3', 'h4', 'p', 'em', 'strong', 'code', 'blockquote', 'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'hr', 'br']);
    expect([...tags].filter((tag) => !allowed.has(tag))).toEqual([]);
    const text = dom.body.textContent!.replace(/\s+/g, ' ');
    for (const hostile of HOSTILE) expect(text).toContain(hostile.replace(/\s+/g, ' '));
  });
});
