// Untranslated text, found by looking: with the en-XA pseudo-locale on, every string that came
// from the catalogues is accented and bracketed, so a visible text node with plain English
// letters and no accent is a literal in a component. Lists them on Home, the diary editor and
// Safety; the list must be empty apart from content documents and proper names.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSignedInPage, screenshot, type SignedInPage } from './harness';
import { createVaultThroughUi } from './vault-ui';

/** Visible text nodes with Latin letters and no pseudo-accent, with the nearest element's tag. */
async function untranslated(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node.textContent ?? '').trim();
      const parent = node.parentElement;
      if (!text || !parent || !/[A-Za-z]{2}/.test(text)) continue;
      // Documents rendered from Markdown (the knowledge base, the safety guide, the checklist
      // steps) and Home's entry points from the compiled toolkit are content, translated as
      // documents rather than through the catalogues.
      if (parent.closest('script, style, noscript, [hidden], [aria-hidden="true"], code, kbd, .markdown, .home-entry-points')) continue;
      const style = getComputedStyle(parent);
      if (style.display === 'none' || style.visibility === 'hidden' || parent.getClientRects().length === 0) continue;
      if (/[⟦⟧]|[áçðéíñöšţüŕɱ]/.test(text)) continue;
      found.push(`${parent.tagName.toLowerCase()}: ${text.slice(0, 80)}`);
    }
    return found;
  });
}

describe('pseudo-locale en-XA in Chromium', () => {
  let app: SignedInPage;

  beforeAll(async () => {
    app = await openSignedInPage();
    // The vault is made in English (the helper reads English labels), then the tab switches.
    await app.page.goto(`${app.server.origin}/diary`);
    await createVaultThroughUi(app.page);
    await app.page.getByRole('heading', { name: 'Engagement diary' }).waitFor({ timeout: 30_000 });
    await app.page.goto(`${app.server.origin}/?locale=en-XA`);
    await app.page.waitForFunction(() => document.documentElement.lang === 'en-XA');
  });

  afterAll(async () => {
    await app?.close();
  });

  // Brand and proper names that stay as they are in every language.
  const ALLOWED = [/^a: (CLARITI|SEA CPN|DRAPAC|claritihria\.net)$/, /Advocacy Workbench/];
  const report = (found: string[]) => found.filter((line) => !ALLOWED.some((pattern) => pattern.test(line)));

  for (const [name, route, heading] of [
    ['Home', '/', 'main h1'],
    ['the diary editor', '/diary/new', 'main form'],
    ['Safety', '/safety', 'main h1'],
  ] as const) {
    it(`shows no untranslated interface text on ${name}`, async () => {
      await app.page.goto(`${app.server.origin}${route}`);
      await app.page.locator(heading).first().waitFor({ timeout: 30_000 });
      await app.page.waitForTimeout(300);
      await screenshot(app.page, `pseudo-locale-${route.replace(/\W+/g, '-').replace(/^-|-$/g, '') || 'home'}`);
      const found = report(await untranslated(app.page));
      console.log(`${name}: ${found.length} untranslated\n${found.join('\n')}`);
      expect(await app.page.evaluate(() => document.documentElement.lang)).toBe('en-XA');
      expect(found).toEqual([]);
    });
  }

  it('would see a literal (the check is not blind)', async () => {
    await app.page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Save changes';
      document.querySelector('main')!.append(p);
    });
    expect(await untranslated(app.page)).toContain('p: Save changes');
    // And the interface around it is pseudo-localised: the navigation shows accented words.
    expect(await app.page.locator('nav').first().innerText()).toMatch(/⟦/);
  });
});
