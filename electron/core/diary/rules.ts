// Pure rules of the diary, tested without a database.
import type { Commitment, Ledger } from '@shared/api/diary';

/** Today's date in the user's own time zone, as YYYY-MM-DD. */
export function localToday(now: Date = new Date()): string {
  const offset = now.getTimezoneOffset() * 60_000;
  return new Date(now.getTime() - offset).toISOString().slice(0, 10);
}

/** A commitment is overdue when it is still open and its due date has passed (the due day itself is not late). */
export function isCommitmentOverdue(commitment: Pick<Commitment, 'status' | 'dueDate'>, today: string): boolean {
  return commitment.status === 'open' && commitment.dueDate !== null && commitment.dueDate < today;
}

export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * The due dates [from, to) of a dashboard group: overdue is before today, this week the seven days
 * from today, later the rest up to the horizon (inclusive).
 */
export function dueBounds(today: string, horizonDays: number, group: 'overdue' | 'thisWeek' | 'later'): [string, string] {
  const end = addDays(today, horizonDays + 1);
  const weekEnd = addDays(today, 7) < end ? addDays(today, 7) : end;
  if (group === 'overdue') return ['', today];
  if (group === 'thisWeek') return [today, weekEnd];
  return [weekEnd, end];
}

type Counts = Omit<Ledger, 'companyId' | 'byMonth' | 'sentence'>;

/** "2 made, 1 kept, 1 overdue." Only the counts that are not zero, after "made". */
export function ledgerSentence(counts: Counts): string {
  if (counts.made === 0) return 'No commitments recorded yet.';
  const parts = [`${counts.made} made`];
  const add = (n: number, label: string) => n > 0 && parts.push(`${n} ${label}`);
  add(counts.kept, 'kept');
  add(counts.partlyKept, 'partly kept');
  add(counts.broken, 'broken');
  add(counts.withdrawn, 'withdrawn');
  add(counts.overdue, 'overdue');
  add(counts.open - counts.overdue, 'still open');
  return `${parts.join(', ')}.`;
}
