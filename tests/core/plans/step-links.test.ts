// A plan step's submission drafts, in a real encrypted vault: starting a draft from a step links
// it at once, as a revision of the plan the integrity check accepts; a later save of the plan from
// an editor that never saw the link keeps it; other drafts are linked and unlinked by the user.
import { afterEach, describe, expect, it } from 'vitest';
import type { Plan } from '@shared/api/plans';
import { unlockedCore, type TestCore } from '../../helpers/core';
import { uuid } from './fixtures';

let t: TestCore;
afterEach(async () => {
  await t?.core.close();
});

async function planWithStep(): Promise<Plan> {
  const company = await t.call('companies.save', { name: 'Example Platform', sector: 'social-media' });
  return t.call('plans.save', {
    title: 'Escalation on removals',
    companyId: company.id,
    steps: [
      { id: uuid(), stage: 'un', title: 'UN Special Rapporteur', mechanismId: null },
      { id: uuid(), stage: 'direct', title: 'Direct engagement', mechanismId: null },
    ],
  });
}

describe("a plan step's submission drafts", () => {
  it('links a draft started from a step to that step, as a plan revision the integrity check accepts', async () => {
    t = await unlockedCore();
    const plan = await planWithStep();
    const step = plan.steps[0]!;
    const draft = await t.call('submissions.start', { route: 'spCommunication', source: { kind: 'planStep', planId: plan.id, stepId: step.id } });

    const linked = await t.call('plans.get', { id: plan.id });
    expect(linked.steps.map((s) => s.submissionIds)).toEqual([[draft.id], []]);
    expect(await t.call('history.list', { entity: 'plan', id: plan.id })).toHaveLength(2);
    const report = await t.call('integrity.verify', null);
    expect(report.firstBroken).toBeNull();
  });

  it('keeps a started draft linked when an older copy of the plan is saved, and lets the user link and unlink other drafts', async () => {
    t = await unlockedCore();
    const plan = await planWithStep();
    const [un, direct] = plan.steps as [Plan['steps'][number], Plan['steps'][number]];
    const started = await t.call('submissions.start', { route: 'spCommunication', source: { kind: 'planStep', planId: plan.id, stepId: un.id } });
    const other = await t.call('submissions.save', { route: 'rightOfReply', title: 'Letter before publication', fields: { route: 'rightOfReply' } });

    // The editor held the plan from before the draft was started, and links the letter to the second step.
    const stale = await t.call('plans.save', { ...plan, steps: [un, { ...direct, submissionIds: [other.id] }] });
    expect(stale.steps.map((s) => s.submissionIds)).toEqual([[started.id], [other.id]]);

    const unlinked = await t.call('plans.save', { ...stale, steps: stale.steps.map((s) => ({ ...s, submissionIds: [] })) });
    expect(unlinked.steps.map((s) => s.submissionIds)).toEqual([[started.id], []]);
  });
});
