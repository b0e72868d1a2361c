// Submission drafts: every write is one transaction with its revision and its search entry, like
// the other record kinds. A draft starts from a plan step, a package or an assessment (prefill.ts)
// and is then the user's own text; links to records deleted later stay in it (its revisions hold
// them) and the pages say the record is no longer in this vault.
import crypto from 'node:crypto';
import type { z } from 'zod';
import {
  Submission as SubmissionSchema,
  type Requirements,
  type Submission,
  type SubmissionDraft,
  type SubmissionFilter,
  type SubmissionPage,
  type SubmissionRoute,
  type SubmissionSource,
  type SubmissionTemplate,
  type TemplateTranslation,
} from '@shared/api/submissions';
import { decodeCursor, encodeCursor } from '../diary/cursor';
import { findCompany } from '../diary/repository';
import { appendRevision } from '../records/revisions';
import type { RecordIndex } from '../records/search-index';
import { DomainError } from '../rpc/domain-error';
import type { VaultDatabase } from '../vault/open';
import { prefill, type PrefillDeps } from './prefill';
import * as repo from './repository';
import { checkRequirements, type RequirementDeps } from './requirements';
import { linkSubmissionToStep } from '../plans/step-links';
import { keepReplyLink } from './replies';
import { sourceExists } from './sources';
import type { TemplateBook } from './templates';
import { documentLanguages } from './translations';

type ParsedDraft = z.output<typeof SubmissionDraft>;
type ParsedFilter = z.output<typeof SubmissionFilter>;

export interface SubmissionsDeps {
  database: () => VaultDatabase;
  index: RecordIndex;
  templates: TemplateBook;
  /** The identity check of the export path, run on the draft's text for the requirements panel. */
  requirements: RequirementDeps;
  prefill?: Partial<PrefillDeps>;
  now?: () => Date;
}

const NOT_FOUND = 'That submission draft is not in this vault. It may have been deleted.';
const notFound = () => new DomainError('NOT_FOUND', 'submissions.notFound', NOT_FOUND);

/** Every string a value holds, ids and dates left out: what search should find in the fields. */
function stringsOf(value: unknown, out: string[]): string[] {
  if (typeof value === 'string') {
    if (value && !/^[0-9a-f-]{36}$/.test(value) && !/^\d{4}-\d{2}-\d{2}$/.test(value)) out.push(value);
  } else if (Array.isArray(value)) {
    for (const item of value) stringsOf(item, out);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) if (key !== 'route' && key !== 'kind' && key !== 'id') stringsOf(item, out);
  }
  return out;
}

/** The texts a draft's search entry holds: the body, then the fields' words. */
export function submissionText(s: Pick<Submission, 'body' | 'fields'>): string[] {
  return [s.body, stringsOf(s.fields, []).join('\n')];
}

export class SubmissionService {
  private readonly now: () => Date;

