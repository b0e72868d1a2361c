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
  const member = uuid();
  const review = { reviewer: 'Lead reviewer', role: 'Legal analyst', confirmedOn: '2026-03-02' };
  const consent = { publication: 'given', company: 'given', unSubmission: 'refused', citation: 'anonymous', takenBy: member, takenOn: '2025-05-02', conditions: '', earlier: null } as const;
  return {
    title: 'Example Platform in Vietnam',
    platform: 'Example Platform',
    companyId,
    safety: ANSWERED_SAFETY,
    purpose: { scope: 'Example Platform in Vietnam, 2024–2025', objectives: 'Document wrongful removals and restrictions', audience: 'The company and the UN Special Rapporteur' },
    team: [{ id: member, name: 'Researcher One', role: 'Lead researcher' }],
    stakeholders: [
      { id: activist, pseudonym: 'Activist A', group: 'Activists', consent, minor: false, guardianConsent: false, notes: '' },
      { id: outlet, pseudonym: 'Outlet B', group: 'Independent media', consent: { ...consent, publication: 'given-with-conditions', conditions: 'No outlet name' }, minor: false, guardianConsent: false, notes: 'No outlet name' },
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
        nature: 'actual',
        severity: { scale: 'serious', scope: 'group', irremediability: 'remediable-with-effort', likelihood: 'not-assessed', rationale: 'Lost archives', earlier: null },
        involvement: 'causes',
        involvementNote: "The company's own moderation removed the posts.",
        issueIds: [issue],
        evidence: [
          { kind: 'engagement', id: engagementId },
          { kind: 'attachment', id: attachmentId },
        ],
        sources: [{ text: 'Interview 1, 2025-05-02', type: 'first-hand' }],
        corroboration: { status: 'single-source', note: 'The removal notice itself was seen.' },
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
        nature: 'actual',
        severity: { scale: 'grave', scope: 'few', irremediability: 'hard-to-remedy', likelihood: 'not-assessed', rationale: '', earlier: null },
        involvement: 'causes',
        involvementNote: '',
        issueIds: [issue],
        evidence: [],
        sources: [{ text: 'Interview 2', type: 'first-hand' }],
        corroboration: { status: 'not-assessed', note: '' },
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
      {
        id: uuid(),
        title: 'Removals silence media',
        statement: 'Independent media lost posts.',
        impactIds: [impacts[0]!],
        sources: [
          { text: 'Interviews 1–2', type: 'first-hand' },
          { text: 'Removal notices', type: 'platform-data' },
        ],
        corroboration: { status: 'corroborated', note: 'Notices match the interviews.' },
        review,
      },
      {
        id: uuid(),
        title: 'Suspensions without notice',
        statement: 'Accounts suspended.',
        impactIds: [impacts[1]!],
        sources: [{ text: 'Interview 2', type: 'first-hand' }],
        corroboration: { status: 'single-source', note: 'The suspension is visible on the public profile.' },
        review: { reviewer: '', role: '', confirmedOn: null },
      },
    ],
    report: { markdown: '', assembledAt: null, executiveSummary: 'Removals and suspensions silenced independent media.', limitations: 'Two interviews only.' },
    publication: {
      validation: { status: 'done', returnedOn: '2026-03-05', how: 'A translated summary, read aloud', feedback: 'Confirmed; asked to drop the city.', notPossibleReason: '' },
      rightOfReply: {
        status: 'replied',
        route: 'partner',
        routeReason: 'Direct contact would expose the team.',
        partner: 'An international digital rights group',
        sentOn: '2026-03-06',
        replyDeadline: '2026-04-06',
        response: 'We review every government request against our policies and local law.\n\nWe will look into the cases you describe.',
        respondedOn: '2026-04-01',
        notSoughtReason: '',
      },
      legalReview: { status: 'done', reviewedOn: '2026-04-03', reviewerRole: 'Media lawyer', risks: 'Criminal defamation; Penal Code Art. 331.' },
    },
    use: { notes: '', deployments: [] },
  };
}
