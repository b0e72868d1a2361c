// Notes: every write is one transaction with its revision and its search entry, like the diary.
// A note may point at one company, diary entry, plan or assessment; each link must name a record
// of this vault when the note is saved. A link whose record is deleted later stays in the note (its
// revisions already hold it) and the pages say the record is no longer in this vault.
import crypto from 'node:crypto';
import type { z } from 'zod';
import type { InterfaceLanguage } from '@shared/api/diary';
import { Note as NoteSchema, type Note, type NoteDraft, type NoteFilter, type NotePage } from '@shared/api/notes';
import { findAssessment } from '../assessments/repository';
import { decodeCursor, encodeCursor } from '../diary/cursor';
import { findCompany, findEngagement } from '../diary/repository';
import { findPlan } from '../plans/repository';
import { inLanguageOrder } from '../records/collation';
import { appendRevision } from '../records/revisions';
import type { RecordIndex } from '../records/search-index';
import { DomainError } from '../rpc/domain-error';
import type { VaultDatabase } from '../vault/open';
import * as repo from './repository';

type ParsedDraft = z.output<typeof NoteDraft>;
type ParsedFilter = z.output<typeof NoteFilter>;

export interface NotesDeps {
  database: () => VaultDatabase;
  index: RecordIndex;
  now?: () => Date;
}

const NOT_FOUND = 'That note is not in this vault. It may have been deleted.';

/** What each link must point at, and what to say when it does not. */
const LINKS = [
  { field: 'companyId', exists: findCompany, missing: 'Choose a company that is in this vault.' },
  { field: 'engagementId', exists: findEngagement, missing: 'Choose a diary entry that is in this vault.' },
  { field: 'planId', exists: findPlan, missing: 'Choose a plan that is in this vault.' },
  { field: 'assessmentId', exists: findAssessment, missing: 'Choose an assessment that is in this vault.' },
] as const;

/** The texts a note's search entry holds. */
export function noteText(note: Pick<Note, 'body' | 'tags'>): string[] {
  return [note.body, note.tags.join(' ')];
}

export class NoteService {
  private readonly now: () => Date;

  constructor(private readonly deps: NotesDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  private get db(): VaultDatabase {
    return this.deps.database();
  }

  list(filter: ParsedFilter): NotePage {
    const after = filter.cursor ? decodeCursor(filter.cursor, 2) : undefined;
    const { rows, total } = repo.notePage(this.db, {
      tag: filter.tag,
      companyId: filter.companyId,
      after: after ? [after[0]!, after[1]!] : undefined,
      limit: filter.limit + 1,
    });
    const items = rows.slice(0, filter.limit);
    const last = items.at(-1);
    return { items, total, next: rows.length > filter.limit && last ? encodeCursor([last.updatedAt, last.id]) : null };
  }

  get(id: string): Note {
    const note = repo.findNote(this.db, id);
    if (!note) throw new DomainError('NOT_FOUND', 'notes.notFound', NOT_FOUND);
    return note;
  }

  save(draft: ParsedDraft): Note {
    const db = this.db;
    const at = this.now().toISOString();
    return db.transaction(() => {
      const existing = draft.id ? repo.findNote(db, draft.id) : undefined;
      if (draft.id && !existing) throw new DomainError('NOT_FOUND', 'notes.notFound', NOT_FOUND);
      for (const link of LINKS) {
        const target = draft[link.field];
        // A link kept unchanged from the saved note may name a record deleted since: leave it be.
        if (target && target !== existing?.[link.field] && !link.exists(db, target)) {
          throw new DomainError('NOT_FOUND', 'notes.linkGone', link.missing, { fields: [link.field], params: { context: link.field } });
        }
      }
      const note = NoteSchema.parse({
        ...draft,
        tags: [...new Set(draft.tags)],
        id: existing?.id ?? crypto.randomUUID(),
        createdAt: existing?.createdAt ?? at,
        updatedAt: at,
      });
      repo.insertOrReplaceNote(db, note);
      appendRevision(db, 'note', note.id, note, at);
      this.deps.index.put(db, 'note', note.id, note.title, noteText(note), note.updatedAt);
      return note;
    })();
  }

  delete(id: string): void {
    const db = this.db;
    db.transaction(() => {
      if (!repo.findNote(db, id)) throw new DomainError('NOT_FOUND', 'notes.notFound', NOT_FOUND);
      repo.deleteNoteRow(db, id);
      appendRevision(db, 'note', id, null, this.now().toISOString());
      this.deps.index.remove(db, 'note', id);
    })();
  }

  tags(language: InterfaceLanguage): string[] {
    return inLanguageOrder(repo.noteTags(this.db), language);
  }
}
