// Notes: free-form Markdown for research, policy reading and anything that is not a meeting. Each
// note may point at one company, diary entry, plan or assessment. Encrypted, revisioned and
// searchable like every other record. Dates cross the boundary as ISO strings.
import { z } from 'zod';
import { Id, InLanguageOrder } from './diary';

const Text = (max: number) => z.string().trim().max(max);
const IsoDateTime = z.iso.datetime({ offset: true });

/** Long enough for a year of reading notes on one topic; the search index takes the first 100,000 characters. */
export const MAX_NOTE_BODY = 200_000;

export const NoteDraft = z.object({
  id: Id.optional(),
  title: Text(300).min(1, 'Give the note a title.'),
  /** Markdown; shown through the same sanitiser as the knowledge base. */
  body: Text(MAX_NOTE_BODY).default(''),
  tags: z.array(Text(60).min(1)).max(50).default([]),
  companyId: Id.nullable().default(null),
  engagementId: Id.nullable().default(null),
  planId: Id.nullable().default(null),
  assessmentId: Id.nullable().default(null),
});
export type NoteDraft = z.input<typeof NoteDraft>;

export const Note = NoteDraft.extend({ id: Id, createdAt: IsoDateTime, updatedAt: IsoDateTime });
export type Note = z.infer<typeof Note>;

/** One line of the list: no body, only its opening words. */
export const NoteRow = z.object({
  id: Id,
  title: z.string(),
  tags: z.array(z.string()),
  companyId: Id.nullable(),
  /** Null when the note names no company, or the company has been deleted since. */
  companyName: z.string().nullable(),
  excerpt: z.string(),
  updatedAt: IsoDateTime,
});
export type NoteRow = z.infer<typeof NoteRow>;

export const NoteFilter = z.object({
  tag: Text(60).optional(),
  companyId: Id.optional(),
  /** Where the page starts: the previous page's `next`. */
  cursor: z.string().max(1000).optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
export type NoteFilter = z.input<typeof NoteFilter>;

export const NotePage = z.object({
  items: z.array(NoteRow),
  /** Every note the filter matches, not just this page. */
  total: z.number(),
  next: z.string().nullable(),
});
export type NotePage = z.infer<typeof NotePage>;

export const notesMethods = {
  /** Newest change first, a page at a time (keyset: the cost of a page does not grow with the vault). */
  'notes.list': { input: NoteFilter, output: NotePage },
  'notes.get': { input: z.object({ id: Id }), output: Note },
  'notes.save': { input: NoteDraft, output: Note },
  'notes.delete': { input: z.object({ id: Id }), output: z.null() },
  'notes.tags': { input: InLanguageOrder, output: z.array(z.string()) },
} as const;
