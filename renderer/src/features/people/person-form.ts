// The person form's values: each identifier list as rows of text, so a row can be added, edited
// and removed; empty rows are dropped when saving.
import type { Person, PersonDraft } from '@shared/api/identity';

export const IDENTIFIER_LISTS = ['aliases', 'otherScripts', 'handles', 'emails', 'phones', 'urls'] as const;
export type IdentifierList = (typeof IDENTIFIER_LISTS)[number];

export type PersonForm = { realName: string; pseudonym: string; givenName: string; note: string } & Record<IdentifierList, string[]>;

export const emptyPerson = (): PersonForm => ({ realName: '', pseudonym: '', givenName: '', note: '', aliases: [], otherScripts: [], handles: [], emails: [], phones: [], urls: [] });

export const formFromPerson = (person: Person): PersonForm => ({
  realName: person.realName,
  pseudonym: person.pseudonym,
  givenName: person.givenName,
  note: person.note,
  ...Object.fromEntries(IDENTIFIER_LISTS.map((list) => [list, [...person[list]]])),
}) as PersonForm;

export function draftFromForm(form: PersonForm, id: string | undefined): PersonDraft {
  const lists = Object.fromEntries(IDENTIFIER_LISTS.map((list) => [list, form[list].map((v) => v.trim()).filter(Boolean)]));
  return { ...(id && { id }), realName: form.realName.trim(), pseudonym: form.pseudonym.trim(), givenName: form.givenName.trim(), note: form.note.trim(), ...lists };
}

/** How many identifiers besides the real name, for the list. */
export const identifierCount = (person: Person): number => IDENTIFIER_LISTS.reduce((sum, list) => sum + person[list].length, 0);
