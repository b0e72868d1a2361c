// "Methodology and limitations": how the evidence was gathered and checked, counted from the
// record itself (sources by type, period, consent per use, pseudonyms, reviews, corroboration,
// community validation, right of reply, legal review) so it cannot claim more than was done.
// Written in the report's language; what the user typed (reasons, names, feedback) stays as typed.
import { CONSENT_USES, SOURCE_TYPES, type RightOfReply } from '@shared/api/assessments';
import type { DateWriter } from '../exports/document';
import type { Labels } from '../exports/labels';
import { sourceTypeLabel } from './labels';
import { isConfirmed, type Draft } from './rules';

const given = (status: string) => status === 'given' || status === 'given-with-conditions';

/** One sentence on the right of reply, for the methodology and the company's response section. */
export function replySentence(reply: RightOfReply, day: DateWriter, l: Labels): string {
  const partner = reply.partner.trim();
  const via = reply.route === 'partner' ? (partner ? l('report.reply.throughNamedPartner', { partner }) : l('report.reply.throughPartner')) : l('report.reply.direct');
  const why = reply.route === 'partner' && reply.routeReason.trim() ? ` ${reply.routeReason.trim()}` : '';
  const sent = l('report.reply.sent', {
    via,
    on: reply.sentOn ? l('report.on', { date: day(reply.sentOn) }) : '',
    deadline: reply.replyDeadline ? l('report.reply.deadline', { date: day(reply.replyDeadline) }) : '',
    why,
  });
  switch (reply.status) {
    case 'not-started':
      return l('report.reply.not-started');
    case 'not-sought':
      return reply.notSoughtReason.trim() ? l('report.reply.notSoughtBecause', { reason: reply.notSoughtReason.trim() }) : l('report.reply.not-sought');
    case 'sent':
      return l('report.reply.sentNoReply', { sent });
    case 'no-reply':
      return l('report.reply.noReply', { sent });
    case 'replied':
      return l('report.reply.replied', { sent, on: reply.respondedOn ? l('report.on', { date: day(reply.respondedOn) }) : '' });
  }
}

export function methodologyMarkdown(draft: Draft, day: DateWriter, l: Labels): string[] {
  const out: string[] = [`## ${l('report.method.heading')}`];
  const dates = draft.impacts.flatMap((i) => (i.occurredOn ? [i.occurredOn] : [])).sort();
  const sources = [...draft.impacts, ...draft.findings].flatMap((item) => item.sources);
  const byType = SOURCE_TYPES.flatMap((type) => {
    const n = sources.filter((s) => s.type === type).length;
    return n ? [l('report.method.sourcesOfType', { count: n, type: sourceTypeLabel(type, l) })] : [];
  });
  const people = draft.stakeholders;
  const consent = CONSENT_USES.map((use) => l('report.method.consentUse', { use: l(`report.method.use.${use}`), given: people.filter((s) => given(s.consent[use])).length, total: people.length }));
  const minors = people.filter((s) => s.minor).length;
  const confirmed = (items: Array<{ review: Draft['findings'][number]['review'] }>) => items.filter((i) => isConfirmed(i.review)).length;
  const corroborated = draft.findings.filter((f) => f.corroboration.status === 'corroborated').length;
  const singleWithReason = draft.findings.filter((f) => f.corroboration.status === 'single-source' && f.corroboration.note.trim()).length;
  const { validation, rightOfReply, legalReview } = draft.publication;
  const period = dates.length ? (dates[0] === dates.at(-1) ? day(dates[0]!) : l('method.periodBoth', { from: day(dates[0]!), to: day(dates.at(-1)!) })) : l('report.method.notRecorded');

  const lines = [
    l('report.method.period', { period }),
    sources.length ? l('report.method.sources', { count: sources.length, types: byType.join(', ') }) : l('report.method.noSources'),
    l('report.method.people', { count: people.length, minors: minors ? l('report.method.minors', { count: minors }) : '', consent: consent.join('; ') }),
    l('report.method.anonymisation'),
    l('report.method.verification', {
      impactsConfirmed: confirmed(draft.impacts),
      impacts: draft.impacts.length,
      findingsConfirmed: confirmed(draft.findings),
      findings: draft.findings.length,
      corroborated,
      single: singleWithReason ? l('report.method.singleSource', { count: singleWithReason }) : '',
    }),
    l('report.method.validation', { text: validationSentence(validation, day, l) }),
    l('report.method.reply', { text: replySentence(rightOfReply, day, l) }),
    legalReview.status === 'done'
      ? l('report.method.legalDone', {
          on: legalReview.reviewedOn ? l('report.on', { date: day(legalReview.reviewedOn) }) : '',
          by: legalReview.reviewerRole.trim() ? l('report.by', { role: legalReview.reviewerRole.trim() }) : '',
        })
      : l('report.method.legalNotDone'),
  ];
  out.push(lines.map((line) => `- ${line}`).join('\n'));
  out.push(`**${l('report.method.limitations')}** ${draft.report.limitations.trim() || l('common.notWritten')}`);
  return out;
}

function validationSentence(v: Draft['publication']['validation'], day: DateWriter, l: Labels): string {
  const on = v.returnedOn ? l('report.on', { date: day(v.returnedOn) }) : '';
  const how = v.how.trim() ? ` (${v.how.trim()})` : '';
  switch (v.status) {
    case 'not-started':
      return l('report.validation.not-started');
    case 'not-possible':
      return v.notPossibleReason.trim() ? l('report.validation.notPossibleBecause', { reason: v.notPossibleReason.trim() }) : l('report.validation.not-possible');
    case 'returned':
      return l('report.validation.returned', { on, how });
    case 'done':
      return l('report.validation.done', { on, how, feedback: v.feedback.trim() });
  }
}
