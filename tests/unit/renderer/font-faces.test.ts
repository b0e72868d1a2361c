// The interface's @font-face rules are generated from the installed font packages: the file must
// match them (regenerate with `tsx scripts/build-fonts-css.ts` after an update), name only woff2
// files that exist, and give every rule a unicode-range so only the scripts on screen load.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FACES_FILE, fontFacesCss } from '../../../scripts/build-fonts-css';

describe('bundled font faces of the interface', () => {
  const css = fs.readFileSync(FACES_FILE, 'utf8');

  it('matches the installed font packages', () => {
    expect(css === fontFacesCss(), 'fonts.faces.css is out of date: run tsx scripts/build-fonts-css.ts').toBe(true);
  });

  it('loads existing woff2 files by unicode-range, regular and bold, for every script', () => {
    const rules = css.match(/@font-face {[^}]*}/g) ?? [];
    expect(rules.length).toBeGreaterThan(300);
    for (const rule of rules) {
      expect(rule).toMatch(/unicode-range: U\+/);
      expect(rule).not.toMatch(/\.woff\)/);
      // Never inlined as data: URLs, which the app's policy (font-src 'self') refuses.
      expect(rule).toMatch(/\.woff2\?no-inline\)/);
      const file = /url\(([^)?]+\.woff2)/.exec(rule)![1]!;
      expect(fs.existsSync(path.resolve(path.dirname(FACES_FILE), file)), file).toBe(true);
    }
    for (const family of ['Noto Sans', 'Noto Sans Thai', 'Noto Sans Myanmar', 'Noto Sans Khmer', 'Noto Sans SC', 'Noto Sans TC']) {
      for (const weight of [400, 700]) expect(css).toContain(`font-family: '${family}'; font-style: normal; font-display: swap; font-weight: ${weight};`);
    }
  });
});
