// Submission templates in other languages: data beside the English templates, one file per language
// (resources/submissions/translations/<language>.json), written for the app and marked
// `reviewed: false` until a native speaker has read them. A translation names each string by the
// id the English template gives it, so a template changed by a knowledge update cannot be matched
// to a stale translation silently: an id the template no longer has, or a sentence that lost one
// of the English's {{placeholders}}, makes the file unreadable with a message saying where.
// Whatever a translation lacks is shown in English. Sources' titles and addresses, dates and the
// user's own text are never in these files.
import fs from 'node:fs';
import path from 'node:path';
import { TemplateTranslation, type SubmissionTemplate } from '@shared/api/submissions';
import { DOCUMENT_LABELS, PREFILL_PHRASES } from './document-labels';

/** Beside the templates (resources/submissions). */
export const TRANSLATIONS_DIR = path.join('submissions', 'translations');

/** `{{name}}` placeholders of a sentence, sorted, to compare a translation with its English. */
const placeholders = (text: string): string => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort().join(',');

/** The English of every string a translation may give, by its path in the translation file. */
export function englishStrings(templates: readonly SubmissionTemplate[]): Map<string, string> {
  const strings = new Map<string, string>();
  for (const t of templates) {
    const at = `routes.${t.route}`;
    strings.set(`${at}.name`, t.name);
    for (const s of t.sections) {
      strings.set(`${at}.sections.${s.id}.heading`, s.heading);
      strings.set(`${at}.sections.${s.id}.guidance`, s.guidance);
    }
    for (const f of t.fields) strings.set(`${at}.fields.${f.id}`, f.guidance);
    for (const n of t.exposureNotes) strings.set(`${at}.exposureNotes.${n.id}`, n.text);
    for (const r of t.rules) strings.set(`${at}.rules.${r.id}`, r.text);
  }
  for (const [key, text] of Object.entries(DOCUMENT_LABELS)) strings.set(`document.${key}`, text);
  for (const [key, text] of Object.entries(PREFILL_PHRASES)) strings.set(`prefill.${key}`, text);
  return strings;
}

/** Every string of a translation, by the same paths as `englishStrings`. */
export function translatedStrings(translation: TemplateTranslation): Map<string, string> {
  const strings = new Map<string, string>();
  for (const [route, texts] of Object.entries(translation.routes)) {
    const at = `routes.${route}`;
    if (texts.name !== undefined) strings.set(`${at}.name`, texts.name);
    for (const [id, section] of Object.entries(texts.sections)) {
      if (section.heading !== undefined) strings.set(`${at}.sections.${id}.heading`, section.heading);
      if (section.guidance !== undefined) strings.set(`${at}.sections.${id}.guidance`, section.guidance);
    }
    for (const [id, text] of Object.entries(texts.fields)) strings.set(`${at}.fields.${id}`, text);
    for (const [id, text] of Object.entries(texts.exposureNotes)) strings.set(`${at}.exposureNotes.${id}`, text);
    for (const [id, text] of Object.entries(texts.rules)) strings.set(`${at}.rules.${id}`, text);
  }
  for (const [key, text] of Object.entries(translation.document)) strings.set(`document.${key}`, text);
  for (const [key, text] of Object.entries(translation.prefill)) strings.set(`prefill.${key}`, text);
  return strings;
}

/** Reads and checks one language's file; throws saying which file and which string is wrong. */
export function readTranslation(file: string, templates: readonly SubmissionTemplate[]): TemplateTranslation {
  const name = path.basename(file);
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`Translation ${name} cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = TemplateTranslation.safeParse(raw);
  if (!parsed.success) throw new Error(`Translation ${name} is malformed: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const translation = parsed.data;
  if (`${translation.language}.json` !== name) throw new Error(`Translation ${name} says it is in ${translation.language}.`);
  const english = englishStrings(templates);
  const problems: string[] = [];
  for (const [key, text] of translatedStrings(translation)) {
    const original = english.get(key);
    if (original === undefined) problems.push(`${key} is not in the English templates`);
    else if (placeholders(original) !== placeholders(text)) problems.push(`${key} must have the placeholders {{${placeholders(original) || 'none'}}} of the English, not {{${placeholders(text) || 'none'}}}`);
  }
  if (problems.length > 0) throw new Error(`Translation ${name}: ${problems.join('; ')}.`);
  return translation;
}

/** Every translation in the folder, by language. */
export function loadTranslations(resourcesDir: string, templates: readonly SubmissionTemplate[]): Map<string, TemplateTranslation> {
  const dir = path.join(resourcesDir, TRANSLATIONS_DIR);
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort() : [];
  return new Map(
    files.map((f) => {
      const translation = readTranslation(path.join(dir, f), templates);
      return [translation.language, translation];
    }),
  );
}

/**
 * Whether a translation can write a route's exported document: every section heading and every
 * document label, so a filing never mixes English headings into another language.
 */
export function writesDocument(translation: TemplateTranslation, template: SubmissionTemplate): boolean {
  const texts = translation.routes[template.route];
  return (
    texts?.name !== undefined &&
    template.sections.every((s) => texts.sections[s.id]?.heading !== undefined) &&
    Object.keys(DOCUMENT_LABELS).every((key) => translation.document[key] !== undefined)
  );
}

/**
 * The languages a route's document can be written in: English first, then each translation that
 * writes the whole document, among the languages the body accepts (all, when it names none).
 */
export function documentLanguages(template: SubmissionTemplate, translations: ReadonlyMap<string, TemplateTranslation>): string[] {
  const accepted = (language: string) => template.languages.length === 0 || template.languages.includes(language.split('-')[0]!.toLowerCase());
  const others = [...translations.values()].filter((t) => t.language !== 'en' && accepted(t.language) && writesDocument(t, template)).map((t) => t.language);
  return ['en', ...others];
}

/**
 * The language a draft's document is written in: the draft's own language when its headings exist
 * and the body accepts it, otherwise English (never the interface's language by default).
 */
export function documentLanguage(draftLanguage: string, template: SubmissionTemplate, translations: ReadonlyMap<string, TemplateTranslation>): string {
  return documentLanguages(template, translations).includes(draftLanguage) ? draftLanguage : 'en';
}
