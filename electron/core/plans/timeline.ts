// The timeline of what falls due across plans: each step's target date and its escalation
// trigger date, next to the diary's open commitments and follow-ups and the submission drafts'
// filing deadlines and awaited replies (the due dashboard's items, see diary/repository.ts).
import type { DueItem } from '@shared/api/diary';
import type { StepSpan, TimelineItem } from '@shared/api/plans';

export interface StepDates {
  planId: string;
  planTitle: string;
  title: string;
  status: string;
  startDate: string | null;
  targetDate: string | null;
  triggerDate: string | null;
}

const settled = (status: string) => status === 'done' || status === 'skipped';

/** Items on or before the horizon, oldest first; a settled step no longer falls due. */
export function buildTimeline(steps: StepDates[], due: DueItem[], today: string, horizon: string): TimelineItem[] {
  const items: TimelineItem[] = [];
  for (const step of steps) {
    if (settled(step.status)) continue;
    const add = (kind: 'step-start' | 'step-target' | 'step-trigger', date: string | null) => {
      if (!date || date > horizon) return;
      items.push({ kind, date, overdue: date < today, title: step.title, context: step.planTitle, planId: step.planId, engagementId: null, submissionId: null, filedOn: null });
    };
    // A start already passed is not "overdue": the step is simply running.
    if (step.startDate && step.startDate >= today) add('step-start', step.startDate);
    add('step-target', step.targetDate);
    add('step-trigger', step.triggerDate);
  }
  for (const item of due) {
    items.push({
      kind: item.kind,
      date: item.dueDate,
      overdue: item.overdue,
      title: item.text,
      context: item.companyName,
      planId: null,
      engagementId: item.engagementId,
      submissionId: item.submissionId,
      filedOn: item.filedOn,
    });
  }
  return items.sort((a, b) => a.date.localeCompare(b.date) || a.kind.localeCompare(b.kind));
}

/**
 * Steps with both a start and a target date that are still open and overlap the window, by plan
 * and start: what runs side by side.
 */
export function stepSpans(steps: StepDates[], from: string, to: string): StepSpan[] {
  const spans: StepSpan[] = [];
  for (const step of steps) {
    if (settled(step.status) || !step.startDate || !step.targetDate || step.targetDate < step.startDate) continue;
    if (step.targetDate < from || step.startDate > to) continue;
    spans.push({ planId: step.planId, planTitle: step.planTitle, title: step.title, status: step.status as StepSpan['status'], start: step.startDate, end: step.targetDate });
  }
  return spans.sort((a, b) => a.planTitle.localeCompare(b.planTitle) || a.planId.localeCompare(b.planId) || a.start.localeCompare(b.start));
}

/** The step a plan is on: the first not yet done or skipped. */
export function currentStep(steps: Array<{ title: string; status: string }>): string | null {
  return steps.find((s) => !settled(s.status))?.title ?? null;
}
