// The editor's form shape and its conversion to and from the API's engagement draft. Lists the
// user types one per line (participants, concerns) or comma-separated (tags) stay text in the form.
import type { Engagement, EngagementDraft } from '@shared/api/diary';
import { completeChecklist, type SafetyCheck } from '@shared/domain/safety';

export interface EngagementForm {
  occurredAt: string; // datetime-local value, in the user's own time zone
  companyId: string;
  channel: Engagement['channel'];
  title: string;
  participantsOurs: string;
  participantsTheirs: string;
  purpose: string;
  concerns: string;
  commitments: Engagement['commitments'];
  followUps: Engagement['followUps'];
  riskBefore: Engagement['riskBefore'];
  riskAfter: Engagement['riskAfter'];
  safety: SafetyCheck[];
  outcome: string;
  tags: string;
  notes: string;
}

const lines = (text: string) => text.split('\n').map((line) => line.trim()).filter(Boolean);

function toLocalInput(iso: string): string {
  const date = new Date(iso);
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

export function emptyForm(now: Date, companyId = ''): EngagementForm {
  return {
    occurredAt: toLocalInput(now.toISOString()),
    companyId,
    channel: 'meeting',
    title: '',
    participantsOurs: '',
    participantsTheirs: '',
    purpose: '',
    concerns: '',
    commitments: [],
    followUps: [],
    riskBefore: { level: 'unknown', notes: '' },
    riskAfter: { level: 'unknown', notes: '' },
    safety: completeChecklist([]),
    outcome: '',
    tags: '',
    notes: '',
  };
}

export function formFromEngagement(e: Engagement): EngagementForm {
  return {
    occurredAt: toLocalInput(e.occurredAt),
    companyId: e.companyId,
    channel: e.channel,
    title: e.title,
    participantsOurs: e.participantsOurs.join('\n'),
    participantsTheirs: e.participantsTheirs.join('\n'),
    purpose: e.purpose,
    concerns: e.concerns.join('\n'),
    commitments: e.commitments,
    followUps: e.followUps,
    riskBefore: e.riskBefore,
    riskAfter: e.riskAfter,
    safety: completeChecklist(e.safety ?? []),
    outcome: e.outcome,
    tags: e.tags.join(', '),
    notes: e.notes,
  };
}

export function draftFromForm(form: EngagementForm, id: string | undefined): EngagementDraft {
  return {
    ...(id && { id }),
    occurredAt: new Date(form.occurredAt).toISOString(),
    companyId: form.companyId,
    channel: form.channel,
    title: form.title.trim(),
    participantsOurs: lines(form.participantsOurs),
    participantsTheirs: lines(form.participantsTheirs),
    purpose: form.purpose,
    concerns: lines(form.concerns),
    commitments: form.commitments.map((c) => ({ ...c, dueDate: c.dueDate || null })),
    followUps: form.followUps.map((f) => ({ ...f, dueDate: f.dueDate || null })),
    riskBefore: form.riskBefore,
    riskAfter: form.riskAfter,
    safety: form.safety,
    outcome: form.outcome,
    tags: [...new Set(form.tags.split(',').map((tag) => tag.trim()).filter(Boolean))],
    notes: form.notes,
  };
}