  constructor(private readonly deps: SubmissionsDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  private get db(): VaultDatabase {
    return this.deps.database();
  }

  templates(): SubmissionTemplate[] {
    return this.deps.templates.all();
  }

  /** The templates' words in one language, and the languages each route's document can be written in. */
  translation(language: string): { translation: TemplateTranslation | null; documentLanguages: Record<string, string[]> } {
    const translations = this.deps.templates.translations();
    return {
      translation: translations.get(language) ?? null,
      documentLanguages: Object.fromEntries(this.templates().map((t) => [t.route, documentLanguages(t, translations)])),
    };
  }

  list(filter: ParsedFilter): SubmissionPage {
    const after = filter.cursor ? decodeCursor(filter.cursor, 2) : undefined;
    const { rows, total } = repo.submissionPage(this.db, {
      source: filter.source,
      companyId: filter.companyId,
      status: filter.status,
      after: after ? [after[0]!, after[1]!] : undefined,
      limit: filter.limit + 1,
    });
    const items = rows.slice(0, filter.limit);
    const last = items.at(-1);
    return { items, total, next: rows.length > filter.limit && last ? encodeCursor([last.updatedAt, last.id]) : null };
  }

  get(id: string): Submission {
    const found = repo.findSubmission(this.db, id);
    if (!found) throw notFound();
    return found;
  }

  /** A draft prefilled from its source record, saved at once so nothing prefilled is lost. */
  start(route: SubmissionRoute, source: SubmissionSource, title?: string, language = 'en'): Submission {
    const db = this.db;
    const template = this.deps.templates.of(route);
    const translations = this.deps.templates.translations();
    return db.transaction(() => {
      if (source && !sourceExists(db, source)) throw sourceGone(source);
      const filled = prefill(db, template, source, this.deps.prefill, { language, translations });
      const draft = this.write(db, { ...filled, ...(title && { title }) }, undefined);
      if (source?.kind === 'planStep') linkSubmissionToStep(db, source, draft.id, draft.createdAt);
      return draft;
    })();
  }

  save(draft: ParsedDraft): Submission {
    const db = this.db;
    return db.transaction(() => {
      const existing = draft.id ? repo.findSubmission(db, draft.id) : undefined;
      if (draft.id && !existing) throw notFound();
      if (existing && draft.version !== undefined && draft.version !== existing.version) {
        throw new DomainError('CONFLICT', 'submissions.changedElsewhere', 'This draft was changed in another window since you opened it. Reload it, then make your change again.');
      }
      // Links kept unchanged from the saved draft may name records deleted since: leave them be.
      if (draft.source && !sameSource(draft.source, existing?.source ?? null) && !sourceExists(db, draft.source)) throw sourceGone(draft.source);
      for (const companyId of draft.companyIds) {
        if (!existing?.companyIds.includes(companyId) && !findCompany(db, companyId)) {
          throw new DomainError('NOT_FOUND', 'submissions.companyGone', 'Choose a company that is in this vault.', { fields: ['companyIds'] });
        }
      }
      return this.write(db, keepReplyLink(draft, existing), existing);
    })();
  }

  private write(db: VaultDatabase, draft: ParsedDraft, existing: Submission | undefined): Submission {
    const at = this.now().toISOString();
    const submission = SubmissionSchema.parse({
      ...draft,
      companyIds: [...new Set(draft.companyIds)],
      id: existing?.id ?? crypto.randomUUID(),
      createdAt: existing?.createdAt ?? at,
      updatedAt: at,
      version: (existing?.version ?? 0) + 1,
    });
    repo.insertOrReplaceSubmission(db, submission);
    appendRevision(db, 'submission', submission.id, submission, at);
    this.deps.index.put(db, 'submission', submission.id, submission.title, submissionText(submission), submission.updatedAt);
    return submission;
  }

  delete(id: string): void {
    const db = this.db;
    db.transaction(() => {
      if (!repo.findSubmission(db, id)) throw notFound();
      repo.deleteSubmissionRow(db, id);
      appendRevision(db, 'submission', id, null, this.now().toISOString());
      this.deps.index.remove(db, 'submission', id);
    })();
  }

  /** The panel for a saved draft, or for what the editor holds now. */
  requirements(input: { id: string } | { draft: ParsedDraft }): Requirements {
    const draft = 'id' in input ? this.get(input.id) : input.draft;
    return checkRequirements(this.db, this.deps.templates.of(draft.route), draft, this.deps.requirements);
  }
}

function sameSource(a: NonNullable<SubmissionSource>, b: SubmissionSource): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

const SOURCE_GONE: Record<NonNullable<SubmissionSource>['kind'], string> = {
  planStep: 'The plan step this draft starts from is not in this vault. Choose another one, or start without one.',
  package: 'The evidence package this draft starts from is not in this vault. Choose another one, or start without one.',
  assessment: 'The assessment this draft starts from is not in this vault. Choose another one, or start without one.',
};

function sourceGone(source: NonNullable<SubmissionSource>): DomainError {
  return new DomainError('NOT_FOUND', 'submissions.sourceGone', SOURCE_GONE[source.kind], {
    fields: ['source'],
    params: { context: source.kind },
  });
}
