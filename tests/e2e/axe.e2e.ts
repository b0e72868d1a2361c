// axe-core on every main page, in light and in dark, with records in the vault so lists, editors
// and workspaces show their real controls; and a check that no two fields of one form share an
// accessible name (a screen reader user could not tell "Notes" from "Notes").
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openSignedInPage, rpc, type SignedInPage } from './harness';
import { createVaultThroughUi } from './vault-ui';

// Evaluated in the page rather than added as a script tag: the app's Content Security Policy
// (script-src 'self') rightly refuses inline scripts, and the scan must run under that policy.
const AXE_SOURCE = fs.readFileSync(path.resolve('node_modules/axe-core/axe.min.js'), 'utf8');
const injectAxe = (page: Page) => page.evaluate(AXE_SOURCE);

interface Violation {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/** Runs axe on the page as it is now; serious and critical violations only. */
async function seriousViolations(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await injectAxe(page);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact!, help: v.help, targets: v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)) }));
  });
}

/**
 * Fields of one form (or of the page outside any form) whose accessible names, as axe computes
 * them, are the same. Every section is opened first, so fields folded away are checked too.
 */
async function duplicateFieldNames(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    type Axe = { setup(node: Node): unknown; teardown(): void; utils: { getNodeFromTree(el: Element): unknown }; commons: { text: { accessibleTextVirtual(node: unknown): string } } };
    const axe = (window as unknown as { axe: Axe }).axe;
    for (const details of Array.from(document.querySelectorAll('details'))) details.open = true;
    axe.setup(document);
    try {
      const visible = (el: Element) => {
        const box = el.getBoundingClientRect();
        return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden';
      };
      const fields = 'input:not([type=hidden]):not([type=submit]):not([type=button]), select, textarea';
      const scopes: Array<[string, Element[]]> = [];
      for (const form of Array.from(document.querySelectorAll('form'))) scopes.push([form.getAttribute('aria-label') || form.id || 'form', Array.from(form.querySelectorAll(fields))]);
      scopes.push(['page', Array.from(document.querySelectorAll(fields)).filter((el) => !el.closest('form'))]);
      const duplicates: string[] = [];
      for (const [scope, elements] of scopes) {
        const seen = new Map<string, number>();
        for (const el of elements) {
          if (!visible(el)) continue;
          // Named as a screen reader announces it on arrival: with the groups it sits in.
          const parts = [axe.commons.text.accessibleTextVirtual(axe.utils.getNodeFromTree(el)).trim()];
          for (let group = el.parentElement?.closest('fieldset, [role=group], [role=radiogroup]'); group; group = group.parentElement?.closest('fieldset, [role=group], [role=radiogroup]')) {
            const legend = group.tagName === 'FIELDSET' ? group.querySelector(':scope > legend')?.textContent?.trim() : undefined;
            parts.unshift(legend ?? axe.commons.text.accessibleTextVirtual(axe.utils.getNodeFromTree(group)).trim());
          }
          const name = parts.filter(Boolean).join(' › ');
          seen.set(name, (seen.get(name) ?? 0) + 1);
        }
        for (const [name, count] of seen) if (count > 1) duplicates.push(`${scope}: "${name}" ×${count}`);
      }
      return duplicates;
    } finally {
      axe.teardown();
    }
  });
}

