// The compiled report's first draft, assembled from the phases as Markdown the user then edits:
// an executive summary, the methodology and its limitations, then phases 1–7. Stakeholders appear
// by pseudonym only, and team members and reviewers by role only: a published report must not
// expose the researchers of a shadow assessment either. The company's response is not part of the
// draft: the export prints it from the record, so editing the report cannot drop it.
import type { Source } from '@shared/api/assessments';
import { datedLabel, type DateWriter } from '../exports/document';
import type { Labels } from '../exports/labels';
import { citationLabel, consentLabel, corroborationLabel, harmLabel, involvementLabel, severityText, sourceTypeLabel } from './labels';
import { methodologyMarkdown } from './report-methodology';
import { isConfirmed, type Draft } from './rules';

export interface ReportContext {
  /** A framework's name from the knowledge base, or its id when the KB does not know it. */
  frameworkName(id: string): string;
  companyName: string | null;
  /** Writes a stored date in the user's locale: the report is read in their language's conventions. */
  day: DateWriter;
  /** The words the report itself writes, in the user's language; what they typed stays as typed. */
  labels: Labels;
}

type Review = Draft['findings'][number]['review'];
type Corroboration = Draft['findings'][number]['corroboration'];

/** The reviewer by role only: their name stays in the vault. */
export function reviewLine(review: Review, day: DateWriter, l: Labels): string {
  const label = `**${l('report.body.review')}**`;
  if (!isConfirmed(review)) return `${label} ${l('report.body.notConfirmed')}`;
  const date = day(review.confirmedOn ?? '');
  return `${label} ${review.role.trim() ? l('report.body.confirmedByRole', { role: review.role.trim(), date }) : l('report.body.confirmed', { date })}`;
}

const oneLine = (text: string) => text.replace(/\s*\n\s*/g, ' ');
const bullets = (items: string[]) => items.map((item) => `- ${oneLine(item)}`).join('\n');
const withNote = (text: string, note: string) => `${text}${note.trim() ? ` — ${note.trim()}` : ''}`;

