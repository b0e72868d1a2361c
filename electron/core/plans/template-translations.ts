// Plan templates in the user's language: translations are data beside the English templates
// (resources/plan-templates/<language>.json, written for the app and not yet reviewed by native
// speakers), chosen by the request's locale. Whatever a translation lacks stays in English, and
// what the user then writes in a plan is theirs: only the suggestion is translated.
import type { LadderTemplate } from '@shared/api/plans';
import id from '../../../resources/plan-templates/id.json';
import km from '../../../resources/plan-templates/km.json';
import my from '../../../resources/plan-templates/my.json';
import th from '../../../resources/plan-templates/th.json';
import vi from '../../../resources/plan-templates/vi.json';
import zhHans from '../../../resources/plan-templates/zh-Hans.json';
import zhHant from '../../../resources/plan-templates/zh-Hant.json';
import { labelLanguage } from '../exports/labels';
import { STEP_KEYS } from './templates';

export interface TemplateTranslation {
  language: string;
  /** False until a native speaker has reviewed the translation. */
  reviewed: boolean;
  templates: Record<string, { name: string; description: string }>;
  steps: Record<string, { title: string; trigger: string }>;
}

export const TEMPLATE_TRANSLATIONS: Record<string, TemplateTranslation> = { vi, 'zh-Hans': zhHans, 'zh-Hant': zhHant, th, my, km, id };

/** The template in the locale's language, English where the translation lacks a part. */
export function localisedTemplate(template: LadderTemplate, locale: string | undefined): LadderTemplate {
  const translation = TEMPLATE_TRANSLATIONS[labelLanguage(locale)];
  if (!translation) return template;
  const own = translation.templates[template.id];
  return {
    ...template,
    name: own?.name ?? template.name,
    description: own?.description ?? template.description,
    steps: template.steps.map((s) => {
      const step = translation.steps[STEP_KEYS.get(s.title) ?? ''];
      return step ? { ...s, title: step.title, trigger: step.trigger } : s;
    }),
  };
}
