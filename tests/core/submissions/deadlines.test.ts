// Submission deadlines on Home's "What's due" and on the timeline, in a real encrypted vault: a
// draft to file is due at its filing deadline and overdue after it; a filed draft shows "filed on"
// until its deadline and is never overdue; an outcome closes it. A sent right-of-reply letter
// waits for the company's reply, overdue once the reply deadline passes, until the reply is
// logged as a diary entry with the company, linked from the draft.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DueItem, DueSummary } from '@shared/api/diary';
import type { SubmissionDraft } from '@shared/api/submissions';
import { unlockedCore, type TestCore } from '../../helpers/core';

const TODAY = '2026-12-01';
let t: TestCore;
let companyId: string;

beforeEach(async () => {
  t = await unlockedCore();
  companyId = (await t.call('companies.save', { name: 'Example Platform', sector: 'social-media' })).id;
  await t.call('engagements.save', {
    occurredAt: '2026-11-01T09:00:00.000Z',
    companyId,
    channel: 'call',
    commitments: [{ id: crypto.randomUUID(), text: 'Review the flagged posts', dueDate: '2026-12-03' }],
  });
});
afterEach(async () => {
  await t?.core.close();
});

const upr = (extra: Partial<SubmissionDraft> = {}): SubmissionDraft => ({
  route: 'uprStakeholder',
  title: 'UPR submission on online expression',
  fields: { route: 'uprStakeholder' },
  companyIds: [companyId],
  ...extra,
});
const letter = (fields: Record<string, unknown>, extra: Partial<SubmissionDraft> = {}): SubmissionDraft => ({
  route: 'rightOfReply',
  title: 'Right of reply before publication',
  fields: { route: 'rightOfReply', ...fields } as SubmissionDraft['fields'],
  companyIds: [companyId],
  ...extra,
});

const due = () => t.call('dashboard.due', { today: TODAY, horizonDays: 30, limit: 50 });
const all = (summary: DueSummary): DueItem[] => [...summary.groups.overdue.items, ...summary.groups.thisWeek.items, ...summary.groups.later.items];
const drafts = (summary: DueSummary) => all(summary).filter((item) => item.submissionId !== null);

