// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { passageElements, sectionHtml } from '../../../renderer/src/features/kb/sectionHtml';

const PAYLOADS = [
  '<script>window.pwned = 1</script>',
  '<img src="x" onerror="window.pwned = 1">',
  '<img src="https://tracker.example/pixel.png">',
  '[click](javascript:window.pwned=1)',
  '[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '<iframe src="https://example.org"></iframe>',
  '<a href="javascript:alert(1)" onclick="alert(1)">x</a>',
  '<svg><script>alert(1)</script></svg>',
  '<form action="https://evil.example"><input name="q"></form>',
  '<div style="background:url(https://tracker.example/x)">styled</div>',
  '![remote](https://tracker.example/pixel.png)',
];

function render(markdown: string): HTMLElement {
  const root = document.createElement('div');
  root.innerHTML = sectionHtml(markdown, [{ depth: 1, text: 'Title', anchor: 'title' }]);
  return root;
}

describe('rendering knowledge-base Markdown', () => {
  it.each(PAYLOADS)('renders %s inert', (payload) => {
    const root = render(`# Title\n\nBefore ${payload} after\n\n${payload}\n`);
    expect(root.querySelector('script, iframe, form, input, object, embed, svg')).toBeNull();
    for (const element of root.querySelectorAll('*')) {
      for (const attribute of element.attributes) {
        expect(attribute.name).not.toMatch(/^on/i);
        expect(attribute.name).not.toBe('style');
      }
    }
    for (const link of root.querySelectorAll('a[href]')) {
      expect(link.getAttribute('href')).toMatch(/^(https?:|mailto:|mechanism:|framework:|section:|#|\/)/);
    }
    for (const image of root.querySelectorAll('img')) expect(image.getAttribute('src')).toMatch(/^data:image\//);
    expect((window as unknown as { pwned?: number }).pwned).toBeUndefined();
  });

  it('gives each heading the anchor search hits point to, and keeps in-app links', () => {
    const root = document.createElement('div');
    root.innerHTML = sectionHtml('# Main\n\nIntro with [SEA CPN](mechanism:sea-cpn).\n\n## Part one\n\nText.\n\n## Part two\n\nMore.', [
      { depth: 1, text: 'Main', anchor: 'main' },
      { depth: 2, text: 'Part one', anchor: 'part-one' },
      { depth: 2, text: 'Part two', anchor: 'part-two' },
    ]);
    expect([...root.querySelectorAll('h1, h2')].map((h) => h.id)).toEqual(['main', 'part-one', 'part-two']);
    expect(root.querySelector('a')?.getAttribute('href')).toBe('mechanism:sea-cpn');
    expect(passageElements(root, 'part-one').map((e) => e.textContent)).toEqual(['Part one', 'Text.']);
  });
});
