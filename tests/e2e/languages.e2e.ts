// Every shipped language, and the pseudo-locale en-XA (40% longer), on the main pages at 800×600
// and 1280×800: no button, link, label, heading or tab has its words cut off or pushed out of its
// box or off the screen, and the page never scrolls sideways; in the languages with their own
// script (Chinese, Thai, Burmese, Khmer) no message is left wholly in English. Screenshots of Home, the diary
// editor and Safety in each shipped language are kept under test-results/languages/ (git-ignored).
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shippedLanguages } from '../../renderer/src/i18n/languages';
import { PSEUDO_LOCALE } from '../../renderer/src/i18n/pseudo';
import { openSignedInPage, rpc, type SignedInPage } from './harness';
import { LANGUAGE_SHOTS_DIR } from './languages-i18n';
import { createVaultThroughUi } from './vault-ui';

const VIEWPORTS = [
  { width: 800, height: 600 },
  { width: 1280, height: 800 },
] as const;

/** Pages to check, with what shows they have loaded; the first three are also photographed. */
const PAGES = [
  { name: 'home', route: '/', ready: 'main h1' },
  { name: 'diary-editor', route: '/diary/new', ready: 'main form' },
  { name: 'safety', route: '/safety', ready: 'main h1' },
  { name: 'diary', route: '/diary', ready: 'main h1' },
  { name: 'plans', route: '/plans', ready: 'main h1' },
  { name: 'settings', route: '/settings', ready: 'main h1' },
  { name: 'submissions', route: '/submissions', ready: 'main .submission-row' },
  { name: 'submission-start', route: '/submissions/new', ready: 'main form' },
  { name: 'submission-editor', route: '/submissions/:draft', ready: 'main [data-testid="requirements-panel"] ul' },
  { name: 'kb-directory', route: '/kb/mechanisms', ready: 'main h1' },
  { name: 'kb-mechanism', route: '/kb/mechanisms/oecd-ncp', ready: 'main h1' },
] as const;
const PHOTOGRAPHED = new Set(['home', 'diary-editor', 'safety']);

/**
 * Controls and labels whose text does not fit: content wider (or, when clipped, taller) than the
 * element's box, or the element running past the right edge of the window. Each as
 * "tag "text": why". Inline elements have no box of their own and are measured by their parent.
 */
async function cutLabels(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const selector = 'button, a.button, [role="tab"], nav a, label, legend, summary, th, h1, h2, h3, .pill, .badge';
    const viewport = document.documentElement.clientWidth;
    for (const element of document.querySelectorAll<HTMLElement>(selector)) {
      if (element.closest('[hidden], [aria-hidden="true"], .visually-hidden')) continue;
      const style = getComputedStyle(element);
      const rect = element.getBoundingClientRect();
      if (style.display === 'none' || style.visibility === 'hidden' || rect.width === 0 || rect.height === 0) continue;
      const text = (element.innerText || element.getAttribute('aria-label') || '').trim().replace(/\s+/g, ' ').slice(0, 60);
      const what = `${element.tagName.toLowerCase()} "${text}"`;
      if (style.display !== 'inline' && element.scrollWidth > element.clientWidth + 1) {
        found.push(`${what}: ${element.scrollWidth}px of text in ${element.clientWidth}px`);
      } else if (style.display !== 'inline' && style.overflowY !== 'visible' && element.scrollHeight > element.clientHeight + 1) {
        found.push(`${what}: ${element.scrollHeight}px tall in ${element.clientHeight}px`);
      } else if (rect.right > viewport + 1 && style.position !== 'fixed') {
        found.push(`${what}: ends at ${Math.round(rect.right)}px, window ${viewport}px`);
      }
    }
    if (document.documentElement.scrollWidth > viewport + 1) found.push(`page scrolls sideways: ${document.documentElement.scrollWidth}px in ${viewport}px`);
    return found;
  });
}

