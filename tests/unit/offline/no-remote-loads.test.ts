// The built app must contain nothing that loads from outside by itself: no remote scripts, styles,
// fonts or images in HTML or CSS, and no network calls to literal outside addresses in JS.
// Plain strings that merely mention an address (help links, library error URLs) are allowed:
// they load nothing unless the user follows them through the confirm dialog.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const OUT = path.resolve('out');

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

const REMOTE = String.raw`(?:https?:)?\/\/(?!127\.0\.0\.1|localhost)[\w.-]+`;
const rules: Array<[ext: RegExp, pattern: RegExp, what: string]> = [
  [/\.html$/, new RegExp(String.raw`<(?:script|img|link|iframe|source|video|audio|embed|object)\b[^>]*\b(?:src|href|data|srcset)\s*=\s*["']?${REMOTE}`, 'i'), 'an element loading a remote resource'],
  [/\.(css|html)$/, new RegExp(String.raw`url\(\s*["']?${REMOTE}`, 'i'), 'a CSS url() pointing outside'],
  [/\.(css|html)$/, new RegExp(String.raw`@import\s+(?:url\()?\s*["']?${REMOTE}`, 'i'), 'a CSS @import from outside'],
  [/\.(m?js|cjs)$/, new RegExp(String.raw`\b(?:fetch|sendBeacon|importScripts|import)\(\s*["'\`]${REMOTE}`), 'a network call to a literal outside address'],
  [/\.(m?js|cjs)$/, new RegExp(String.raw`new\s+(?:WebSocket|EventSource|Worker)\(\s*["'\`](?:wss?:|https?:)?\/\/`), 'a socket or stream to a literal address'],
  [/\.(m?js|cjs)$/, new RegExp(String.raw`\.open\(\s*["'\`](?:GET|POST)["'\`]\s*,\s*["'\`]${REMOTE}`, 'i'), 'an XHR to a literal outside address'],
];

describe('the built app', () => {
  it('exists (run npm run build first)', () => {
    expect(fs.existsSync(path.join(OUT, 'renderer', 'index.html')), 'out/renderer/index.html is missing: run npm run build').toBe(true);
  });

  it('contains no URL that loads anything automatically', () => {
    const findings: string[] = [];
    const files = filesUnder(OUT).filter((file) => /\.(html|css|m?js|cjs)$/.test(file));
    expect(files.length).toBeGreaterThan(3);
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      for (const [ext, pattern, what] of rules) {
        if (!ext.test(file)) continue;
        const match = pattern.exec(text);
        if (match) findings.push(`${path.relative(OUT, file)}: ${what}: ${match[0].slice(0, 120)}`);
      }
    }
    expect(findings).toEqual([]);
  });

  it('the scanner catches remote loads when they are there', () => {
    const html = '<img src="https://tracker.example/p.png"><script src="//cdn.example/x.js"></script>';
    const css = "@font-face{src:url('https://fonts.example/f.woff2')}";
    const js = 'fetch("https://telemetry.example/v1")';
    expect(rules[0]![1].test(html)).toBe(true);
    expect(rules[1]![1].test(css)).toBe(true);
    expect(rules[3]![1].test(js)).toBe(true);
    expect(rules[0]![1].test('<a href="https://www.ohchr.org">OHCHR</a>')).toBe(false);
  });
});
