// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../renderer/src/components/markdown';

const payloads: Array<[name: string, markdown: string, forbidden: RegExp]> = [
  ['a script tag', 'Hello <script>window.pwned = 1</script>', /<script/i],
  ['an image with onerror', '<img src=x onerror="window.pwned=1">', /onerror/i],
  ['a javascript: link', '[click](javascript:alert(1))', /javascript:/i],
  ['an encoded javascript: link', '[click](&#106;avascript:alert(1))', /javascript:|&#106;/i],
  ['an iframe', '<iframe src="https://evil.example"></iframe>', /<iframe/i],
  ['a remote image', '![tracker](https://evil.example/pixel.png)', /evil\.example/],
  ['an svg with script', '<svg><script>alert(1)</script></svg>', /<svg|<script/i],
  ['inline styles', '<p style="background:url(https://evil.example)">x</p>', /style=|evil/i],
  ['a form', '<form action="https://evil.example"><input name=a></form>', /<form|<input/i],
  ['a data: html link', '[x](data:text/html;base64,PHNjcmlwdD4=)', /data:text/i],
  ['a vbscript link', '<a href="vbscript:msgbox(1)">x</a>', /vbscript/i],
  ['an object tag', '<object data="x.swf"></object>', /<object/i],
];

describe('rendering Markdown safely', () => {
  it.each(payloads)('renders %s inert', (_name, markdown, forbidden) => {
    expect(renderMarkdown(markdown)).not.toMatch(forbidden);
  });

  it('keeps ordinary formatting, tables and safe links', () => {
    const html = renderMarkdown('## Title\n\n**bold** [OECD NCP](mechanism:oecd-ncp) [site](https://www.ohchr.org)\n\n| a | b |\n|---|---|\n| 1 | 2 |');
    expect(html).toContain('<h2');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('href="mechanism:oecd-ncp"');
    expect(html).toContain('href="https://www.ohchr.org"');
    expect(html).toContain('<table>');
  });
});
