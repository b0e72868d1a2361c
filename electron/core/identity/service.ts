import crypto from 'node:crypto';
import type { z } from 'zod';
import type { IdentityDecision, IdentityFlag, IdentityPlace, Person, PersonDraft } from '@shared/api/identity';
import { DomainError } from '../rpc/domain-error';
import type { VaultDatabase } from '../vault/open';
import { applyDecisions, checkIdentity } from './check';
import type { CheckPerson } from './registered';
import * as repo from './repository';

type Draft = z.output<typeof PersonDraft>;

export interface PeopleDeps {
  database: () => VaultDatabase;
  now?: () => Date;
}

const NOT_FOUND = 'That person is not in the register. They may have been removed already.';

/** Each list trimmed, without empty or repeated entries (ignoring case). */
function tidy(values: readonly string[]): string[] {
  const seen = new Set<string>();
  return values.map((v) => v.trim()).filter((v) => v && !seen.has(v.toLowerCase()) && seen.add(v.toLowerCase()));
}

/**
 * The people register and the identity check over it. Every check reads the register afresh and
 * adds each assessment stakeholder's private name, so nobody named anywhere in the vault is missed.
 */
export class PeopleService {
  private readonly now: () => Date;

  constructor(private readonly deps: PeopleDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  private get db(): VaultDatabase {
    return this.deps.database();
  }

  list(): Person[] {
    return repo.listPeople(this.db);
  }

  save(draft: Draft): Person {
    const db = this.db;
    const at = this.now().toISOString();
    const existing = draft.id ? repo.findPerson(db, draft.id) : undefined;
    if (draft.id && !existing) throw new DomainError('NOT_FOUND', 'people.notFound', NOT_FOUND);
    const person: Person = {
      id: existing?.id ?? crypto.randomUUID(),
      realName: draft.realName,
      pseudonym: draft.pseudonym,
      givenName: draft.givenName,
      aliases: tidy(draft.aliases),
      handles: tidy(draft.handles),
      emails: tidy(draft.emails),
      phones: tidy(draft.phones),
      urls: tidy(draft.urls),
      otherScripts: tidy(draft.otherScripts),
      note: draft.note,
      createdAt: existing?.createdAt ?? at,
      updatedAt: at,
    };
    repo.upsertPerson(db, person);
    return person;
  }

  delete(id: string): void {
    if (!repo.deletePersonRow(this.db, id)) throw new DomainError('NOT_FOUND', 'people.notFound', NOT_FOUND);
  }

  /** The register and every stakeholder's private name, as the check reads them. */
  register(): CheckPerson[] {
    const db = this.db;
    return [...repo.listPeople(db), ...repo.stakeholderPeople(db)];
  }

  check(places: readonly IdentityPlace[]): IdentityFlag[] {
    return checkIdentity(this.register(), places);
  }

  apply(text: string, flags: IdentityFlag[], decisions: IdentityDecision[]): string {
    return applyDecisions(text, flags, decisions);
  }

  /** The pseudonym a registered person or stakeholder is printed under; '' when none was chosen. */
  pseudonymOf(personId: string): string {
    return this.register().find((p) => p.id === personId)?.pseudonym ?? '';
  }
}
