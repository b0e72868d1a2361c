// The interface's @font-face rules are generated from the installed font packages: the file must
// match them (regenerate with `tsx scripts/build-fonts-css.ts` after an update), name only woff2
// files that exist, and give every rule a unicode-range so only the scripts on screen load.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FACES_FILE, fontFacesCss, SCRIPT_FACES_FILE } from '../../../scripts/build-fonts-css';

describe('bundled font faces of the interface', () => {
  const interfaceCss = fs.readFileSync(FACES_FILE, 'utf8');
  const css = interfaceCss + fs.readFileSync(SCRIPT_FACES_FILE, 'utf8');

  it('matches the installed font packages', () => {
    expect(interfaceCss === fontFacesCss('interface'), 'fonts.faces.css is out of date: run tsx scripts/build-fonts-css.ts').toBe(true);
    expect(fs.readFileSync(SCRIPT_FACES_FILE, 'utf8') === fontFacesCss('scripts'), 'fonts.scripts.css is out of date: run tsx scripts/build-fonts-css.ts').toBe(true);
  });

  it('keeps the stylesheet every page waits for small: Noto Sans only', () => {
    expect(interfaceCss.length).toBeLessThan(8_000);
    expect([...new Set(interfaceCss.match(/font-family: '[^']+'/g))]).toEqual(["font-family: 'Noto Sans'"]);
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
