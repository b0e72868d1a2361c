// Core lists companies and the people to protect by name with SQLite's NOCASE, which knows only
// ASCII letters: Vietnamese names with tone marks and Thai names with leading vowels come out of
// order. The lists people read are put in their language's order here, once, for every caller.
import type { Method, Output } from '@shared/api/contract';
import { collatorFor, userLocale } from '../i18n/locale-format';

const byName = <T>(list: T[], name: (item: T) => string, locale: string): T[] => {
  const { compare } = collatorFor(locale);
  return [...list].sort((a, b) => compare(name(a), name(b)));
};

/** The value a method returned, with a list of names in the order of the user's language. */
export function inUserOrder<M extends Method>(method: M, value: Output<M>, locale: string = userLocale()): Output<M> {
  if (method === 'companies.list') return byName(value as Output<'companies.list'>, (c) => c.name, locale) as Output<M>;
  if (method === 'people.list') return byName(value as Output<'people.list'>, (p) => p.realName, locale) as Output<M>;
  return value;
}
