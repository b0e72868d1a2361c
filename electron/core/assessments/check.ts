// Everything the workspace shows beside the phases, from one draft: the safety step, each phase's
// progress, the items awaiting review and the anonymisation check over every text the user wrote.
import type { AssessmentCheck, PrivateName } from '@shared/api/assessments';
import { findRealNames, type TextPlace } from './anonymisation';
import { isSafetyAnswered, phaseProgress, safetyMissing, unconfirmedItems, type Draft } from './rules';

export function checkAssessment(draft: Draft, privateNames: readonly PrivateName[]): AssessmentCheck {
  const pseudonyms = new Map(draft.stakeholders.map((s) => [s.id, s.pseudonym]));
  const names = privateNames.flatMap((n) => (pseudonyms.has(n.stakeholderId) ? [{ ...n, pseudonym: pseudonyms.get(n.stakeholderId)! }] : []));
  return {
    safetyAnswered: isSafetyAnswered(draft.safety),
    safetyMissing: safetyMissing(draft.safety),
    phases: phaseProgress(draft),
    unconfirmed: unconfirmedItems(draft),
    nameHits: findRealNames(names, textPlaces(draft)),
  };
}

/** Every free text of the assessment, labelled with where it is, in the order of the phases. */
export function textPlaces(draft: Draft): TextPlace[] {
  const places: TextPlace[] = [];
  const add = (phase: TextPlace['phase'], where: string, text: string) => places.push({ phase, where, text });
  add(null, 'Title', draft.title);
  add(null, 'Platform', draft.platform);
  add(null, 'Safety first · Mitigations', draft.safety.mitigations);
  add(null, 'Safety first · Reason', draft.safety.notApplicableReason);
  add('purpose', 'Phase 1 · Scope', draft.purpose.scope);
  add('purpose', 'Phase 1 · Objectives', draft.purpose.objectives);
  add('purpose', 'Phase 1 · Audience', draft.purpose.audience);
  draft.team.forEach((m, i) => add('team', `Phase 2 · Team member ${i + 1}`, `${m.name}\n${m.role}`));
  draft.stakeholders.forEach((s, i) => add('team', `Phase 2 · Stakeholder ${i + 1} (${s.pseudonym})`, [s.pseudonym, s.group, s.notes].join('\n')));
  draft.issues.forEach((issue, i) => add('issues', `Phase 3 · Concern ${i + 1}`, `${issue.concern}\n${issue.notes}`));
  draft.legal.items.forEach((item, i) => add('legal', `Phase 4 · Law or policy ${i + 1}`, [item.name, item.jurisdiction, item.relevance].join('\n')));
  add('legal', 'Phase 4 · Notes', draft.legal.notes);
  draft.impacts.forEach((impact, i) => {
    const name = `Phase 5 · Impact ${i + 1}`;
    add('impacts', `${name} · Title`, impact.title);
    add('impacts', `${name} · What happened`, impact.whatHappened);
    add('impacts', `${name} · Platform feature`, impact.platformFeature);
    add('impacts', `${name} · Sources`, impact.sources.map((s) => s.text).join('\n'));
  });
  draft.recommendations.forEach((r, i) => add('recommendations', `Phase 6 · Recommendation ${i + 1}`, r.text));
  draft.findings.forEach((finding, i) => {
    add('findings', `Phase 7 · Finding ${i + 1}`, `${finding.title}\n${finding.statement}`);
    add('findings', `Phase 7 · Finding ${i + 1} · Sources`, finding.sources.map((s) => s.text).join('\n'));
  });
  add('findings', 'Phase 7 · Compiled report', draft.report.markdown);
  add('use', 'Phase 8 · Notes', draft.use.notes);
  return places.filter((p) => p.text.trim());
}
