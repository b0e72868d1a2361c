// The requirements panel: what a draft still misses, what is over a limit, who it exposes and what
// the identity check flags on the way out. Warnings explain; only a hard rule blocks: a limit the
// body itself says it enforces (a submission over it is not accepted) or a victim's refusal to be
// named while their name is in the text. Each item is a catalogue key (`requirements.*` in the
// submissions namespace) with its params, and the template's source where the rule comes from one.
import type { z } from 'zod';
import type { Requirement, Requirements, SubmissionDraft, SubmissionTemplate, TemplateSource } from '@shared/api/submissions';
import { countWords } from '@shared/domain/word-count';
import { companyNames } from '../diary/repository';
import type { CheckGroup, IdentityGate } from '../export-check/gate';
import type { VaultDatabase } from '../vault/open';
import type { SubmissionLimit } from './templates';

type Draft = z.output<typeof SubmissionDraft> & { id?: string | undefined };

export interface RequirementDeps {
  /** The export path's identity check: the same flags the export dialog will show. */
  gate: Pick<IdentityGate, 'review'>;
  /** Word limits of the route's mechanism, from the directory. */
  limits: (template: SubmissionTemplate) => SubmissionLimit[];
  today?: () => string;
}

const META_PLATFORM = /\b(meta|facebook|instagram|threads)\b/i;

const isEmpty = (value: unknown): boolean =>
  value === null || value === undefined || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);

/** A dotted path ("perpetrators.stateActors") read from the fields. */
function valueAt(fields: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), fields);
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A company named as the one who should act: "Acme should …", "that Acme …", "Acme must …", or a
 * recommendation that opens with the company's name. "Require Acme to …" names the State's act and passes.
 */
function namesCompanyAsSubject(text: string, names: readonly string[]): string | null {
  for (const name of names) {
    if (name.trim().length < 2) continue;
    const n = escapeRegex(name.trim());
    const pattern = new RegExp(`(^|[.;:]\\s*|\\bthat\\s+)(the\\s+)?${n}\\b|\\b${n}\\s+(should|must|shall|is\\s+urged|is\\s+called\\s+upon)\\b`, 'iu');
    if (pattern.test(text)) return name.trim();
  }
  return null;
}

function ruleSource(template: SubmissionTemplate, ruleId: string): TemplateSource | undefined {
  return template.rules.find((r) => r.id === ruleId)?.source;
}

