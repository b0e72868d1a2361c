// A complete assessment for the integration tests: every phase filled, one stakeholder with a
// private real name, impacts citing a diary entry and its attachment.
import crypto from 'node:crypto';
import type { AssessmentDraft } from '@shared/api/assessments';
import { QUOTES } from '../exports/multilingual';

export const uuid = () => crypto.randomUUID();
export const REAL_NAME = 'Nguyễn Thị Hoa';
export const ANSWERED_SAFETY = { answer: 'consulted', riskLevel: 'high', mitigations: 'Signal only; pseudonyms; vault on an encrypted disk.', notApplicableReason: '' } as const;

export function completeAssessment(companyId: string, engagementId: string, attachmentId: string): AssessmentDraft & { title: string } {
  const activist = uuid();
  const outlet = uuid();
  const issue = uuid();
  const impacts = [uuid(), uuid()];
  const review = { reviewer: 'Lead reviewer', role: 'Legal analyst', confirmedOn: '2026-03-02' };
  return {
    title: 'Example Platform in Vietnam',
    platform: 'Example Platform',
    companyId,
    safety: ANSWERED_SAFETY,
    purpose: { scope: 'Example Platform in Vietnam, 2024–2025', objectives: 'Document wrongful removals and restrictions', audience: 'The company and the UN Special Rapporteur' },
    team: [{ id: uuid(), name: 'Researcher One', role: 'Lead researcher' }],
    stakeholders: [
      { id: activist, pseudonym: 'Activist A', group: 'Activists', consent: 'given', notes: '' },
      { id: outlet, pseudonym: 'Outlet B', group: 'Independent media', consent: 'given-with-conditions', notes: 'No outlet name' },
    ],
    privateNames: [{ stakeholderId: activist, realName: REAL_NAME }],
    issues: [{ id: issue, concern: 'Wrongful removals of lawful expression', frameworkIds: ['udhr-iccpr-19', 'ungps'], notes: '' }],
    legal: { items: [{ id: uuid(), kind: 'law', name: 'Online content controls', jurisdiction: 'Vietnam', relevance: 'Used to order removals' }], notes: 'Notes on policy.' },
    impacts: [
      {
        id: impacts[0]!,
        title: 'Posts removed',
        whatHappened: `Activist A said: "${QUOTES.vietnamese}"`,
        stakeholderIds: [activist],
        occurredOn: '2025-04-01',
        platformFeature: 'Appeals',
        harm: 'wrongful-removal',
        severity: 'high',
        issueIds: [issue],
        evidence: [
          { kind: 'engagement', id: engagementId },
          { kind: 'attachment', id: attachmentId },
        ],
        sources: ['Interview 1, 2025-05-02'],
        review,
      },
      {
        id: impacts[1]!,
        title: 'Account suspended',
        whatHappened: QUOTES.chinese,
        stakeholderIds: [outlet],
        occurredOn: null,
        platformFeature: 'Account enforcement',
        harm: 'account-restriction',
        severity: 'critical',
        issueIds: [issue],
        evidence: [],
        sources: ['Interview 2'],
        review: { reviewer: '', role: '', confirmedOn: null },
      },
    ],
    recommendations: [
      { id: uuid(), audience: 'company', text: 'Publish every government takedown request.', impactIds: [impacts[0]!] },
      { id: uuid(), audience: 'company', text: 'Open an escalation channel for CSOs.', impactIds: [] },
      { id: uuid(), audience: 'company', text: 'Consult affected communities.', impactIds: [] },
      { id: uuid(), audience: 'government', text: 'Stop removal orders without judicial review.', impactIds: [impacts[0]!] },
      { id: uuid(), audience: 'government', text: 'Repeal the content decree.', impactIds: [] },
      { id: uuid(), audience: 'government', text: 'Protect journalists online.', impactIds: [] },
    ],
    findings: [
      { id: uuid(), title: 'Removals silence media', statement: 'Independent media lost posts.', impactIds: [impacts[0]!], sources: ['Interviews 1–2'], review },
      { id: uuid(), title: 'Suspensions without notice', statement: 'Accounts suspended.', impactIds: [impacts[1]!], sources: ['Interview 2'], review: { reviewer: '', role: '', confirmedOn: null } },
    ],
    report: { markdown: '', assembledAt: null },
    use: { notes: '' },
  };
}
