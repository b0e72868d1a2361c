// Plan templates in the user's language: each translation names every template and every step
// of the English ones, is marked not reviewed, and a plan made from a template in Vietnamese or
// Thai gets its step titles and triggers in that language with the same routes; English stays the
// default, and a language without a translation gets the English.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TEMPLATE_TRANSLATIONS } from '../../../electron/core/plans/template-translations';
import { LADDER_TEMPLATES, STEP_KEYS } from '../../../electron/core/plans/templates';
import { unlockedCore, type TestCore } from '../../helpers/core';

let t: TestCore | undefined;
afterEach(async () => {
  await t?.core.close();
  t = undefined;
});

const englishSteps = [...new Map(LADDER_TEMPLATES.flatMap((template) => template.steps).map((s) => [s.title, s])).values()];

describe('plan template translations', () => {
  it('gives every English step a key and every language a name, description, title and trigger for each', () => {
    for (const s of englishSteps) expect(STEP_KEYS.get(s.title), s.title).toBeTruthy();
    const files = fs.readdirSync(path.resolve('resources/plan-templates')).map((f) => path.basename(f, '.json'));
    expect(files.sort()).toEqual(Object.keys(TEMPLATE_TRANSLATIONS).sort());
    for (const [language, translation] of Object.entries(TEMPLATE_TRANSLATIONS)) {
      expect(translation.language).toBe(language);
      expect(translation.reviewed, `${language} is marked reviewed`).toBe(false);
      expect(Object.keys(translation.templates).sort()).toEqual(LADDER_TEMPLATES.map((x) => x.id).sort());
      expect(Object.keys(translation.steps).sort()).toEqual([...new Set(STEP_KEYS.values())].sort());
      for (const [key, step] of Object.entries(translation.steps)) {
        expect(step.title.trim(), `${language} ${key}`).not.toBe('');
        expect(step.trigger.trim(), `${language} ${key}`).not.toBe('');
      }
    }
  });

  it('lists the templates and builds a plan in the request’s language, with the same routes as the English', async () => {
    t = await unlockedCore();
    const english = await t.call('plans.templates', null);
    expect(english.map((x) => x.name)).toEqual(LADDER_TEMPLATES.map((x) => x.name));
    const thai = await t.call('plans.templates', { locale: 'th-TH-u-ca-buddhist' });
    expect(thai.map((x) => x.name)).toEqual(LADDER_TEMPLATES.map((x) => TEMPLATE_TRANSLATIONS.th!.templates[x.id]!.name));
    expect(thai[0]!.steps.map((s) => [s.stage, s.mechanismId, s.mandates])).toEqual(english[0]!.steps.map((s) => [s.stage, s.mechanismId, s.mandates]));

    const plan = await t.call('plans.fromTemplate', { templateId: 'privacy-harm', companyId: null, locale: 'vi-VN' });
    const vi = TEMPLATE_TRANSLATIONS.vi!;
    expect(plan.title).toBe(vi.templates['privacy-harm']!.name);
    const englishPlan = await t.call('plans.fromTemplate', { templateId: 'privacy-harm', companyId: null });
    expect(plan.steps.map((s) => s.title)).toEqual(englishPlan.steps.map((s) => vi.steps[STEP_KEYS.get(s.title)!]!.title));
    expect(plan.steps.map((s) => s.trigger)).toEqual(englishPlan.steps.map((s) => vi.steps[STEP_KEYS.get(s.title)!]!.trigger));
    // The privacy template's own mandates for the Special Procedures step survive translation.
    expect(plan.steps.map((s) => [s.stage, s.mechanismId, s.mandates])).toEqual(englishPlan.steps.map((s) => [s.stage, s.mechanismId, s.mandates]));

    expect((await t.call('plans.fromTemplate', { templateId: 'full-ladder', companyId: null, locale: 'fr-FR' })).steps[0]!.title).toBe(englishSteps[0]!.title);
  });
});