export function assembleReportMarkdown(draft: Draft, context: ReportContext): string {
  const l = context.labels;
  const notWritten = l('common.notWritten');
  const sourcesText = (sources: Source[]) =>
    sources.length ? sources.map((s) => l('report.body.sourceWithType', { text: s.text, type: sourceTypeLabel(s.type, l) })).join('; ') : l('report.body.noneRecorded');
  const corroborationText = ({ status, note }: Corroboration) => withNote(corroborationLabel(status, l), note);
  const pseudonym = new Map(draft.stakeholders.map((s) => [s.id, s.pseudonym]));
  const aTeamMember = l('report.body.aTeamMember');
  const roleOf = new Map(draft.team.map((m) => [m.id, m.role.trim() || aTeamMember]));
  const impactNumber = new Map(draft.impacts.map((impact, i) => [impact.id, i + 1]));
  const impactRefs = (ids: string[]) => ids.flatMap((id) => (impactNumber.has(id) ? [l('report.impact', { n: impactNumber.get(id)! })] : [])).join(', ');
  const assessed = [...new Set([draft.platform.trim(), context.companyName ?? ''])].filter(Boolean).join(' — ');
  const out: string[] = [];

  out.push(`## ${l('report.body.executiveSummary')}`);
  out.push(draft.report.executiveSummary.trim() || notWritten);
  const titled = draft.findings.filter((f) => f.title.trim());
  if (titled.length) out.push(`**${l('report.body.findingsInBrief')}**`, bullets(titled.map((f) => f.title)));

  out.push(...methodologyMarkdown(draft, context.day, l));

  out.push(`## ${l('report.body.purpose')}`);
  if (assessed) out.push(`**${l('report.body.assessed')}** ${assessed}`);
  out.push(
    `**${l('report.body.scope')}** ${draft.purpose.scope || notWritten}`,
    `**${l('report.body.objectives')}** ${draft.purpose.objectives || notWritten}`,
    `**${l('report.body.audience')}** ${draft.purpose.audience || notWritten}`,
  );

  out.push(`## ${l('report.body.team')}`);
  const roles = draft.team.map((m) => m.role).filter(Boolean);
  out.push(roles.length ? l('report.body.teamRoles', { roles: roles.join('; ') }) : l('report.body.teamUndescribed'));
  if (draft.stakeholders.length) {
    out.push(
      bullets(
        draft.stakeholders.map((s) => {
          const c = s.consent;
          const taken =
            c.takenBy || c.takenOn
              ? l('report.body.takenBy', { role: c.takenBy ? (roleOf.get(c.takenBy) ?? aTeamMember) : aTeamMember, on: c.takenOn ? l('report.on', { date: context.day(c.takenOn) }) : '' })
              : '';
          const consent = l('report.body.consent', {
            publication: consentLabel(c.publication, l),
            company: consentLabel(c.company, l),
            un: consentLabel(c.unSubmission, l),
            citation: citationLabel(c.citation, l),
            taken,
          });
          return l('report.body.stakeholder', {
            pseudonym: s.pseudonym,
            group: s.group ? ` — ${s.group}` : '',
            minor: s.minor ? l('report.body.minor') : '',
            consent,
            earlier: c.earlier ? l('report.body.earlier', { status: consentLabel(c.earlier, l) }) : '',
          });
        }),
      ),
    );
  }

  out.push(`## ${l('report.body.issues')}`);
  const issues = draft.issues.filter((i) => i.concern.trim());
  out.push(issues.length ? bullets(issues.map((i) => `${i.concern}${i.frameworkIds.length ? ` — ${i.frameworkIds.map(context.frameworkName).join('; ')}` : ''}`)) : l('report.body.noConcerns'));

  out.push(`## ${l('report.body.legal')}`);
  const legal = draft.legal.items.filter((i) => i.name.trim());
  if (legal.length) {
    out.push(bullets(legal.map((i) => withNote(`${l(i.kind === 'law' ? 'report.body.law' : 'report.body.policy')}: ${i.name}${i.jurisdiction ? ` (${i.jurisdiction})` : ''}`, i.relevance))));
  }
  if (draft.legal.notes.trim()) out.push(draft.legal.notes.trim());
  if (!legal.length && !draft.legal.notes.trim()) out.push(l('report.body.notAnalysed'));

  out.push(`## ${l('report.body.impacts')}`);
  if (draft.impacts.length === 0) out.push(l('report.body.noImpacts'));
  draft.impacts.forEach((impact, i) => {
    out.push(`### ${impact.title ? l('report.impactTitled', { n: i + 1, title: impact.title }) : l('report.impact', { n: i + 1 })}`);
    out.push(impact.whatHappened || l('report.body.notDescribed'));
    const who = impact.stakeholderIds.map((id) => pseudonym.get(id)).filter(Boolean);
    out.push(
      bullets([
        l('report.body.harm', { harm: harmLabel(impact.harm, l), nature: l(impact.nature === 'potential' ? 'report.body.potential' : 'report.body.actual') }),
        l('report.body.severity', { text: withNote(severityText(impact.severity, impact.nature, l), impact.severity.rationale) }),
        l('report.body.involvement', { text: withNote(involvementLabel(impact.involvement, l), impact.involvementNote) }),
        ...(who.length ? [l('report.body.affected', { names: who.join(', ') })] : []),
        ...(impact.occurredOn ? [l('report.body.when', { date: context.day(impact.occurredOn) })] : []),
        ...(impact.platformFeature ? [l('report.body.feature', { text: impact.platformFeature })] : []),
        l('report.body.sources', { text: sourcesText(impact.sources) }),
        l('report.body.corroboration', { text: corroborationText(impact.corroboration) }),
        ...impact.evidence.map((e) => {
          const label = e.label ? datedLabel(e.label, context.day) : l(`package.evidence.${e.kind}`);
          return e.hash ? l('report.body.evidenceHashed', { label, hash: e.hash.slice(0, 16) }) : l('report.body.evidence', { label });
        }),
      ]),
    );
    out.push(reviewLine(impact.review, context.day, l));
  });

  out.push(`## ${l('report.body.recommendations')}`);
  for (const [audience, title] of [
    ['company', l('report.body.toCompany')],
    ['government', l('package.toGovernments')],
  ] as const) {
    const items = draft.recommendations.filter((r) => r.audience === audience && r.text.trim());
    if (items.length === 0) continue;
    out.push(`### ${title}`, items.map((r, i) => `${i + 1}. ${oneLine(r.text)}${r.impactIds.length ? ` (${impactRefs(r.impactIds)})` : ''}`).join('\n'));
  }

  out.push(`## ${l('report.body.findings')}`);
  if (draft.findings.length === 0) out.push(l('report.body.noFindings'));
  draft.findings.forEach((finding, i) => {
    out.push(`### ${finding.title ? l('package.findingTitled', { n: i + 1, title: finding.title }) : l('package.finding', { n: i + 1 })}`, finding.statement || notWritten);
    const refs = impactRefs(finding.impactIds);
    out.push(
      bullets([
        ...(refs ? [l('report.body.basedOn', { refs })] : []),
        l('report.body.sources', { text: sourcesText(finding.sources) }),
        l('report.body.corroboration', { text: corroborationText(finding.corroboration) }),
      ]),
    );
    out.push(reviewLine(finding.review, context.day, l));
  });
  return `${out.join('\n\n')}\n`;
}