describe('accessibility of every main page, light and dark', () => {
  let app: SignedInPage;
  let page: Page;
  const pages: Array<[string, string]> = [];

  beforeAll(async () => {
    app = await openSignedInPage();
    page = app.page;
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${app.server.origin}/diary`);
    await createVaultThroughUi(page, 'Accessibility');
    await page.getByRole('button', { name: 'Lock', exact: true }).waitFor();
    const company = await rpc<{ id: string }>(page, 'companies.save', {
      name: 'Example Platform',
      sector: 'social-media',
      contacts: [{ id: crypto.randomUUID(), team: 'trust-and-safety', name: 'Regional lead', role: 'Policy manager' }],
    });
    const plan = await rpc<{ id: string }>(page, 'plans.save', { title: 'Restore removed accounts', objective: 'Reinstate the accounts of independent media.' });
    const pkg = await rpc<{ id: string }>(page, 'packages.save', { title: 'Evidence for the platform', risksSummary: 'Independent media lose their audience.' });
    const note = await rpc<{ id: string }>(page, 'notes.save', { title: 'Reading on transparency reports', body: 'Short **notes**.', tags: ['research'] });
    await rpc(page, 'assessments.addExamples', null);
    const assessments = await rpc<Array<{ id: string }>>(page, 'assessments.list', null);
    // Submission drafts with two victims and two recommendations, so their repeated fields are checked too.
    const communication = await rpc<Record<string, unknown> & { id: string; fields: object }>(page, 'submissions.start', { route: 'spCommunication', source: { kind: 'package', id: pkg.id } });
    await rpc(page, 'submissions.save', {
      ...communication,
      fields: { ...communication.fields, victims: [{ id: crypto.randomUUID(), pseudonym: 'Journalist A', realNameKnown: true }, { id: crypto.randomUUID(), pseudonym: 'Editor B' }] },
    });
    const upr = await rpc<Record<string, unknown> & { id: string; fields: object }>(page, 'submissions.start', { route: 'uprStakeholder', source: null });
    await rpc(page, 'submissions.save', { ...upr, fields: { ...upr.fields, joint: true, recommendations: [{ id: crypto.randomUUID(), text: 'Repeal the decree.' }, { id: crypto.randomUUID(), text: 'Publish removal orders.' }] } });
    // A diary entry saved through its editor, as a user does.
    await page.goto(`${app.server.origin}/diary/new?companyId=${company.id}`);
    await page.getByLabel('Short title').fill('Call with trust and safety');
    await page.keyboard.press('Control+s');
    await page.waitForURL(/\/diary\/entries\/[0-9a-f-]{36}$/);
    const entry = page.url().replace(app.server.origin, '');

    pages.push(
      ['Home', '/'],
      ['Diary list', '/diary'],
      ['Diary editor', entry],
      ['Companies', '/diary/companies'],
      ['Company', `/diary/companies/${company.id}`],
      ['Plans', '/plans'],
      ['Plan editor', `/plans/edit/${plan.id}`],
      ['Packages', '/plans/packages'],
      ['Package editor', `/plans/packages/${pkg.id}`],
      ['Assessments', '/assessments'],
      ['Assessment workspace', `/assessments/${assessments[0]!.id}`],
      ['Knowledge base', '/kb'],
      ['Directory entry', '/kb/mechanisms/oecd-ncp'],
      ['Safety', '/safety'],
      ['Settings and People', '/settings'],
      ['Notes', '/notes'],
      ['Note editor', `/notes/${note.id}`],
      ['Submissions', '/submissions'],
      ['Submission start', `/submissions/new?packageId=${pkg.id}`],
      ['Special Procedures draft', `/submissions/${communication.id}`],
      ['UPR draft', `/submissions/${upr.id}`],
    );
  });
  afterAll(async () => {
    await app?.close();
  });

  /** Opens a page and waits until it has drawn its content (heading in, nothing loading). */
  async function open(address: string): Promise<void> {
    await page.goto(`${app.server.origin}${address}`);
    await page.locator('main h1').first().waitFor();
    await expect.poll(() => page.getByText('Loading…').count(), { timeout: 10_000 }).toBe(0);
    await page.waitForTimeout(300);
  }

  it('catches a planted fault, so a clean run means something', async () => {
    await open('/');
    await page.evaluate(() => {
      const planted = document.createElement('div');
      planted.innerHTML = '<input type="text"><p style="color:#bbb;background:#fff">Faint words</p>';
      document.getElementById('main')!.append(planted);
    });
    const ids = (await seriousViolations(page)).map((v) => v.id);
    expect(ids).toContain('label');
    expect(ids).toContain('color-contrast');
  });

  it('draws the dark theme when the system asks for it', async () => {
    const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    await page.emulateMedia({ colorScheme: 'light' });
    await open('/');
    const light = await background();
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await background()).not.toBe(light);
  });

  // One load a page: axe in light, then in dark (the themes are CSS alone, so switching the
  // preference re-styles the same page), then the field names, which do not change with the theme.
  it('finds no serious or critical violation on any main page in light or dark, and no two fields of a form named alike', async () => {
    const found: Record<'light' | 'dark' | 'same names', Record<string, unknown[]>> = { light: {}, dark: {}, 'same names': {} };
    for (const [name, address] of pages) {
      await page.emulateMedia({ colorScheme: 'light' });
      await open(address);
      for (const scheme of ['light', 'dark'] as const) {
        if (scheme === 'dark') await page.emulateMedia({ colorScheme: 'dark' });
        const violations = await seriousViolations(page);
        console.log(JSON.stringify({ name: `axe serious+critical, ${name}, ${scheme}`, value: violations.length, unit: 'violations' }));
        if (violations.length > 0) found[scheme][name] = violations;
      }
      const duplicates = await duplicateFieldNames(page);
      if (duplicates.length > 0) found['same names'][name] = duplicates;
    }
    expect(found).toEqual({ light: {}, dark: {}, 'same names': {} });
  }, 300_000);
});
