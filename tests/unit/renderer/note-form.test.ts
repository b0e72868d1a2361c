// The note editor's form model: tags typed as one line become a clean list, empty links become
// null, a round trip through a saved note changes nothing, and a damaged or older stored draft
// still opens (missing fields empty, never a crash).
import { describe, expect, it } from 'vitest';
import { NoteDraft } from '@shared/api/notes';
import { draftFromForm, emptyNote, formFromNote, formFromStoredDraft, parseTags } from '../../../renderer/src/features/notes/note-form';

describe('the note form', () => {
  it('splits tags on commas, trims them and drops empty and repeated ones', () => {
    expect(parseTags(' policy, decree,,policy ,  ')).toEqual(['policy', 'decree']);
    expect(parseTags('')).toEqual([]);
  });

  it('sends null for links left empty and a draft the contract accepts', () => {
    const draft = draftFromForm({ ...emptyNote('1b4e28ba-2fa1-41d2-883f-0016d3cca427'), title: 'Reading', tags: 'a, b' }, undefined);
    expect(draft).toEqual({ title: 'Reading', body: '', tags: ['a', 'b'], companyId: '1b4e28ba-2fa1-41d2-883f-0016d3cca427', engagementId: null, planId: null, assessmentId: null });
    expect(NoteDraft.safeParse(draft).success).toBe(true);
  });

  it('gives back the same note after a round trip through the form', () => {
    const note = {
      id: '6f1c2d9e-3b7a-4c8e-9d0f-1a2b3c4d5e6f',
      title: 'Reading',
      body: '# Heading',
      tags: ['policy'],
      companyId: null,
      engagementId: null,
      planId: '1b4e28ba-2fa1-41d2-883f-0016d3cca427',
      assessmentId: null,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-02T00:00:00.000Z',
    };
    const { createdAt: _c, updatedAt: _u, ...draft } = note;
    expect(draftFromForm(formFromNote(note), note.id)).toEqual(draft);
  });

  it('opens a damaged or partial stored draft with the missing fields empty', () => {
    expect(formFromStoredDraft(null)).toEqual(emptyNote());
    expect(formFromStoredDraft({ title: 'Kept', body: 42, tags: ['not a line'] })).toEqual({ ...emptyNote(), title: 'Kept' });
  });
});
