// Templates are data (resources/submissions): every route has one, every rule, exposure note and
// language list cites its source with the date it was checked and whether the body's own page
// confirmed it, and a template missing any of that is refused when loaded, not half-used. The
// panel shows notes and informative rules in the template's own words, translated in
// resources/submissions/translations (see translations.test.ts).
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SUBMISSION_ROUTES } from '@shared/api/submissions';
import { LIMITS_FILE, loadLimits, loadTemplates, TEMPLATES_DIR } from '../../../electron/core/submissions/templates';
import { unlockedCore, type TestCore } from '../../helpers/core';
import { tempDir } from '../../helpers/temp';

let t: TestCore;
afterEach(async () => t?.core.close());

/** A copy of the bundled templates and limits, one of them changed by `change`. */
function resourcesWith(route: string, change: (template: Record<string, unknown>) => void): string {
  const dir = tempDir();
  fs.mkdirSync(path.join(dir, TEMPLATES_DIR), { recursive: true });
  fs.mkdirSync(path.join(dir, 'kb'), { recursive: true });
  fs.copyFileSync(path.join('resources', LIMITS_FILE), path.join(dir, LIMITS_FILE));
  for (const name of fs.readdirSync(path.join('resources', TEMPLATES_DIR)).filter((f) => f.endsWith('.json'))) {
    const template = JSON.parse(fs.readFileSync(path.join('resources', TEMPLATES_DIR, name), 'utf8')) as Record<string, unknown>;
    if (name === `${route}.json`) change(template);
    fs.writeFileSync(path.join(dir, TEMPLATES_DIR, name), JSON.stringify(template));
  }
  return dir;
}

describe('submission templates', () => {
  it('has one template per route, each citing a dated source for every rule, note and language list', () => {
    const templates = loadTemplates('resources');
    expect(templates.map((tpl) => tpl.route)).toEqual([...SUBMISSION_ROUTES]);
    for (const tpl of templates) {
      const sources = [...tpl.rules.map((r) => r.source), ...tpl.exposureNotes.map((n) => n.source), ...(tpl.languagesSource ? [tpl.languagesSource] : [])];
      expect(sources.length, tpl.route).toBeGreaterThan(0);
      for (const source of sources) {
        expect(source.checked, tpl.route).toBe('2026-12-01');
        expect(typeof source.verified).toBe('boolean');
        expect(source.url).toMatch(/^https?:\/\//);
      }
      // A fact that could not be confirmed on the body's own page says why.
      for (const source of sources.filter((s) => !s.verified)) expect(source.note, `${tpl.route}: ${source.url}`).toBeTruthy();
      if (tpl.languages.length > 0) expect(tpl.languagesSource, tpl.route).not.toBeNull();
    }
  });

  it('lays each body out as it expects: numbered paragraphs for the UPR, headed sections for the NCP and Special Procedures, letters for the rest', () => {
    const layout = Object.fromEntries(loadTemplates('resources').map((tpl) => [tpl.route, tpl.layout]));
    expect(layout).toEqual({
      spCommunication: 'headedSections',
      uprStakeholder: 'numberedParagraphs',
      ncpSpecificInstance: 'headedSections',
      bhrrcResponse: 'letter',
      rightOfReply: 'letter',
      oversightBoard: 'headedSections',
      trustedPartner: 'letter',
    });
    const sp = loadTemplates('resources').find((tpl) => tpl.route === 'spCommunication')!;
    expect(sp.languages).toEqual(['en', 'fr', 'es']);
    expect(sp.fields.filter((f) => f.required).map((f) => f.id)).toEqual(['victims', 'facts', 'datesAndPlaces', 'request']);
  });

  it('refuses a template with a rule that has no source, or a source without the date it was checked', () => {
    const noSource = resourcesWith('uprStakeholder', (tpl) => {
      delete (tpl.rules as Array<Record<string, unknown>>)[0]!.source;
    });
    expect(() => loadTemplates(noSource)).toThrow(/uprStakeholder\.json is malformed: rules\.0\.source/);
    const undated = resourcesWith('ncpSpecificInstance', (tpl) => {
      delete ((tpl.exposureNotes as Array<Record<string, Record<string, unknown>>>)[0]!.source as Record<string, unknown>).checked;
    });
    expect(() => loadTemplates(undated)).toThrow(/ncpSpecificInstance\.json is malformed: exposureNotes\.0\.source\.checked/);
    const unsure = resourcesWith('oversightBoard', (tpl) => {
      delete ((tpl.rules as Array<Record<string, Record<string, unknown>>>)[0]!.source as Record<string, unknown>).verified;
    });
    expect(() => loadTemplates(unsure)).toThrow(/oversightBoard\.json is malformed/);
  });

  it('says the templates cannot be read, as an error a user can act on, when a copy of the app holds a broken one', async () => {
    const broken = resourcesWith('bhrrcResponse', (tpl) => {
      tpl.sections = [];
    });
    fs.cpSync(path.join('resources', 'kb'), path.join(broken, 'kb'), { recursive: true });
    t = await unlockedCore({ resourcesDir: broken });
    expect(await t.raw('submissions.templates', null)).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', key: 'submissions.templatesUnreadable' } });
  });

  it('keeps the UPR word limits beside the mechanism directory, with their date, source and whether they were confirmed', () => {
    const upr = loadLimits('resources').get('upr')!;
    expect(upr.map((l) => [l.applies, l.words, l.asOf, l.verified])).toEqual([
      ['individual', 2815, '2026-12-01', false],
      ['joint', 5630, '2026-12-01', false],
    ]);
    const directory = JSON.parse(fs.readFileSync('resources/kb/mechanisms.json', 'utf8')) as Array<{ id: string }>;
    for (const id of loadLimits('resources').keys()) expect(directory.some((m) => m.id === id)).toBe(true);
    for (const tpl of loadTemplates('resources')) if (tpl.mechanismId) expect(directory.some((m) => m.id === tpl.mechanismId), tpl.route).toBe(true);
  });

  it('serves the templates through the API', async () => {
    t = await unlockedCore();
    const templates = await t.call('submissions.templates', null);
    expect(templates.map((tpl) => tpl.route)).toEqual([...SUBMISSION_ROUTES]);
  });
});
