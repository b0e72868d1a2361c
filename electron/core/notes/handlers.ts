import type { notesMethods } from '@shared/api/notes';
import type { LiveRecords } from '../diary/handlers';
import type { Handlers } from '../rpc/dispatch';
import { liveNotes } from './repository';
import type { NoteService } from './service';

type NotesHandlers = Pick<Handlers, keyof typeof notesMethods>;

/** Notes as the integrity check and backups see them: each one as revised. */
export const noteRecords: LiveRecords = function* (db) {
  for (const note of liveNotes(db)) yield { entity: 'note', id: note.id, record: note };
};

/** Contract → service, nothing else. */
export function notesHandlers(notes: NoteService): NotesHandlers {
  return {
    'notes.list': (filter) => notes.list(filter),
    'notes.get': ({ id }) => notes.get(id),
    'notes.save': (draft) => notes.save(draft),
    'notes.delete': ({ id }) => {
      notes.delete(id);
      return null;
    },
    'notes.tags': (input) => notes.tags(input?.locale ?? 'en'),
  };
}
