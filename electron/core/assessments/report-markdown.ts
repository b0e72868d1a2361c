// The compiled report's first draft, assembled from phases 1–6 and the findings as Markdown the
// user then edits. Stakeholders appear by pseudonym only, and team members by role only: a
// published report must not expose the researchers of a shadow assessment either.
import type { HARM_CATEGORIES, SEVERITIES } from '@shared/api/assessments';
import { isConfirmed, type Draft } from './rules';

export const HARM_LABELS: Record<(typeof HARM_CATEGORIES)[number], string> = {
  'wrongful-removal': 'Wrongful content removal',
  'account-restriction': 'Account restriction or suspension',
  'reduced-visibility': 'Reduced visibility or shadow banning',
  'state-propaganda': 'Amplification of state propaganda',
  impersonation: 'Impersonation',
  harassment: 'Harassment',
  phishing: 'Phishing',
  'verification-abuse': 'Abuse of the verification system',
  'automated-moderation': 'Over-reliance on automated moderation',
  other: 'Other harm',
};

export const SEVERITY_LABELS: Record<(typeof SEVERITIES)[number], string> = { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' };

export interface ReportContext {
  /** A framework's name from the knowledge base, or its id when the KB does not know it. */
  frameworkName(id: string): string;
  companyName: string | null;
}

type Review = Draft['findings'][number]['review'];

function reviewLine(review: Review): string {
  if (!isConfirmed(review)) return '**Review:** not yet confirmed by a reviewer.';
  return `**Review:** confirmed by ${review.reviewer}${review.role ? ` (${review.role})` : ''} on ${review.confirmedOn}.`;
}

const bullets = (items: string[]) => items.map((item) => `- ${item.replace(/\s*\n\s*/g, ' ')}`).join('\n');

export function assembleReportMarkdown(draft: Draft, context: ReportContext): string {
  const pseudonym = new Map(draft.stakeholders.map((s) => [s.id, s.pseudonym]));
  const impactNumber = new Map(draft.impacts.map((impact, i) => [impact.id, i + 1]));
  const impactRefs = (ids: string[]) => ids.flatMap((id) => (impactNumber.has(id) ? [`Impact ${impactNumber.get(id)}`] : [])).join(', ');
  const assessed = [...new Set([draft.platform.trim(), context.companyName ?? ''])].filter(Boolean).join(' — ');
  const out: string[] = [];

  out.push('## 1. Purpose');
  if (assessed) out.push(`**Assessed:** ${assessed}`);
  out.push(`**Scope.** ${draft.purpose.scope || 'Not written yet.'}`, `**Objectives.** ${draft.purpose.objectives || 'Not written yet.'}`, `**Audience.** ${draft.purpose.audience || 'Not written yet.'}`);

  out.push('## 2. Team and affected stakeholders');
  const roles = draft.team.map((m) => m.role).filter(Boolean);
  out.push(roles.length ? `The research team: ${roles.join('; ')}.` : 'The research team is not described yet.');
  if (draft.stakeholders.length) {
    out.push(bullets(draft.stakeholders.map((s) => `${s.pseudonym}${s.group ? ` — ${s.group}` : ''} (consent: ${s.consent.replaceAll('-', ' ')})`)));
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
        `Harm: ${HARM_LABELS[impact.harm]}; severity: ${SEVERITY_LABELS[impact.severity]}`,
        ...(who.length ? [`Affected: ${who.join(', ')}`] : []),
        ...(impact.occurredOn ? [`When: ${impact.occurredOn}`] : []),
        ...(impact.platformFeature ? [`Platform feature: ${impact.platformFeature}`] : []),
        ...(impact.sources.length ? [`Sources: ${impact.sources.join('; ')}`] : ['Sources: none recorded']),
        ...impact.evidence.map((e) => `Evidence: ${e.label ?? e.kind}${e.hash ? ` (SHA-256 ${e.hash.slice(0, 16)}…)` : ''}`),
      ]),
    );
    out.push(reviewLine(impact.review));
  });

  out.push('## 6. Recommendations');
  for (const [audience, title] of [
    ['company', 'To the company'],
    ['government', 'To governments'],
  ] as const) {
    const items = draft.recommendations.filter((r) => r.audience === audience && r.text.trim());
    if (items.length === 0) continue;
    out.push(`### ${title}`, items.map((r, i) => `${i + 1}. ${r.text.replace(/\s*\n\s*/g, ' ')}${r.impactIds.length ? ` (${impactRefs(r.impactIds)})` : ''}`).join('\n'));
  }

  out.push('## 7. Findings');
  if (draft.findings.length === 0) out.push('No findings written yet.');
  draft.findings.forEach((finding, i) => {
    out.push(`### Finding ${i + 1}${finding.title ? `: ${finding.title}` : ''}`, finding.statement || 'Not written yet.');
    const refs = impactRefs(finding.impactIds);
    out.push(bullets([...(refs ? [`Based on: ${refs}`] : []), `Sources: ${finding.sources.length ? finding.sources.join('; ') : 'none recorded'}`]));
    out.push(reviewLine(finding.review));
  });
  return `${out.join('\n\n')}\n`;
}