describe("submission deadlines on What's due", () => {
  it('lists a draft to file at its deadline, overdue once it passes, and counts it in its group', async () => {
    const soon = await t.call('submissions.save', upr({ filingDeadline: '2026-12-05', status: 'internalReview' }));
    const late = await t.call('submissions.save', upr({ title: 'NCP filing', filingDeadline: '2026-11-20' }));
    await t.call('submissions.save', upr({ title: 'No deadline yet' }));

    const summary = await due();
    expect(summary.groups.thisWeek.items.map((i) => [i.kind, i.submissionId, i.dueDate, i.overdue])).toEqual([
      ['commitment', null, '2026-12-03', false],
      ['filing', soon.id, '2026-12-05', false],
    ]);
    expect(summary.groups.thisWeek.total).toBe(2);
    expect(summary.groups.overdue.items).toMatchObject([{ kind: 'filing', submissionId: late.id, text: 'NCP filing', companyId, companyName: 'Example Platform', engagementId: null, overdue: true, filedOn: null }]);
    expect(summary.groups.overdue.total).toBe(1);
    expect(drafts(summary)).toHaveLength(2);
  });

  it('shows a filed draft with the day it was filed until its deadline, never overdue, and an outcome closes it', async () => {
    const filed = await t.call('submissions.save', upr({ filingDeadline: '2026-12-20', status: 'filed', filedOn: '2026-11-28' }));
    const filedLate = await t.call('submissions.save', upr({ title: 'Filed, deadline passed', filingDeadline: '2026-11-25', status: 'acknowledged', filedOn: '2026-11-24' }));

    let summary = await due();
    expect(summary.groups.later.items).toMatchObject([{ kind: 'filing', submissionId: filed.id, filedOn: '2026-11-28', overdue: false }]);
    expect(drafts(summary).map((i) => i.submissionId)).not.toContain(filedLate.id);
    expect(summary.groups.overdue.total).toBe(0);

    await t.call('submissions.save', { ...filed, status: 'outcome', outcomeNote: 'The Working Group received it.' });
    summary = await due();
    expect(drafts(summary)).toEqual([]);
  });

  it('waits for the reply to a sent right-of-reply letter, overdue after its deadline, until the reply is logged in the diary', async () => {
    const unsent = await t.call('submissions.save', letter({ replyDeadline: '2026-12-10' }, { filingDeadline: '2026-12-02' }));
    // Not sent yet: what is due is sending it, by its filing deadline.
    expect(drafts(await due())).toMatchObject([{ kind: 'filing', submissionId: unsent.id, dueDate: '2026-12-02' }]);

    const sent = await t.call('submissions.save', { ...unsent, fields: { ...unsent.fields, route: 'rightOfReply', sentOn: '2026-11-15', replyDeadline: '2026-11-29' } });
    let summary = await due();
    expect(drafts(summary)).toEqual([expect.objectContaining({ kind: 'reply', submissionId: sent.id, dueDate: '2026-11-29', filedOn: '2026-11-15', overdue: true, companyName: 'Example Platform' })]);

    const { submission, engagementId } = await t.call('submissions.logReply', { id: sent.id, receivedOn: '2026-11-30', summary: 'The company disputes finding 2 and sends its transparency report.' });
    expect(submission.fields).toMatchObject({ route: 'rightOfReply', replyEngagementId: engagementId });
    const entry = await t.call('engagements.get', { id: engagementId });
    expect(entry).toMatchObject({ companyId, channel: 'email', occurredAt: '2026-11-30T00:00:00.000Z', notes: 'The company disputes finding 2 and sends its transparency report.' });
    // The reply is in the company's history and in the draft's revisions.
    expect((await t.call('engagements.list', { companyId })).items.map((row) => row.id)).toContain(engagementId);
    expect((await t.call('history.list', { entity: 'submission', id: sent.id })).length).toBe(3);

    summary = await due();
    expect(drafts(summary)).toEqual([]);
    // An editor saving the fields it shows (without the link) keeps the logged reply linked.
    const edited = await t.call('submissions.save', { ...submission, fields: { ...submission.fields, route: 'rightOfReply', replyEngagementId: null }, body: 'Edited after the reply.' });
    expect(edited.fields).toMatchObject({ replyEngagementId: engagementId });
    expect(drafts(await due())).toEqual([]);
    expect(await t.raw('submissions.logReply', { id: sent.id, receivedOn: '2026-12-01', summary: 'Again' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', key: 'submissions.replyAlreadyLogged' } });
  });

  it('refuses to log a reply to a draft that is not a right-of-reply letter, or that names no company, writing nothing', async () => {
    const filing = await t.call('submissions.save', upr());
    expect(await t.raw('submissions.logReply', { id: filing.id, receivedOn: TODAY, summary: 'A reply' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', key: 'submissions.replyNotRightOfReply' } });
    const orphan = await t.call('submissions.save', letter({ sentOn: '2026-11-15', replyDeadline: '2026-11-29' }, { companyIds: [] }));
    expect(await t.raw('submissions.logReply', { id: orphan.id, receivedOn: TODAY, summary: 'A reply' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', key: 'submissions.replyNeedsCompany' } });
    expect((await t.call('engagements.list', { companyId })).total).toBe(1);
    // A draft naming no company is still listed, without one.
    expect(drafts(await due())).toMatchObject([{ kind: 'reply', submissionId: orphan.id, companyId: null, companyName: '' }]);
  });

  it('pages through diary items and drafts on the same day in one order, none twice', async () => {
    for (let i = 0; i < 4; i++) await t.call('submissions.save', upr({ title: `Draft ${i}`, filingDeadline: '2026-12-03' }));
    await t.call('submissions.save', letter({ sentOn: '2026-11-20', replyDeadline: '2026-12-03' }));
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await t.call('dashboard.duePage', { group: 'thisWeek', today: TODAY, limit: 2, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((item) => `${item.kind}:${item.id}`));
      expect(page.total).toBe(6);
      cursor = page.next ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(6);
    expect(new Set(seen).size).toBe(6);
  });
});

describe('submission deadlines on the timeline', () => {
  it('shows filing deadlines, filed drafts with their filing day and awaited replies, each linking to its draft', async () => {
    const toFile = await t.call('submissions.save', upr({ filingDeadline: '2026-12-15' }));
    const filed = await t.call('submissions.save', upr({ title: 'Filed', filingDeadline: '2026-12-20', status: 'filed', filedOn: '2026-11-30' }));
    const sent = await t.call('submissions.save', letter({ sentOn: '2026-11-15', replyDeadline: '2026-11-29' }));
    const { items } = await t.call('plans.timeline', { today: TODAY, horizonDays: 60 });
    const fromDrafts = items.filter((item) => item.submissionId !== null).map((item) => [item.kind, item.submissionId, item.date, item.overdue, item.filedOn, item.context]);
    expect(fromDrafts).toEqual([
      ['reply', sent.id, '2026-11-29', true, '2026-11-15', 'Example Platform'],
      ['filing', toFile.id, '2026-12-15', false, null, 'Example Platform'],
      ['filing', filed.id, '2026-12-20', false, '2026-11-30', 'Example Platform'],
    ]);
    expect(items.some((item) => item.kind === 'commitment')).toBe(true);
  });
});
