// The identity check at the door: every export runs the check on exactly the texts it is about to
// write, applies the user's 'replace' decisions to them, and refuses while a flagged item has no
// decision, unless the user deliberately chose to export the undecided items as they are. Decisions
// are remembered per record once the file is made, so the next export asks only about what is new.
import type { z } from 'zod';
import type { ExportIdentity, IdentityReview, ReviewedFlag } from '@shared/api/export-identity';
import type { IdentityDecision, IdentityFlag, IdentityPlace } from '@shared/api/identity';
import { DomainError } from '../rpc/domain-error';
import type { VaultDatabase } from '../vault/open';
import { decisionsOf, saveDecisions } from './repository';

export type ExportIdentityInput = z.output<typeof ExportIdentity>;

/** The identity engine and the register, as the gate uses them. */
export interface IdentityEngine {
  /** Flags in these places, against the register and every stakeholder's private name. */
  check(places: IdentityPlace[]): IdentityFlag[];
  /** Each 'replace' decision applied to every form of its flagged item in the text. */
  apply(text: string, flags: IdentityFlag[], decisions: IdentityDecision[]): string;
  /** The pseudonym a registered person is printed under; '' when none was chosen. */
  pseudonymOf(personId: string): string;
}

/** The record whose export decisions these are: `plan`, `attachment`, `bundle-package`… */
export interface Subject {
  kind: string;
  id: string;
}

/** The texts of one record in an export (a bundle has one group per item). */
export interface CheckGroup {
  subject: Subject;
  places: IdentityPlace[];
}

/** An export allowed through: apply its replacements, check the result, then remember the decisions. */
export interface ExportPass {
  /** The text with every 'replace' decision applied. */
  apply(text: string): string;
  /** Refuses if an item the user chose to replace is still in the final texts. */
  verify(places: IdentityPlace[]): void;
  /** Saves the decisions the user gave, for each record whose texts carried the flag. */
  remember(): void;
}

interface Found {
  flag: IdentityFlag;
  subject: Subject;
}

export class IdentityGate {
  constructor(private readonly deps: { database: () => VaultDatabase; engine: IdentityEngine; now: () => Date }) {}

  /** What the export dialog shows: each flag, its remembered decision and what "replace" prefills. */
  review(groups: CheckGroup[]): IdentityReview {
    const found = this.find(groups);
    const remembered = this.remembered(groups);
    const suggestions = this.suggestions(found.map((f) => f.flag));
    const flags: ReviewedFlag[] = found.map(({ flag }) => ({ ...flag, decision: remembered.get(flag.key) ?? null, suggestion: suggestions.get(flag.key) ?? '' }));
    return { flags, undecided: undecidedKeys(found, remembered).size };
  }

  /** Throws CONFLICT while any flagged item has no decision and `acknowledge` is false. */
  pass(groups: CheckGroup[], identity: ExportIdentityInput): ExportPass {
    const found = this.find(groups);
    const decided = this.remembered(groups);
    for (const decision of identity.decisions) decided.set(decision.key, decision);
    const undecided = undecidedKeys(found, decided).size;
    if (undecided > 0 && !identity.acknowledge) throw new DomainError('CONFLICT', 'exportCheck.undecided', undecidedMessage(undecided), { params: { count: undecided } });
    const flags = found.map((f) => f.flag);
    const decisions = [...decided.values()].filter((d) => found.some((f) => f.flag.key === d.key));
    const replaced = new Set(decisions.filter((d) => d.action === 'replace').map((d) => d.key));
    return {
      apply: (text) => (replaced.size === 0 ? text : this.deps.engine.apply(text, flags, decisions)),
      verify: (places) => {
        if (replaced.size === 0) return;
        // The message names no place: places quote titles, and errors never carry record content.
        if (this.deps.engine.check(places).some((flag) => replaced.has(flag.key))) {
          throw new DomainError(
            'CONFLICT',
            'exportCheck.notReplacedEverywhere',
            'An item you chose to replace could not be replaced everywhere it appears (for example where it runs across bold and plain text). Edit it out of the record, or mark it as fine, then try again. Nothing was exported.',
          );
        }
      },
      remember: () => {
        const given = new Map(identity.decisions.map((d) => [d.key, d]));
        if (given.size === 0) return;
        const db = this.deps.database();
        const at = this.deps.now().toISOString();
        const bySubject = new Map<string, { subject: Subject; decisions: Map<string, IdentityDecision> }>();
        for (const { flag, subject } of found) {
          const decision = given.get(flag.key);
          if (!decision) continue;
          const id = `${subject.kind}:${subject.id}`;
          const entry = bySubject.get(id) ?? { subject, decisions: new Map() };
          entry.decisions.set(flag.key, decision);
          bySubject.set(id, entry);
        }
        for (const { subject, decisions: chosen } of bySubject.values()) saveDecisions(db, subject.kind, subject.id, [...chosen.values()], at);
      },
    };
  }

  private find(groups: CheckGroup[]): Found[] {
    return groups.flatMap((group) => (group.places.length === 0 ? [] : this.deps.engine.check(group.places).map((flag) => ({ flag, subject: group.subject }))));
  }

  private remembered(groups: CheckGroup[]): Map<string, IdentityDecision> {
    const db = this.deps.database();
    const out = new Map<string, IdentityDecision>();
    for (const { subject } of groups) {
      for (const decision of decisionsOf(db, subject.kind, subject.id)) if (!out.has(decision.key)) out.set(decision.key, decision);
    }
    return out;
  }

  /** A registered person's pseudonym; otherwise "[Person A]", "[Person B]"… in order of appearance. */
  private suggestions(flags: IdentityFlag[]): Map<string, string> {
    const out = new Map<string, string>();
    const pseudonyms = new Map<string, string>();
    const pseudonymOf = (personId: string) => pseudonyms.get(personId) ?? pseudonyms.set(personId, this.deps.engine.pseudonymOf(personId)).get(personId)!;
    let people = 0;
    for (const flag of flags) {
      if (out.has(flag.key)) continue;
      const pseudonym = flag.personId ? pseudonymOf(flag.personId) : '';
      if (pseudonym) out.set(flag.key, pseudonym);
      else if (flag.kind === 'registered' || flag.kind === 'givenName' || flag.kind === 'name') out.set(flag.key, `[Person ${letters(people++)}]`);
      else out.set(flag.key, PLACEHOLDERS[flag.kind]);
    }
    return out;
  }
}

const PLACEHOLDERS: Record<IdentityFlag['kind'], string> = {
  registered: '[Person]',
  givenName: '[Person]',
  name: '[Person]',
  email: '[email address]',
  phone: '[phone number]',
  handle: '[account]',
  url: '[link]',
};

function undecidedKeys(found: Found[], decided: Map<string, IdentityDecision>): Set<string> {
  return new Set(found.map((f) => f.flag.key).filter((key) => !decided.has(key)));
}

function undecidedMessage(count: number): string {
  const items = count === 1 ? 'One flagged item (a name, e-mail address, phone number, account or link) has' : `${count} flagged items (names, e-mail addresses, phone numbers, accounts or links) have`;
  return `${items} no decision yet. Mark each as fine or replace it, or confirm that you export them as they are. Nothing was exported.`;
}

/** 0 → A, 25 → Z, 26 → AA. */
function letters(n: number): string {
  let out = '';
  for (let i = n; i >= 0; i = Math.floor(i / 26) - 1) out = String.fromCharCode(65 + (i % 26)) + out;
  return out;
}
