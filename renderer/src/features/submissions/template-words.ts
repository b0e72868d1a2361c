// The words of a submission template as the user reads them while drafting: in the interface's
// language where the template's translation has them (resources/submissions/translations, not yet
// reviewed by a native speaker), in English where it does not, or in English on request ("Show
// the English original"). Each word says which language it is in, so the page marks it (`lang`).
import type { SubmissionTemplate, TemplateTranslation } from '@shared/api/submissions';

export interface Word {
  text: string;
  /** The language the text is in: the translation's, or "en". */
  lang: string;
}

export interface TemplateWords {
  /** The translation in use; null when the interface is in English or the language has none. */
  translation: TemplateTranslation | null;
  /** True while the English original is shown in place of the translation. */
  english: boolean;
  name(): Word;
  heading(sectionId: string): Word;
  guidance(sectionId: string): Word;
  exposureNote(id: string): Word;
  /** What the template says a field needs (by its id in the template); null for a field it does not name. */
  field(id: string): Word | null;
  rule(id: string): Word;
}

/** The template's words, from the translation where it has them and the English is not asked for. */
export function templateWords(template: SubmissionTemplate, translation: TemplateTranslation | null, showEnglish: boolean): TemplateWords {
  const own = showEnglish ? undefined : translation?.routes[template.route];
  const word = (translated: string | undefined, english: string): Word => (translated && translation ? { text: translated, lang: translation.language } : { text: english, lang: 'en' });
  const section = (id: string) => template.sections.find((s) => s.id === id);
  return {
    translation,
    english: showEnglish,
    name: () => word(own?.name, template.name),
    heading: (id) => word(own?.sections[id]?.heading, section(id)?.heading ?? id),
    guidance: (id) => word(own?.sections[id]?.guidance, section(id)?.guidance ?? ''),
    exposureNote: (id) => word(own?.exposureNotes[id], template.exposureNotes.find((n) => n.id === id)?.text ?? id),
    field: (id) => {
      const english = template.fields.find((f) => f.id === id)?.guidance;
      return english === undefined ? null : word(own?.fields[id], english);
    },
    rule: (id) => word(own?.rules[id], template.rules.find((r) => r.id === id)?.text ?? id),
  };
}