export function checkRequirements(db: VaultDatabase, template: SubmissionTemplate, draft: Draft, deps: RequirementDeps): Requirements {
  const items: Requirement[] = [];
  const add = (item: Omit<Requirement, 'params'> & { params?: Requirement['params'] }) => items.push({ params: {}, ...item });
  const fields = draft.fields;

  for (const field of template.fields) {
    if (field.required && isEmpty(valueAt(fields, field.id))) add({ id: `missing:${field.id}`, level: 'warn', key: 'missingField', params: { field: field.id } });
  }
  if (draft.body.trim() === '') add({ id: 'emptyBody', level: 'warn', key: 'emptyBody' });

  // Language: only where the template names the languages the body accepts.
  const primary = draft.language.split('-')[0]!.toLowerCase();
  if (template.languages.length > 0 && !template.languages.includes(primary)) {
    add({
      id: 'language',
      level: 'warn',
      key: 'languageNotAccepted',
      params: { languages: template.languages.join(', ') },
      ...(template.languagesSource && { source: template.languagesSource }),
    });
  }

  // Deadline: the user enters it (cycle deadlines change every session); remind while it is missing or past.
  const open = draft.status === 'drafting' || draft.status === 'internalReview';
  const today = deps.today?.() ?? new Date().toISOString().slice(0, 10);
  if (open && draft.filingDeadline === null) add({ id: 'deadline', level: template.route === 'uprStakeholder' ? 'warn' : 'info', key: 'noDeadline' });
  if (open && draft.filingDeadline !== null && draft.filingDeadline < today) add({ id: 'deadlinePassed', level: 'warn', key: 'deadlinePassed', params: { date: draft.filingDeadline } });

  // Word count against the directory's limit for individual or joint submissions.
  const words = countWords(draft.body);
  let limit: number | null = null;
  if (fields.route === 'uprStakeholder') {
    const applies = fields.joint ? 'joint' : 'individual';
    const entry = deps.limits(template).find((l) => l.applies === applies);
    if (entry) {
      limit = entry.words;
      if (words > entry.words) {
        add({
          id: 'wordLimit',
          // Block only where the body says a submission over the limit is not accepted.
          level: entry.overLimit === 'notAccepted' && entry.verified ? 'block' : 'warn',
          key: fields.joint ? 'overWordLimitJoint' : 'overWordLimitIndividual',
          params: { words, limit: entry.words, asOf: entry.asOf },
          source: { url: entry.source.url, title: entry.source.title, checked: entry.asOf, verified: entry.verified },
        });
      }
    }
    const names = [...companyNames(db).values()];
    fields.recommendations.forEach((r, i) => {
      if (r.addressee === 'other') {
        add({ id: `addressee:${r.id}`, level: 'warn', key: 'recommendationNotToState', params: { number: i + 1 }, ...sourceOf(template, 'recommendationsToState') });
        return;
      }
      const company = namesCompanyAsSubject(r.text, names);
      if (company) add({ id: `addressee:${r.id}`, level: 'warn', key: 'recommendationNamesCompany', params: { number: i + 1, company }, ...sourceOf(template, 'recommendationsToState') });
    });
    if (fields.joint && fields.coalitionMembers.length === 0) add({ id: 'coalition', level: 'warn', key: 'noCoalitionMembers' });
  }

  // The identity check the export will run, on the same text.
  const subject = { kind: 'submission', id: draft.id ?? 'unsaved' };
  const group: CheckGroup = { subject, places: draftPlaces(draft) };
  const review = deps.gate.review([group]);

  if (fields.route === 'spCommunication') {
    if (fields.domesticSteps.trim() === '') add({ id: 'domesticSteps', level: 'warn', key: 'noDomesticSteps', ...sourceOf(template, 'domesticSteps') });
    for (const [i, victim] of fields.victims.entries()) {
      const label = victim.pseudonym || String(i + 1);
      const named = victim.personId !== null && review.flags.some((f) => f.personId === victim.personId);
      if (victim.consentToBeNamed === 'refused' && named) {
        add({ id: `victimRefused:${victim.id}`, level: 'block', key: 'victimNamedAgainstRefusal', params: { victim: label } });
      } else if (victim.realNameKnown && victim.consentToBeNamed === 'notRecorded') {
        add({ id: `victimConsent:${victim.id}`, level: 'warn', key: 'victimConsentNotRecorded', params: { victim: label }, ...sourceOf(template, 'consent') });
      }
    }
  }
  // The Board hears Meta's content decisions only; a company name is all the vault knows of that.
  if (fields.route === 'oversightBoard' && draft.companyIds.length > 0) {
    const names = companyNames(db);
    if (!draft.companyIds.some((id) => META_PLATFORM.test(names.get(id) ?? ''))) add({ id: 'metaOnly', level: 'warn', key: 'notMetaPlatform', ...sourceOf(template, 'metaOnly') });
  }
  if (fields.route === 'ncpSpecificInstance' && fields.chapters.length === 0) add({ id: 'chapters', level: 'warn', key: 'noChapters', ...sourceOf(template, 'chapters') });

  // The mechanism's own notes: what becomes public, and its rules that only inform.
  for (const note of template.exposureNotes) add({ id: `exposure:${note.id}`, level: 'info', key: `exposure.${template.route}.${note.id}`, source: note.source });
  for (const rule of template.rules) if (rule.level === 'info') add({ id: `rule:${rule.id}`, level: 'info', key: `rules.${template.route}.${rule.id}`, source: rule.source });

  const undecided = review.undecided;
  const flagged = new Set(review.flags.map((f) => f.key)).size;
  add(
    flagged > 0
      ? { id: 'identity', level: 'warn', key: 'identityFlags', params: { count: flagged, undecided } }
      : { id: 'identity', level: 'info', key: 'identityClear' },
  );

  return { items, blocked: items.some((i) => i.level === 'block'), wordCount: { words, limit } };

  function sourceOf(t: SubmissionTemplate, ruleId: string): { source?: TemplateSource } {
    const source = ruleSource(t, ruleId);
    return source ? { source } : {};
  }
}

/** The draft's texts as the export will carry them, with where each is in words. */
export function draftPlaces(draft: Pick<Draft, 'title' | 'body' | 'fields'>): Array<{ where: string; text: string }> {
  const places = [
    { where: 'Title', text: draft.title },
    { where: 'Text', text: draft.body },
  ];
  const walk = (value: unknown, where: string) => {
    if (typeof value === 'string') {
      if (value.trim() && !/^[0-9a-f-]{36}$/.test(value)) places.push({ where, text: value });
    } else if (Array.isArray(value)) value.forEach((item, i) => walk(item, `${where} ${i + 1}`));
    else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) if (key !== 'route' && key !== 'id') walk(item, `${where} · ${key}`);
  };
  walk(draft.fields, 'Fields');
  return places;
}
