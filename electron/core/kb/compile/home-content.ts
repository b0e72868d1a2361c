// The two lists Home shows, taken from the toolkit's own text so they never drift from it: the
// four entry points of "How to use this toolkit" and the "Get started" steps.
import { ENTRY_POINTS } from '@shared/api/kb';
import type { SectionSource } from './read-sources';
import type { SectionTranslation } from './read-translations';

export interface EntryPointRow {
  key: (typeof ENTRY_POINTS)[number];
  question: string;
  sectionId: string;
}

export const HOW_TO_USE_ID = 'how-to-use';
export const GET_STARTED_ID = 'get-started';

/** "Need a human rights grounding? → Human Rights Framework (p. 3)" → the section that is the entry point. */
export function entryPoints(sections: SectionSource[], problems: string[]): EntryPointRow[] {
  const howTo = sections.find((s) => s.id === HOW_TO_USE_ID);
  if (!howTo) {
    problems.push(`No section with id "${HOW_TO_USE_ID}": Home needs its four entry points.`);
    return [];
  }
  const rows: EntryPointRow[] = [];
  for (const item of howTo.listItems) {
    const [question, target] = item.split('→').map((part) => part.trim());
    if (!question || !target) continue;
    const title = target.replace(/\s*\(p\.\s*\d+\)$/, '');
    const section = sections.find((s) => s.entryPoint !== 'none' && s.title.endsWith(title));
    if (!section || section.entryPoint === 'none') {
      problems.push(`${howTo.file}: entry point "${question}" names "${title}", which no section with an entryPoint matches.`);
      continue;
    }
    rows.push({ key: section.entryPoint, question, sectionId: section.id });
  }
  for (const key of ENTRY_POINTS) {
    if (rows.filter((row) => row.key === key).length !== 1) problems.push(`${howTo.file}: entry point "${key}" must appear exactly once.`);
  }
  return rows;
}

export function getStartedSteps(sections: SectionSource[], problems: string[]): string[] {
  const steps = sections.find((s) => s.id === GET_STARTED_ID)?.listItems ?? [];
  if (steps.length === 0) problems.push(`No steps found in a section with id "${GET_STARTED_ID}".`);
  return steps;
}

/** Home's lists in one language: the entry-point questions and Get started steps, by position. */
export interface TranslatedHomeRow {
  language: string;
  part: 'question' | 'step';
  ord: number;
  markdown: string;
}

/**
 * The same two lists from the translated "How to use" and "Get started" sections. A translation
 * must keep the English number of items, or Home would pair a question with the wrong section.
 */
export function translatedHome(
  english: SectionSource[],
  translations: SectionTranslation[],
  entries: EntryPointRow[],
  steps: string[],
  problems: string[],
): TranslatedHomeRow[] {
  const rows: TranslatedHomeRow[] = [];
  const fileOf = (id: string) => english.find((s) => s.id === id)?.file ?? id;
  for (const t of translations) {
    const where = `translations/${t.language}/sections/${fileOf(t.id)}`;
    if (t.id === HOW_TO_USE_ID) {
      const questions = t.listItems.filter((item) => item.includes('→')).map((item) => item.split('→')[0]!.trim());
      if (questions.length !== entries.length) {
        problems.push(`${where}: has ${questions.length} entry points ("question → section" items) but the English has ${entries.length}.`);
      } else {
        questions.forEach((markdown, ord) => rows.push({ language: t.language, part: 'question', ord, markdown }));
      }
    }
    if (t.id === GET_STARTED_ID) {
      if (t.listItems.length !== steps.length) {
        problems.push(`${where}: has ${t.listItems.length} steps but the English has ${steps.length}.`);
      } else {
        t.listItems.forEach((markdown, ord) => rows.push({ language: t.language, part: 'step', ord, markdown }));
      }
    }
  }
  return rows;
}
