// The assessment editor's form and the contract: a saved assessment survives the round trip through
// the form unchanged (dates '' ↔ null, no team member '' ↔ null), rows left empty are not sent as
// sources, and a new impact starts with its severity and the company's involvement not assessed.
import { describe, expect, it } from 'vitest';
import { AssessmentDraft, AssessmentRecord, type Assessment } from '@shared/api/assessments';
import { draftFromForm, formFromAssessment, newImpact, newSource } from '../../../renderer/src/features/assessments/workspace/form-model';
import { completeAssessment } from '../../core/assessments/fixtures';

function savedAssessment(): Assessment {
  const { privateNames, ...draft } = completeAssessment(crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID());
  const record = AssessmentRecord.parse({
    ...draft,
    impacts: draft.impacts!.map((impact) => ({ ...impact, evidence: [] })),
    use: { ...draft.use, planId: null, packageId: null },
    example: false,
    id: crypto.randomUUID(),
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  });
  return { ...record, privateNames: privateNames! };
}

describe('the assessment form', () => {
  it('round-trips a saved assessment through the form without changing it', () => {
    const saved = savedAssessment();
    const form = formFromAssessment(saved);
    expect(form.stakeholders[0]!.consent.takenOn).toBe('2025-05-02');
    expect(form.impacts[1]!.occurredOn).toBe('');
    const { id, example: _e, createdAt: _c, updatedAt: _u, use, ...rest } = saved;
    expect(AssessmentDraft.parse(draftFromForm(form, id))).toEqual(AssessmentDraft.parse({ ...rest, id, use: { notes: use.notes, deployments: use.deployments } }));
  });

  it('turns empty dates and no team member into nulls, and leaves out empty source rows', () => {
    const form = formFromAssessment(savedAssessment());
    form.stakeholders[0]!.consent = { ...form.stakeholders[0]!.consent, takenBy: '', takenOn: '' };
    form.publication.rightOfReply.sentOn = '';
    form.impacts[0]!.sources = [...form.impacts[0]!.sources, newSource(), { text: '  ', type: 'document' }];
    const draft = AssessmentDraft.parse(draftFromForm(form, undefined));
    expect(draft.stakeholders[0]!.consent).toMatchObject({ takenBy: null, takenOn: null });
    expect(draft.publication.rightOfReply.sentOn).toBeNull();
    expect(draft.impacts[0]!.sources).toEqual([{ text: 'Interview 1, 2025-05-02', type: 'first-hand' }]);
  });

  it('starts a new impact with severity and involvement not assessed', () => {
    const impact = newImpact();
    expect(impact.severity).toMatchObject({ scale: 'not-assessed', scope: 'not-assessed', irremediability: 'not-assessed', likelihood: 'not-assessed' });
    expect(impact.involvement).toBe('not-assessed');
  });
});
