// The compiled report's first draft, assembled from the phases as Markdown the user then edits:
// an executive summary, the methodology and its limitations, then phases 1–7. Stakeholders appear
// by pseudonym only, and team members and reviewers by role only: a published report must not
// expose the researchers of a shadow assessment either. The company's response is not part of the
// draft: the export prints it from the record, so editing the report cannot drop it.
import type { Source } from '@shared/api/assessments';
import { datedLabel, type DateWriter } from '../exports/document';
import {
  CITATION_LABELS,
  CONSENT_LABELS,
  CORROBORATION_LABELS,
  HARM_LABELS,
  INVOLVEMENT_LABELS,
  severityText,
  SOURCE_TYPE_LABELS,
} from './labels';
import { methodologyMarkdown } from './report-methodology';
import { isConfirmed, type Draft } from './rules';

export interface ReportContext {
  /** A framework's name from the knowledge base, or its id when the KB does not know it. */
  frameworkName(id: string): string;
  companyName: string | null;
  /** Writes a stored date in the user's locale: the report is read in their language's conventions. */
  day: DateWriter;
}

type Review = Draft['findings'][number]['review'];
type Corroboration = Draft['findings'][number]['corroboration'];

/** The reviewer by role only: their name stays in the vault. */
export function reviewLine(review: Review, day: DateWriter): string {
  if (!isConfirmed(review)) return '**Review:** not yet confirmed by a reviewer.';
  return `**Review:** confirmed by ${review.role.trim() ? `a reviewer (${review.role.trim()})` : 'a reviewer'} on ${day(review.confirmedOn ?? '')}.`;
}

const oneLine = (text: string) => text.replace(/\s*\n\s*/g, ' ');
const bullets = (items: string[]) => items.map((item) => `- ${oneLine(item)}`).join('\n');
const sourcesText = (sources: Source[]) => (sources.length ? sources.map((s) => `${s.text} (${SOURCE_TYPE_LABELS[s.type]})`).join('; ') : 'none recorded');
const corroborationText = ({ status, note }: Corroboration) => `${CORROBORATION_LABELS[status]}${note.trim() ? ` — ${note.trim()}` : ''}`;