/** Resizes the window and waits until the page has drawn at the new size twice. */
async function resizeAndSettle(page: Page, viewport: (typeof VIEWPORTS)[number]): Promise<void> {
  await page.setViewportSize(viewport);
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
  await page.waitForTimeout(100);
}

/** Scripts with no Latin letters of their own: an English word on their pages is untranslated. */
const NON_LATIN = new Set(['zh-Hans', 'zh-Hant', 'th', 'my', 'km']);
/** Words that stay as they are: the records this test wrote, brand, format and proper names. */
const KEPT_AS_IS = /^(Advocacy Workbench|Example Platform|Video call with trust and safety|Review 40 flagged posts|Restore removed accounts|Information for the review of the State|CLARITI|SEA CPN|DRAPAC|Access Now Digital Security Helpline|Front Line Defenders|Digital First Aid Kit|claritihria\.net|Markdown|HTML|PDF|Word \(DOCX\)|OECD|NCP|UN|ASEAN|Signal|Ctrl\+K|Ctrl|Alt|Shift)$/;

/**
 * Visible interface text written wholly in Latin letters, none in the page's own script: a
 * message left in English. Mixed text passes, since translations name organisations and keys as
 * they are ("ติดต่อ Front Line Defenders", "按 Ctrl+S 保存"). Documents rendered from Markdown are
 * content, translated as documents, and names in the picker carry their own lang.
 */
async function englishWords(page: Page): Promise<string[]> {
  return page.evaluate((kept) => {
    const keptAsIs = new RegExp(kept);
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node.textContent ?? '').trim();
      const parent = node.parentElement;
      if (!text || !parent || !/[A-Za-z]{3}/.test(text) || keptAsIs.test(text)) continue;
      if (/[\u0E00-\u0E7F\u1000-\u109F\u1780-\u17FF\u3000-\u9FFF\uFF00-\uFFEF]/.test(text)) continue;
      if (parent.closest('script, style, noscript, [hidden], [aria-hidden="true"], code, kbd, input, textarea, .markdown, .home-entry-points')) continue;
      const lang = parent.closest('[lang]')?.getAttribute('lang');
      if (lang && lang !== document.documentElement.lang) continue;
      if (parent.getClientRects().length === 0 || getComputedStyle(parent).visibility === 'hidden') continue;
      found.push(`${parent.tagName.toLowerCase()}: ${text.slice(0, 80)}`);
    }
    return found;
  }, KEPT_AS_IS.source);
}

