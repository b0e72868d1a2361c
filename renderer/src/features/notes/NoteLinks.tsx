import { Link } from 'react-router';
import type { NoteRow } from '@shared/api/notes';
import { formatDateTime } from '../../i18n';

/** Note titles with their last change, or `empty` when there are none: Home's and a company's short lists. */
export function NoteLinks({ items, empty }: { items: NoteRow[]; empty: string }) {
  if (items.length === 0) return <p className="hint">{empty}</p>;
  return (
    <ul>
      {items.map((note) => (
        <li key={note.id}>
          <Link to={`/notes/${note.id}`}>{note.title}</Link> <span className="hint">· {formatDateTime(note.updatedAt)}</span>
        </li>
      ))}
    </ul>
  );
}
