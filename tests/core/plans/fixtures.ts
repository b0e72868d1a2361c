// Shared set-up for plan and package tests: a company, two logged calls and an attachment.
import crypto from 'node:crypto';
import type { EngagementDraft } from '@shared/api/diary';
import type { Methodology, PackageDraft } from '@shared/api/plans';
import type { TestCore } from '../../helpers/core';
import { QUOTES } from '../exports/multilingual';

export const uuid = () => crypto.randomUUID();

export async function diaryWithTwoCalls(t: TestCore, hqCountry = 'JP') {
  const company = await t.call('companies.save', { name: 'Example Platform', sector: 'social-media', hqCountry, policies: '', contacts: [] });
  const call = (title: string, occurredAt: string, dueDate: string): EngagementDraft => ({
    occurredAt,
    companyId: company.id,
    channel: 'call',
    title,
    concerns: ['Wrongful removals of independent media'],
    commitments: [{ id: uuid(), text: 'Review 40 flagged posts', owner: 'T&S lead', dueDate, status: 'open', evidence: '' }],
    notes: QUOTES.vietnamese,
  });
  const first = await t.call('engagements.save', call('Video call with trust and safety', '2026-10-01T09:30:00.000Z', '2026-10-15'));
  const second = await t.call('engagements.save', call('Follow-up call', '2026-10-20T09:30:00.000Z', '2026-11-20'));
  const file = await t.call('attachments.add', { engagementId: first.id, name: 'cases.csv', type: 'text/csv', data: Buffer.from('post,date\n1,2026-09-01\n').toString('base64') });
  return { company, first, second, file };
}

/** Confirmed by a reviewer, recorded by role: what a package needs before it is ready to send. */
export const CONFIRMED = { status: 'confirmed', role: 'Legal adviser', on: '2026-11-20' } as const;

export const METHODOLOGY: Methodology = {
  sources: [
    { type: 'first-hand', count: 12, note: 'Interviews with editors' },
    { type: 'platform-data', count: 40, note: 'Removal notices' },
  ],
  periodFrom: '2026-06-01',
  periodTo: '2026-10-31',
  consent: 'Each interviewee consented to anonymous citation; names replaced by pseudonyms.',
  verification: 'Each removal notice was matched to an archived copy of the post.',
  limitations: 'Only outlets in our network were interviewed.',
};

export function fullPackage(companyId: string, engagementIds: [string, string], attachmentId: string): PackageDraft {
  return {
    title: 'Before the UN RBHR Forum: Example Platform',
    companyId,
    findings: [
      { id: uuid(), title: 'Wrongful removals', statement: `Independent media posts were removed. ${QUOTES.vietnamese}`, evidence: [{ kind: 'engagement', id: engagementIds[0] }, { kind: 'attachment', id: attachmentId }], review: CONFIRMED },
      { id: uuid(), title: 'Account restrictions', statement: `Accounts were restricted. ${QUOTES.chinese}`, evidence: [{ kind: 'engagement', id: engagementIds[1] }], review: CONFIRMED },
      { id: uuid(), title: 'Reduced visibility', statement: `${QUOTES.thai} ${QUOTES.burmese} ${QUOTES.khmer}`, evidence: [{ kind: 'engagement', id: engagementIds[1] }], review: CONFIRMED },
    ],
    risksSummary: 'Independent media lose their audience; activists self-censor.',
    asks: [
      { id: uuid(), audience: 'company', text: 'Publish every government takedown request.' },
      { id: uuid(), audience: 'company', text: 'Name a regional escalation contact for CSOs.' },
      { id: uuid(), audience: 'company', text: 'Consult affected communities in due diligence.' },
      { id: uuid(), audience: 'government', text: 'Stop takedown orders without judicial review.' },
      { id: uuid(), audience: 'government', text: 'Repeal the decree on online content.' },
    ],
    forumMechanismId: 'un-rbhr-forum-ap',
    forumNote: 'Bangkok session',
    partners: [
      { id: uuid(), name: 'Partner One', role: 'Co-signatory' },
      { id: uuid(), name: 'Partner Two', role: 'Speaker' },
    ],
    methodology: METHODOLOGY,
  };
}
