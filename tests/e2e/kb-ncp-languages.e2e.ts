// The OECD routing panel in Vietnamese, in Chromium against browser mode and the built knowledge
// base: a plan against a US company harming users in Australia shows the Australian and U.S. NCPs
// by their Vietnamese names with the official English names beside them, their practice notes in
// Vietnamese and none in English, the cited pages under their English titles marked as English,
// and the notice that no native speaker has reviewed the translation. Nothing leaves 127.0.0.1.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Company } from '@shared/api/diary';
import type { Plan } from '@shared/api/plans';
import { foreignRequests, openSignedInPage, rpc, screenshot, type SignedInPage, type WebServer } from './harness';
import { createVaultThroughUi } from './vault-ui';

interface Notes {
  ncps: Record<string, { name: string; facts: string[] }>;
}
const VI = JSON.parse(fs.readFileSync('resources/kb/translations/vi/ncps.json', 'utf8')) as Notes;
const ENGLISH = JSON.parse(fs.readFileSync('resources/kb/ncps.json', 'utf8')) as {
  ncps: Array<{ iso2: string; name: string; facts: Array<{ text: string }>; sources: Array<{ title: string }> }>;
};
const PLANS_VI = JSON.parse(fs.readFileSync('renderer/src/i18n/locales/vi/plans.json', 'utf8')) as { oecd: Record<string, string> };

describe('the OECD routing panel in Vietnamese', () => {
  let app: SignedInPage;
  let server: WebServer;
  let page: Page;
  let plan: Plan;

  beforeAll(async () => {
    app = await openSignedInPage();
    ({ server, page } = app);
    await page.goto(`${server.origin}/diary/companies/new`);
    await createVaultThroughUi(page);
    await page.getByLabel('Name', { exact: true }).waitFor({ timeout: 30_000 });
    const company = await rpc<Company>(page, 'companies.save', { name: 'Example US Platform', sector: 'social-media', hqCountry: 'US', policies: '', contacts: [] });
    plan = await rpc<Plan>(page, 'plans.save', { title: 'Wrongful removals', companyId: company.id, harmCountries: ['AU'] });
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  it('names the NCPs and gives their notes in Vietnamese, with the English names and page titles marked as English', async () => {
    // ?locale= is the tab's preview language, allowed under test automation (i18n/index.ts).
    await page.goto(`${server.origin}/plans/edit/${plan.id}?locale=vi`);
    await page.waitForFunction(() => document.documentElement.lang === 'vi');
    const oecd = page.getByTestId('oecd-adherence');
    await oecd.locator('[data-testid="ncp-route"]').first().waitFor({ timeout: 30_000 });
    expect(await oecd.locator('[data-testid="ncp-route"]').evaluateAll((cards) => cards.map((card) => (card as HTMLElement).dataset.iso2))).toEqual(['AU', 'US']);

    for (const iso2 of ['AU', 'US']) {
      const card = oecd.locator(`[data-testid="ncp-route"][data-iso2="${iso2}"]`);
      const english = ENGLISH.ncps.find((n) => n.iso2 === iso2)!;
      const text = (await card.textContent()) ?? '';
      expect(text).toContain(VI.ncps[iso2]!.name);
      for (const fact of VI.ncps[iso2]!.facts) expect(text).toContain(fact);
      for (const fact of english.facts) expect(text).not.toContain(fact.text);
      expect(text).not.toContain(PLANS_VI.oecd.inEnglish);
      // The official name beside the Vietnamese one, and the cited pages' titles, are English and say so.
      const heading = card.getByRole('heading', { level: 4 });
      expect(await heading.locator('[lang="en"]').first().textContent()).toBe(` (${english.name})`);
      for (const source of english.sources) expect(await card.locator('[lang="en"]', { hasText: source.title }).count()).toBe(1);
    }
    expect(await oecd.getByTestId('ncp-translation-notice').textContent()).toContain(PLANS_VI.oecd.unreviewed);
    await screenshot(page, 'oecd-panel-vi');
    expect(foreignRequests(app.requests)).toEqual([]);
  }, 60_000);
});