export function assembleReportMarkdown(draft: Draft, context: ReportContext): string {
  const pseudonym = new Map(draft.stakeholders.map((s) => [s.id, s.pseudonym]));
  const roleOf = new Map(draft.team.map((m) => [m.id, m.role.trim() || 'a team member']));
  const impactNumber = new Map(draft.impacts.map((impact, i) => [impact.id, i + 1]));
  const impactRefs = (ids: string[]) => ids.flatMap((id) => (impactNumber.has(id) ? [`Impact ${impactNumber.get(id)}`] : [])).join(', ');
  const assessed = [...new Set([draft.platform.trim(), context.companyName ?? ''])].filter(Boolean).join(' — ');
  const out: string[] = [];

  out.push('## Executive summary');
  out.push(draft.report.executiveSummary.trim() || 'Not written yet.');
  const titled = draft.findings.filter((f) => f.title.trim());
  if (titled.length) out.push('**Findings in brief:**', bullets(titled.map((f) => f.title)));

  out.push(...methodologyMarkdown(draft, context.day));

  out.push('## 1. Purpose');
  if (assessed) out.push(`**Assessed:** ${assessed}`);
  out.push(`**Scope.** ${draft.purpose.scope || 'Not written yet.'}`, `**Objectives.** ${draft.purpose.objectives || 'Not written yet.'}`, `**Audience.** ${draft.purpose.audience || 'Not written yet.'}`);

  out.push('## 2. Team and affected stakeholders');
  const roles = draft.team.map((m) => m.role).filter(Boolean);
  out.push(roles.length ? `The research team: ${roles.join('; ')}.` : 'The research team is not described yet.');
  if (draft.stakeholders.length) {
    out.push(
      bullets(
        draft.stakeholders.map((s) => {
          const c = s.consent;
          const taken = c.takenBy || c.takenOn ? `; taken by ${c.takenBy ? (roleOf.get(c.takenBy) ?? 'a team member') : 'a team member'}${c.takenOn ? ` on ${context.day(c.takenOn)}` : ''}` : '';
          const consent = `publication ${CONSENT_LABELS[c.publication]}; sharing with the company ${CONSENT_LABELS[c.company]}; UN submission ${CONSENT_LABELS[c.unSubmission]}; citation ${CITATION_LABELS[c.citation]}${taken}`;
          const earlier = c.earlier ? `; recorded earlier as a single status: ${CONSENT_LABELS[c.earlier]}` : '';
          return `${s.pseudonym}${s.group ? ` — ${s.group}` : ''}${s.minor ? ' (a minor)' : ''} (consent: ${consent}${earlier})`;
        }),
      ),
    );
  }

  out.push('## 3. Human rights issues');
  const issues = draft.issues.filter((i) => i.concern.trim());
  out.push(issues.length ? bullets(issues.map((i) => `${i.concern}${i.frameworkIds.length ? ` — ${i.frameworkIds.map(context.frameworkName).join('; ')}` : ''}`)) : 'No concerns mapped yet.');

  out.push('## 4. Legal and policy context');
  const legal = draft.legal.items.filter((i) => i.name.trim());
  if (legal.length) {
    out.push(bullets(legal.map((i) => `${i.kind === 'law' ? 'Law' : 'Company policy'}: ${i.name}${i.jurisdiction ? ` (${i.jurisdiction})` : ''}${i.relevance ? ` — ${i.relevance}` : ''}`)));
  }
  if (draft.legal.notes.trim()) out.push(draft.legal.notes.trim());
  if (!legal.length && !draft.legal.notes.trim()) out.push('Not analysed yet.');

  out.push('## 5. Documented impacts');
  if (draft.impacts.length === 0) out.push('No impacts documented yet.');
  draft.impacts.forEach((impact, i) => {
    out.push(`### Impact ${i + 1}${impact.title ? `: ${impact.title}` : ''}`);
    out.push(impact.whatHappened || 'Not described yet.');
    const who = impact.stakeholderIds.map((id) => pseudonym.get(id)).filter(Boolean);
    out.push(
      bullets([
        `Harm: ${HARM_LABELS[impact.harm]} (${impact.nature === 'potential' ? 'potential' : 'actual'} impact)`,
        `Severity: ${severityText(impact.severity, impact.nature)}${impact.severity.rationale.trim() ? ` — ${impact.severity.rationale.trim()}` : ''}`,
        `Company involvement: ${INVOLVEMENT_LABELS[impact.involvement]}${impact.involvementNote.trim() ? ` — ${impact.involvementNote.trim()}` : ''}`,
        ...(who.length ? [`Affected: ${who.join(', ')}`] : []),
        ...(impact.occurredOn ? [`When: ${context.day(impact.occurredOn)}`] : []),
        ...(impact.platformFeature ? [`Platform feature: ${impact.platformFeature}`] : []),
        `Sources: ${sourcesText(impact.sources)}`,
        `Corroboration: ${corroborationText(impact.corroboration)}`,
        ...impact.evidence.map((e) => `Evidence: ${e.label ? datedLabel(e.label, context.day) : e.kind}${e.hash ? ` (SHA-256 ${e.hash.slice(0, 16)}…)` : ''}`),
      ]),
    );
    out.push(reviewLine(impact.review, context.day));
  });

  out.push('## 6. Recommendations');
  for (const [audience, title] of [
    ['company', 'To the company'],
    ['government', 'To governments'],
  ] as const) {
    const items = draft.recommendations.filter((r) => r.audience === audience && r.text.trim());
    if (items.length === 0) continue;
    out.push(`### ${title}`, items.map((r, i) => `${i + 1}. ${oneLine(r.text)}${r.impactIds.length ? ` (${impactRefs(r.impactIds)})` : ''}`).join('\n'));
  }

  out.push('## 7. Findings');
  if (draft.findings.length === 0) out.push('No findings written yet.');
  draft.findings.forEach((finding, i) => {
    out.push(`### Finding ${i + 1}${finding.title ? `: ${finding.title}` : ''}`, finding.statement || 'Not written yet.');
    const refs = impactRefs(finding.impactIds);
    out.push(bullets([...(refs ? [`Based on: ${refs}`] : []), `Sources: ${sourcesText(finding.sources)}`, `Corroboration: ${corroborationText(finding.corroboration)}`]));
    out.push(reviewLine(finding.review, context.day));
  });
  return `${out.join('\n\n')}\n`;
}
