import type { Note, NoteDraft } from '@shared/api/notes';

/** The editor's fields as the form holds them: tags as one comma-separated line, links as select values. */
export interface NoteForm {
  title: string;
  body: string;
  tags: string;
  companyId: string;
  engagementId: string;
  planId: string;
  assessmentId: string;
}

export function emptyNote(companyId = ''): NoteForm {
  return { title: '', body: '', tags: '', companyId, engagementId: '', planId: '', assessmentId: '' };
}

export function formFromNote(note: Note): NoteForm {
  return {
    title: note.title,
    body: note.body,
    tags: note.tags.join(', '),
    companyId: note.companyId ?? '',
    engagementId: note.engagementId ?? '',
    planId: note.planId ?? '',
    assessmentId: note.assessmentId ?? '',
  };
}

/** Tags split on commas, trimmed, empty and repeated ones dropped. */
export function parseTags(line: string): string[] {
  return [...new Set(line.split(',').map((tag) => tag.trim()).filter(Boolean))];
}

export function draftFromForm(form: NoteForm, id: string | undefined): NoteDraft {
  return {
    ...(id && { id }),
    title: form.title,
    body: form.body,
    tags: parseTags(form.tags),
    companyId: form.companyId || null,
    engagementId: form.engagementId || null,
    planId: form.planId || null,
    assessmentId: form.assessmentId || null,
  };
}

/** A draft kept by an earlier version of the editor may lack fields; fill them in. */
export function formFromStoredDraft(content: unknown): NoteForm {
  const stored = (content && typeof content === 'object' ? content : {}) as Partial<Record<keyof NoteForm, unknown>>;
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  return {
    title: text(stored.title),
    body: text(stored.body),
    tags: text(stored.tags),
    companyId: text(stored.companyId),
    engagementId: text(stored.engagementId),
    planId: text(stored.planId),
    assessmentId: text(stored.assessmentId),
  };
}
