// What the route's template says each field needs, shown under the field in the interface's language
// where the template's translation has it (with the rest of the page's template words, so "Show the
// English original" turns these to English too), in English marked as untranslated where it does not.
import { createContext, useContext, type ReactNode } from 'react';
import { UntranslatedMark } from './TemplateGuide';
import type { TemplateWords } from './template-words';

export const FieldGuidanceWords = createContext<TemplateWords | null>(null);

/**
 * The template's guidance for one field (its id in the template, e.g. "enterprises.companyIds"), or
 * null when the template says nothing about the field or its words are not loaded yet.
 */
export function useFieldGuidance(field: string): ReactNode | null {
  const words = useContext(FieldGuidanceWords);
  const word = words?.field(field);
  if (!words || !word) return null;
  return (
    <span className="template-field-guidance" lang={word.lang} data-field={field}>
      {word.text}
      <UntranslatedMark word={word} words={words} />
    </span>
  );
}
