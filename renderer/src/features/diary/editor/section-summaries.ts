// What a collapsed section of the diary editor holds, as counts for its summary line. Pure, so
// the rules (what counts as overdue or done) are tested without a browser.
import type { Commitment, FollowUp } from '@shared/api/diary';
import type { SafetyCheck } from '@shared/domain/safety';

/** The user's own calendar day, as due dates are entered. */
export function localToday(now: Date = new Date()): string {
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}

/** Open commitments whose due day has passed (the due day itself is not late), as core counts them. */
export function commitmentCounts(commitments: Array<Pick<Commitment, 'status' | 'dueDate'>>, today: string): { total: number; overdue: number } {
  const overdue = commitments.filter((c) => c.status === 'open' && Boolean(c.dueDate) && c.dueDate! < today).length;
  return { total: commitments.length, overdue };
}

export function followUpCounts(followUps: Array<Pick<FollowUp, 'done'>>): { total: number; done: number } {
  return { total: followUps.length, done: followUps.filter((f) => f.done).length };
}

export function checklistCounts(checks: Array<Pick<SafetyCheck, 'done'>>): { total: number; done: number } {
  return { total: checks.length, done: checks.filter((c) => c.done).length };
}