describe('every shipped language and en-XA at 800×600 and 1280×800', () => {
  let app: SignedInPage;
  /** The submission draft whose editor is measured (its address needs its id). */
  let draftId = '';
  const languages = [...shippedLanguages().map((l) => l.code), PSEUDO_LOCALE];

  beforeAll(async () => {
    fs.mkdirSync(LANGUAGE_SHOTS_DIR, { recursive: true });
    app = await openSignedInPage();
    await app.page.goto(`${app.server.origin}/diary`);
    await createVaultThroughUi(app.page);
    await app.page.getByRole('heading', { name: 'Engagement diary' }).waitFor({ timeout: 30_000 });
    // Records on the pages, so lists and cards are measured with content in them.
    const company = await rpc<{ id: string }>(app.page, 'companies.save', { name: 'Example Platform', sector: 'social-media' });
    await rpc(app.page, 'engagements.save', {
      companyId: company.id,
      occurredAt: '2026-10-01T10:00:00.000Z',
      channel: 'call',
      title: 'Video call with trust and safety',
      commitments: [{ id: '7b0c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d', text: 'Review 40 flagged posts', dueDate: '2026-10-15' }],
    });
    await rpc(app.page, 'plans.save', { title: 'Restore removed accounts', companyId: company.id });
    const draft = await rpc<{ id: string }>(app.page, 'submissions.start', { route: 'uprStakeholder', source: null, title: 'Information for the review of the State' });
    draftId = draft.id;
  });

  afterAll(async () => {
    await app?.close();
  });

  it(`covers ${languages.join(', ')}`, () => {
    expect(languages).toContain('en');
    expect(languages).toContain(PSEUDO_LOCALE);
    console.log(`languages checked: ${languages.join(', ')}`);
  });

  for (const code of languages) {
    it(`fits every label in ${code}, and photographs Home, the diary editor and Safety`, async () => {
      const { page } = app;
      const problems: string[] = [];
      for (const { name, route, ready } of PAGES) {
        // One load a page, measured at each size in turn: a resize re-lays the page out as a load
        // at that size would (media queries and the list's ResizeObserver), at half the loads.
        await page.setViewportSize(VIEWPORTS[0]);
        // ?locale= is the tab's preview language, allowed under test automation (i18n/index.ts).
        await page.goto(`${app.server.origin}${route.replace(':draft', draftId)}?locale=${code}`);
        await page.locator(ready).first().waitFor({ timeout: 60_000 });
        await page.waitForFunction((lang) => document.documentElement.lang === lang, code);
        await page.evaluate(() => document.fonts.ready);
        await page.waitForTimeout(200);
        for (const viewport of VIEWPORTS) {
          if (viewport !== VIEWPORTS[0]) await resizeAndSettle(page, viewport);
          for (const problem of await cutLabels(page)) problems.push(`${viewport.width}×${viewport.height} ${name}: ${problem}`);
          if (NON_LATIN.has(code) && viewport.width === 1280) {
            for (const word of await englishWords(page)) problems.push(`${name}: English left: ${word}`);
          }
          if (viewport.width === 1280 && PHOTOGRAPHED.has(name) && code !== PSEUDO_LOCALE) {
            await page.screenshot({ path: path.join(LANGUAGE_SHOTS_DIR, `${code}-${name}.png`), fullPage: true });
          }
        }
      }
      console.log(`${code}: ${problems.length} cut or untranslated\n${problems.join('\n')}`);
      expect(problems).toEqual([]);
    }, 240_000);
  }

  it('would see a cut label (the check is not blind)', async () => {
    const { page } = app;
    await page.setViewportSize(VIEWPORTS[0]);
    await page.goto(`${app.server.origin}/?locale=en`);
    await page.locator('main h1').first().waitFor();
    await page.evaluate(() => {
      const button = document.createElement('button');
      button.textContent = 'A label far too long for the narrow box it was given';
      button.style.cssText = 'width: 60px; white-space: nowrap; overflow: hidden';
      document.querySelector('main')!.append(button);
    });
    expect((await cutLabels(page)).some((line) => line.startsWith('button "A label far too long'))).toBe(true);

    // A label that fits the wide window and is cut once the same page is narrowed.
    await page.setViewportSize(VIEWPORTS[1]);
    await page.evaluate(() => {
      const button = document.createElement('button');
      button.textContent = 'Fits at 1280 pixels wide, cut at 800 pixels wide';
      button.style.cssText = 'width: 40vw; white-space: nowrap; overflow: hidden; font-size: 16px';
      document.querySelector('main')!.append(button);
    });
    await resizeAndSettle(page, VIEWPORTS[1]);
    expect((await cutLabels(page)).filter((line) => line.startsWith('button "Fits at 1280'))).toEqual([]);
    await resizeAndSettle(page, VIEWPORTS[0]);
    expect((await cutLabels(page)).some((line) => line.startsWith('button "Fits at 1280'))).toBe(true);

    await page.goto(`${app.server.origin}/?locale=th`);
    await page.waitForFunction(() => document.documentElement.lang === 'th');
    await page.locator('main h1').first().waitFor();
    expect(await englishWords(page)).toEqual([]);
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Save changes';
      document.querySelector('main')!.append(p);
    });
    expect(await englishWords(page)).toEqual(['p: Save changes']);
  });
});
