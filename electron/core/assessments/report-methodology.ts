// "Methodology and limitations": how the evidence was gathered and checked, counted from the
// record itself (sources by type, period, consent per use, pseudonyms, reviews, corroboration,
// community validation, right of reply, legal review) so it cannot claim more than was done.
import { CONSENT_USES, SOURCE_TYPES, type RightOfReply } from '@shared/api/assessments';
import type { DateWriter } from '../exports/document';
import { SOURCE_TYPE_LABELS } from './labels';
import { isConfirmed, type Draft } from './rules';

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const given = (status: string) => status === 'given' || status === 'given-with-conditions';
const USE_WORDS = { publication: 'publication', company: 'sharing their account with the company', unSubmission: 'a UN submission' } as const;

/** One sentence on the right of reply, for the methodology and the company's response section. */
export function replySentence(reply: RightOfReply, day: DateWriter): string {
  const via = reply.route === 'partner' ? ` through a partner${reply.partner.trim() ? ` (${reply.partner.trim()})` : ''}` : ' directly';
  const why = reply.route === 'partner' && reply.routeReason.trim() ? ` ${reply.routeReason.trim()}` : '';
  const sent = `The findings were sent to the company${via}${reply.sentOn ? ` on ${day(reply.sentOn)}` : ''}${reply.replyDeadline ? `, with a deadline for its reply of ${day(reply.replyDeadline)}` : ''}.${why}`;
  switch (reply.status) {
    case 'not-started':
      return 'The company has not yet been offered a right of reply.';
    case 'not-sought':
      return `The company was not offered a right of reply${reply.notSoughtReason.trim() ? `: ${reply.notSoughtReason.trim()}` : '.'}`;
    case 'sent':
      return `${sent} No reply has been recorded yet.`;
    case 'no-reply':
      return `${sent} The company did not reply by the deadline.`;
    case 'replied':
      return `${sent} The company replied${reply.respondedOn ? ` on ${day(reply.respondedOn)}` : ''}; its response is printed in full in this report.`;
  }
}

export function methodologyMarkdown(draft: Draft, day: DateWriter): string[] {
  const out: string[] = ['## Methodology and limitations'];
  const dates = draft.impacts.flatMap((i) => (i.occurredOn ? [i.occurredOn] : [])).sort();
  const sources = [...draft.impacts, ...draft.findings].flatMap((item) => item.sources);
  const byType = SOURCE_TYPES.flatMap((type) => {
    const n = sources.filter((s) => s.type === type).length;
    return n ? [`${n} ${SOURCE_TYPE_LABELS[type]}`] : [];
  });
  const people = draft.stakeholders;
  const consent = CONSENT_USES.map((use) => `${USE_WORDS[use]}: ${people.filter((s) => given(s.consent[use])).length} of ${people.length}`);
  const minors = people.filter((s) => s.minor).length;
  const confirmed = (items: Array<{ review: Draft['findings'][number]['review'] }>) => items.filter((i) => isConfirmed(i.review)).length;
  const corroborated = draft.findings.filter((f) => f.corroboration.status === 'corroborated').length;
  const singleWithReason = draft.findings.filter((f) => f.corroboration.status === 'single-source' && f.corroboration.note.trim()).length;
  const { validation, rightOfReply, legalReview } = draft.publication;

  const lines = [
    `Period of the documented impacts: ${dates.length ? (dates[0] === dates.at(-1) ? day(dates[0]!) : `${day(dates[0]!)} to ${day(dates.at(-1)!)}`) : 'not recorded'}.`,
    `Sources: ${sources.length ? `${count(sources.length, 'source', 'sources')} (${byType.join(', ')})` : 'none recorded'}.`,
    `Affected stakeholders: ${count(people.length, 'person or group', 'people or groups')}, each known by a pseudonym${minors ? `, ${count(minors, 'of them a minor', 'of them minors')}` : ''}. Consent given for ${consent.join('; ')}.`,
    'Anonymisation: stakeholders appear by pseudonym only; the research team and reviewers appear by role only.',
    `Verification: ${confirmed(draft.impacts)} of ${draft.impacts.length} impacts and ${confirmed(draft.findings)} of ${draft.findings.length} findings confirmed by a reviewer; ${corroborated} of ${draft.findings.length} findings corroborated by more than one source${singleWithReason ? `, ${singleWithReason} resting on one source for a stated reason` : ''}.`,
    `Community validation: ${validationSentence(validation, day)}`,
    `Right of reply: ${replySentence(rightOfReply, day)}`,
    `Legal review before publication: ${legalReview.status === 'done' ? `done${legalReview.reviewedOn ? ` on ${day(legalReview.reviewedOn)}` : ''}${legalReview.reviewerRole.trim() ? ` by ${legalReview.reviewerRole.trim()}` : ''}.` : 'not yet done.'}`,
  ];
  out.push(lines.map((line) => `- ${line}`).join('\n'));
  out.push(`**Limitations.** ${draft.report.limitations.trim() || 'Not written yet.'}`);
  return out;
}

function validationSentence(v: Draft['publication']['validation'], day: DateWriter): string {
  switch (v.status) {
    case 'not-started':
      return 'the draft findings have not yet been returned to the affected people.';
    case 'not-possible':
      return `the draft findings could not be returned to the affected people${v.notPossibleReason.trim() ? `: ${v.notPossibleReason.trim()}` : '.'}`;
    case 'returned':
      return `the draft findings were returned to the affected people${v.returnedOn ? ` on ${day(v.returnedOn)}` : ''}${v.how.trim() ? ` (${v.how.trim()})` : ''}; their feedback is awaited.`;
    case 'done':
      return `the draft findings were returned to the affected people${v.returnedOn ? ` on ${day(v.returnedOn)}` : ''}${v.how.trim() ? ` (${v.how.trim()})` : ''}. ${v.feedback.trim()}`;
  }
}
