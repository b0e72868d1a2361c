// Each route's template is data in resources/submissions/<route>.json, so a knowledge update can
// change a section, a rule or a source without a code change. Templates are checked with zod when
// first read: a template without its sections, its rules' sources or the date each was checked
// is refused, not half-used.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { SUBMISSION_ROUTES, SubmissionTemplate, type SubmissionRoute, type TemplateTranslation } from '@shared/api/submissions';
import { DomainError } from '../rpc/domain-error';
import { loadTranslations } from './translations';

export const TEMPLATES_DIR = 'submissions';

/** Reads and checks every route's template; throws on the first that is missing or malformed. */
export function loadTemplates(resourcesDir: string): SubmissionTemplate[] {
  return SUBMISSION_ROUTES.map((route) => {
    const file = path.join(resourcesDir, TEMPLATES_DIR, `${route}.json`);
    const parsed = SubmissionTemplate.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    if (!parsed.success) throw new Error(`Template ${route}.json is malformed: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    if (parsed.data.route !== route) throw new Error(`Template ${route}.json names route ${parsed.data.route}.`);
    return parsed.data;
  });
}

/**
 * A length limit of a mechanism, kept beside the mechanism directory (resources/kb/
 * submission-limits.json, by directory id) with the date it was read, its source and whether the
 * body's own page confirmed it, like the directory's other facts.
 */
export const SubmissionLimit = z.object({
  applies: z.enum(['individual', 'joint']),
  words: z.number().int().positive(),
  /** What the body says happens over the limit: not accepted (a hard rule), or not said. */
  overLimit: z.enum(['notAccepted', 'notSaid']),
  asOf: z.iso.date(),
  verified: z.boolean(),
  source: z.object({ title: z.string().min(1), url: z.url() }),
  note: z.string().optional(),
});
export type SubmissionLimit = z.infer<typeof SubmissionLimit>;

export const LIMITS_FILE = path.join('kb', 'submission-limits.json');
const LimitsFile = z.object({ about: z.string(), limits: z.record(z.string(), z.array(SubmissionLimit)) });

/** Every mechanism's limits, by directory id. */
export function loadLimits(resourcesDir: string): Map<string, SubmissionLimit[]> {
  const file = LimitsFile.parse(JSON.parse(fs.readFileSync(path.join(resourcesDir, LIMITS_FILE), 'utf8')));
  return new Map(Object.entries(file.limits));
}

export interface TemplateBook {
  all(): SubmissionTemplate[];
  of(route: SubmissionRoute): SubmissionTemplate;
  /** The word limits of the template's mechanism, from the directory. */
  limits(template: SubmissionTemplate): SubmissionLimit[];
  /** Every translation of the templates, by language (resources/submissions/translations). */
  translations(): ReadonlyMap<string, TemplateTranslation>;
}

/**
 * Templates and their translations read once, on first use; a broken copy of the app (a template
 * or a translation that does not match it) says so instead of failing later.
 */
export function templateBook(resourcesDir: string): TemplateBook {
  let cached: SubmissionTemplate[] | null = null;
  let limits: Map<string, SubmissionLimit[]> | null = null;
  let translations: Map<string, TemplateTranslation> | null = null;
  const all = () => {
    if (!cached) {
      try {
        const templates = loadTemplates(resourcesDir);
        limits = loadLimits(resourcesDir);
        translations = loadTranslations(resourcesDir, templates);
        cached = templates;
      } catch {
        throw new DomainError('UNAVAILABLE', 'submissions.templatesUnreadable', 'The submission templates in this copy of the app cannot be read. Reinstall the app.');
      }
    }
    return cached;
  };
  return {
    all,
    of: (route) => all().find((t) => t.route === route)!,
    limits: (template) => {
      all();
      return (template.mechanismId && limits?.get(template.mechanismId)) || [];
    },
    translations: () => {
      all();
      return translations!;
    },
  };
}
