import { Route, Routes } from 'react-router';
import { VaultGate } from '../vault/VaultGate';
import { NoteEditor } from './NoteEditor';
import { NoteList } from './NoteList';
import '../diary/diary.css';
import './notes.css';

export function NotesPage() {
  return (
    <VaultGate>
      <div className="page notes">
        <Routes>
          <Route index element={<NoteList />} />
          <Route path="new" element={<NoteEditor />} />
          <Route path=":id" element={<NoteEditor />} />
        </Routes>
      </div>
    </VaultGate>
  );
}
