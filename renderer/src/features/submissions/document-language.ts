// The language a draft's document is written in, as the start page and the editor offer it: the
// languages by name in the interface's language, and what the body says it accepts.
import type { TFunction } from 'i18next';
import type { SubmissionTemplate } from '@shared/api/submissions';
import { userLocale } from '../../i18n';

/** A language's name in the interface's language, from the browser's own data (no catalogue to keep). */
export function languageName(code: string): string {
  try {
    return new Intl.DisplayNames([userLocale()], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** A list of languages by name, in the interface's language and its way of joining a list. */
export const languageList = (codes: readonly string[]) => new Intl.ListFormat(userLocale(), { type: 'conjunction' }).format(codes.map(languageName));

/** Which languages the body takes, and "not verified" where its own page did not confirm it. */
export function acceptedLanguages(t: TFunction<'submissions'>, template: Pick<SubmissionTemplate, 'languages' | 'languagesSource'> | undefined): string {
  const accepted = template?.languages ?? [];
  if (accepted.length === 0) return t('submissions:editor.acceptsAny');
  return t(template?.languagesSource?.verified === false ? 'submissions:editor.acceptsOnlyUnverified' : 'submissions:editor.acceptsOnly', { languages: languageList(accepted) });
}
