// The safety gate and what each of the eight phases still needs, without a database.
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AssessmentDraft, Publication } from '@shared/api/assessments';
import { isSafetyAnswered, phaseProgress, phasesStarted, safetyMissing, unconfirmedItems } from '../../../electron/core/assessments/rules';

const uuid = () => crypto.randomUUID();
const blank = () => AssessmentDraft.parse({ title: 'Assessment' });
const progressOf = (draft: ReturnType<typeof blank>) => Object.fromEntries(phaseProgress(draft).map((p) => [p.key, p]));
const stakeholder = (input: Record<string, unknown>) => AssessmentDraft.shape.stakeholders.unwrap().element.parse({ id: uuid(), ...input });
const DONE_PUBLICATION = Publication.parse({
  validation: { status: 'not-possible', notPossibleReason: 'The community is in detention.' },
  rightOfReply: { status: 'not-sought', notSoughtReason: 'The findings concern public policy only.' },
  legalReview: { status: 'done', reviewedOn: '2026-01-01', risks: 'None found.' },
});

describe('the safety step', () => {
  it('is unanswered until the protocol is consulted with a risk level and mitigations', () => {
    expect(isSafetyAnswered(blank().safety)).toBe(false);
    const consulted = { answer: 'consulted' as const, riskLevel: 'unknown' as const, mitigations: '', notApplicableReason: '' };
    expect(safetyMissing(consulted)).toEqual(['Record the risk level of this assessment.', 'Record the mitigations you will use.']);
    expect(isSafetyAnswered({ ...consulted, riskLevel: 'high', mitigations: 'Encrypted channels only.' })).toBe(true);
  });

  it('accepts "not applicable" only with a reason', () => {
    const notApplicable = { answer: 'not-applicable' as const, riskLevel: 'unknown' as const, mitigations: '', notApplicableReason: '  ' };
    expect(isSafetyAnswered(notApplicable)).toBe(false);
    expect(isSafetyAnswered({ ...notApplicable, notApplicableReason: 'Desk research on public documents only.' })).toBe(true);
  });

  it('tells whether any phase has been started, which the gate refuses before the step is answered', () => {
    expect(phasesStarted(blank())).toBe(false);
    expect(phasesStarted({ ...blank(), purpose: { scope: 'Facebook in Vietnam', objectives: '', audience: '' } })).toBe(true);
    expect(phasesStarted({ ...blank(), impacts: [AssessmentDraft.shape.impacts.unwrap().element.parse({ id: uuid() })] })).toBe(true);
  });
});

describe('phase progress', () => {
  it('starts with every phase incomplete and says what each needs', () => {
    const phases = phaseProgress(blank());
    expect(phases.map((p) => p.key)).toEqual(['purpose', 'team', 'issues', 'legal', 'impacts', 'recommendations', 'findings', 'use']);
    expect(phases.every((p) => !p.complete && p.missing.length > 0)).toBe(true);
  });

  it('completes phase 1 with scope, objectives and audience', () => {
    const draft = { ...blank(), purpose: { scope: 'X in China', objectives: 'Document suspensions', audience: 'GNI' } };
    expect(progressOf(draft).purpose).toMatchObject({ complete: true, missing: [] });
  });

  it('asks for consent to be recorded for every stakeholder in phase 2', () => {
    const member = uuid();
    const s = stakeholder({ pseudonym: 'Defender D' });
    const draft = { ...blank(), team: [{ id: member, name: 'R', role: 'Lead researcher' }], stakeholders: [s] };
    expect(progressOf(draft).team!.missing).toEqual(['Defender D: record consent for each use: publication, sharing with the company, a UN submission, and how they may be cited.']);
    const asked = { publication: 'given', company: 'refused', unSubmission: 'refused', citation: 'anonymous' } as const;
    expect(progressOf({ ...draft, stakeholders: [stakeholder({ pseudonym: 'Defender D', consent: asked })] }).team!.missing).toEqual(['Defender D: say which team member took consent, and when.']);
    const recorded = stakeholder({ pseudonym: 'Defender D', consent: { ...asked, takenBy: member, takenOn: '2026-01-02' } });
    expect(progressOf({ ...draft, stakeholders: [recorded] }).team!.complete).toBe(true);
  });

  it('needs every concern tied to a framework in phase 3', () => {
    const issue = { id: uuid(), concern: 'Wrongful removals', frameworkIds: [] as string[], notes: '' };
    expect(progressOf({ ...blank(), issues: [issue] }).issues!.missing).toEqual(['Tie 1 concern to a right or framework.']);
    expect(progressOf({ ...blank(), issues: [{ ...issue, frameworkIds: ['udhr-iccpr-19'] }] }).issues!.complete).toBe(true);
  });

  it('needs what happened, who and a source for every impact in phase 5', () => {
    const impact = AssessmentDraft.shape.impacts.unwrap().element.parse({ id: uuid(), whatHappened: 'Posts removed' });
    expect(progressOf({ ...blank(), impacts: [impact] }).impacts!.missing).toEqual([
      'Impact 1: say who was affected, by pseudonym.',
      'Impact 1: record at least one source.',
      'Impact 1: rate its severity: scale, scope, irremediability.',
      'Impact 1: say whether the company causes it, contributes to it or is directly linked to it.',
    ]);
  });

  it('needs a recommendation to the company and one to governments in phase 6', () => {
    const ask = { id: uuid(), audience: 'company' as const, text: 'Publish government requests.', impactIds: [] };
    expect(progressOf({ ...blank(), recommendations: [ask] }).recommendations!.missing).toEqual(['Write at least one recommendation to governments.']);
    expect(progressOf({ ...blank(), recommendations: [ask, { ...ask, id: uuid(), audience: 'government' as const }] }).recommendations!.complete).toBe(true);
  });

  it('needs a sourced finding and a saved report in phase 7, and a plan and package in phase 8', () => {
    const finding = AssessmentDraft.shape.findings.unwrap().element.parse({
      id: uuid(),
      title: 'Removals',
      statement: 'Media removed',
      sources: [{ text: 'Interview 1', type: 'first-hand' }],
      corroboration: { status: 'single-source', note: 'The removal notice is public.' },
    });
    expect(progressOf({ ...blank(), findings: [finding], publication: DONE_PUBLICATION }).findings!.missing).toEqual(['Assemble the report and save it.']);
    const used = { ...blank(), use: { notes: '', deployments: [], planId: uuid(), packageId: uuid() } };
    expect(progressOf(used).use!.complete).toBe(true);
  });
});

describe('review', () => {
  it('lists impacts and findings without a reviewer and a date as unconfirmed', () => {
    const impact = AssessmentDraft.shape.impacts.unwrap().element.parse({ id: uuid(), title: 'Removal', review: { reviewer: 'Legal analyst', confirmedOn: null } });
    const confirmed = { ...impact, id: uuid(), review: { reviewer: 'M. Reviewer', role: 'Editor', confirmedOn: '2026-01-05' } };
    const items = unconfirmedItems({ impacts: [impact, confirmed], findings: [] });
    expect(items).toEqual([{ kind: 'impact', id: impact.id, label: 'Impact 1: Removal' }]);
  });
});
