import { describe, expect, it } from 'vitest';
import { checklistCounts, commitmentCounts, followUpCounts, localToday } from '../../../renderer/src/features/diary/editor/section-summaries';

describe('what the diary editor says about a closed section', () => {
  it('counts an open commitment as overdue only after its due day, as the dashboard does', () => {
    const commitments = [
      { status: 'open' as const, dueDate: '2026-11-30' },
      { status: 'open' as const, dueDate: '2026-12-01' },
      { status: 'kept' as const, dueDate: '2026-01-01' },
      { status: 'open' as const, dueDate: null },
    ];
    expect(commitmentCounts(commitments, '2026-12-01')).toEqual({ total: 4, overdue: 1 });
  });

  it('counts follow-ups and checklist items done', () => {
    expect(followUpCounts([{ done: true }, { done: false }])).toEqual({ total: 2, done: 1 });
    expect(checklistCounts([{ done: true }, { done: true }, { done: true }, { done: false }, { done: false }, { done: false }])).toEqual({ total: 6, done: 3 });
  });

  it('takes today in the user’s own time zone, as due dates are typed', () => {
    expect(localToday(new Date(2026, 11, 1, 23, 30))).toBe('2026-12-01');
  });
});
