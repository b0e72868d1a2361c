// The history view shows what changed between versions; stored dates and timestamps in it are in
// the user's locale, while a date inside text the user wrote stays as written.
import { describe, expect, it } from 'vitest';
import { diffRecords } from '../../../renderer/src/features/diary/history/revision-diff';

const words = {
  day: (iso: string) => new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`)),
  dateTime: (iso: string) => new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(iso)),
};
/** The field as it read before and after, put back together from the word diff. */
function sides(changes: ReturnType<typeof diffRecords>, field: string): { before: string; after: string } {
  const parts = changes.find((change) => change.field === field)!.parts;
  const join = (keep: (part: (typeof parts)[number]) => boolean) =>
    parts
      .filter(keep)
      .map((part) => part.value)
      .join('');
  return { before: join((part) => !part.added), after: join((part) => !part.removed) };
}

describe('dates in the history view', () => {
  it('shows stored dates and timestamps, also inside lists, in the user’s locale', () => {
    const before = { occurredAt: '2026-10-01T09:30:00.000Z', commitments: [{ text: 'Review posts', dueDate: '2026-10-15' }], attachments: [] };
    const after = {
      occurredAt: '2026-11-30T14:05:00.000Z',
      commitments: [{ text: 'Review posts', dueDate: '2026-11-20' }],
      attachments: [{ name: 'cases.csv', addedAt: '2026-12-01T21:43:56.567Z' }],
    };
    const changes = diffRecords(before, after, words);
    const shown = changes.map((change) => change.parts.map((part) => part.value).join('')).join('\n');
    expect(shown).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(sides(changes, 'occurredAt')).toEqual({ before: '1 Oct 2026, 09:30', after: '30 Nov 2026, 14:05' });
    expect(sides(changes, 'commitments').before).toContain('"dueDate": "15 Oct 2026"');
    expect(sides(changes, 'commitments').after).toContain('"dueDate": "20 Nov 2026"');
    expect(sides(changes, 'attachments').after).toContain('"addedAt": "1 Dec 2026, 21:43"');
  });

  it('leaves a date the user typed into their own words as written', () => {
    const changes = diffRecords({ notes: 'Met on' }, { notes: 'Met on 2026-11-30 in Bangkok' }, words);
    expect(sides(changes, 'notes').after).toBe('Met on 2026-11-30 in Bangkok');
  });

  it('leaves out the save counter a submission draft carries, which changes on every save', () => {
    const changes = diffRecords({ version: 3, status: 'drafting' }, { version: 4, status: 'filed' }, words);
    expect(changes.map((change) => change.field)).toEqual(['status']);
  });
});
