// @vitest-environment jsdom
// The HTML export parsed as a browser parses it: every quotation present, nothing that could load.
import { describe, expect, it } from 'vitest';
import { exportRenderer } from '../../../electron/core/exports/render';
import { HASH, QUOTES, sampleDocument as doc } from './multilingual';

const renderer = exportRenderer(undefined);

describe('the HTML export', () => {
  it('writes self-contained HTML with no way to load anything', async () => {
    const file = await renderer.render(doc, 'html', doc.title);
    const html = Buffer.from(file.data, 'base64').toString('utf8');
    const document = new DOMParser().parseFromString(html, 'text/html');
    const text = document.body.textContent ?? '';
    for (const quote of Object.values(QUOTES)) expect(text).toContain(quote);
    expect(document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toContain("default-src 'none'");
    expect(document.querySelectorAll('script, link, img, iframe')).toHaveLength(0);
    // The only url() allowed is an embedded font's data: URL.
    expect(html).not.toMatch(/(src|href)=|url\((?!data:font\/woff2;base64,)/);
    expect(document.querySelector('ol li')?.textContent).toContain('<b>not bold</b>');
    expect(document.querySelector('td.code')?.textContent).toBe(HASH);
    expect(html).toContain("'Noto Sans CJK SC'");
    expect(html).toMatch(/@bottom-center \{ content: "Page " counter\(page\) " of " counter\(pages\);/);
  });

  it('numbers printed pages in the export\'s language, the label written as CSS strings around the counters', async () => {
    const file = await renderer.render({ ...doc, locale: 'th' }, 'html', doc.title);
    const html = Buffer.from(file.data, 'base64').toString('utf8');
    // "หน้า {{page}} จาก {{total}}", each character of the words escaped as CSS.
    const css = (text: string) => [...text].map((c) => (/^[A-Za-z0-9 ]$/.test(c) ? c : `\\${c.codePointAt(0)!.toString(16).padStart(6, '0')}`)).join('');
    expect(html).toContain(`@bottom-center { content: "${css('หน้า ')}" counter(page) "${css(' จาก ')}" counter(pages);`);
    expect(html).not.toContain('"Page "');
  });

});
