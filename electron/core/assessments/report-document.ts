// A CLARITI assessment as an export document: the compiled report as the user edited it, the
// company's response, the items still awaiting a reviewer, and an appendix of hashes a third party
// can verify. Safety answers and stakeholders' real names are never part of it: one is operational
// security, the other exactly what pseudonyms protect. Team members and reviewers appear by role
// only, even where an edited report (or one assembled before reviewers were printed by role) names them.
import type { AssessmentRecord, UnconfirmedItem } from '@shared/api/assessments';
import { datedLabel, datesIn, displayDateTime, heading, paragraph, type Block, type DateWriter, type ExportDocument } from '../exports/document';
import { exportLabels, type Labels } from '../exports/labels';
import { markdownToBlocks } from './markdown-blocks';
import { replySentence } from './report-methodology';

export interface ReportDocumentInput {
  record: AssessmentRecord;
  /** The saved report, or one assembled now when none was saved. */
  markdown: string;
  assembledNow: boolean;
  assessmentHash: string | null;
  companyName: string | null;
  unconfirmed: UnconfirmedItem[];
  /** The current hash of each cited diary entry or attachment, keyed `${kind}:${id}`; null when gone. */
  currentHashes: Map<string, string | null>;
  generatedAt: string;
  /** The locale the user reads dates and the document's own words in; absent, the system's dates and English words. */
  locale?: string | undefined;
}

/**
 * The report's frame (fields, review list, company response heading, hash appendix) is in the
 * export's language; the report body is the text the user assembled and edited, printed as it is.
 */
export function reportDocument(input: ReportDocumentInput): ExportDocument {
  const { record } = input;
  const l = exportLabels(input.locale);
  const blocks: Block[] = [];
  if (record.example) blocks.push({ kind: 'paragraph', parts: [{ text: l('report.example'), bold: true }] });
  blocks.push({
    kind: 'fields',
    rows: [
      [l('report.platform'), record.platform],
      [l('report.company'), input.companyName ?? ''],
      [l('common.lastSaved'), displayDateTime(record.updatedAt, input.locale)],
    ],
  });
  if (input.assembledNow) blocks.push(paragraph(l('report.assembledNow')));
  blocks.push(...markdownToBlocks(rolesOnly(input.markdown, record, l)));
  blocks.push(...companyResponse(record, datesIn(input.locale), l));

  blocks.push(heading(1, l('report.awaitingReview')));
  blocks.push(
    input.unconfirmed.length === 0
      ? paragraph(l('report.allConfirmed'))
      : { kind: 'list', ordered: false, items: input.unconfirmed.map((item) => [{ text: l('report.notConfirmed', { label: item.label }) }]) },
  );

  blocks.push({ kind: 'pageBreak' }, ...hashAppendix(input, l));
  return { title: record.title, subtitle: l('report.subtitle'), generatedAt: input.generatedAt, locale: input.locale, blocks };
}

/** The right of reply as recorded, and the company's own words whenever it replied. */
function companyResponse(record: AssessmentRecord, day: DateWriter, l: Labels): Block[] {
  const reply = record.publication.rightOfReply;
  const blocks: Block[] = [heading(1, l('report.companyResponse')), paragraph(replySentence(reply, day, l))];
  if (reply.status === 'replied' && reply.response.trim()) {
    blocks.push(paragraph(reply.respondedOn ? l('report.responseAsReceivedOn', { date: day(reply.respondedOn) }) : l('report.responseAsReceived')));
    blocks.push(...reply.response.trim().split(/\n\s*\n/).map((text) => paragraph(text.trim())));
  }
  return blocks;
}

/** Names shorter than this are left alone: replacing "An" everywhere would garble the report. */
const MIN_NAME_LENGTH = 3;

/**
 * Every team member's and reviewer's name in the report text becomes their role, so "team by role
 * only" holds whatever the user typed into the edited report. Someone with no role recorded
 * becomes "a team member" or "a reviewer" in the report's language.
 */
export function rolesOnly(markdown: string, record: Pick<AssessmentRecord, 'team' | 'impacts' | 'findings'>, l: Labels): string {
  const key = (name: string) => name.trim().replace(/\s+/g, ' ').toLocaleLowerCase();
  const roles = new Map<string, string>();
  const aTeamMember = l('report.body.aTeamMember');
  for (const member of record.team) roles.set(key(member.name), member.role.trim() || aTeamMember);
  for (const { review } of [...record.impacts, ...record.findings]) {
    if (!roles.has(key(review.reviewer))) roles.set(key(review.reviewer), review.role.trim() || l('report.body.aReviewer'));
  }
  // Longest first, so "Mai Anh Tran" wins over "Mai Anh"; one pass, so a role put in is never replaced again.
  // Reports assembled before reviewers were printed by role said "confirmed by <name> (<role>)", in English.
  const reviewLines = markdown.replace(/(\*\*Review:\*\* confirmed by )(.+?)( \([^)\n]*\) on )/g, (line, start: string, name: string, rest: string) =>
    roles.has(key(name)) ? `${start}a reviewer${rest}` : line,
  );
  const names = [...roles.keys()].filter((name) => name.length >= MIN_NAME_LENGTH).sort((a, b) => b.length - a.length);
  if (names.length === 0) return reviewLines;
  const pattern = names.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')).join('|');
  return reviewLines.replace(new RegExp(`(?<![\\p{L}\\p{N}])(?:${pattern})(?![\\p{L}\\p{N}])`, 'giu'), (found) => roles.get(key(found)) ?? aTeamMember);
}

function hashAppendix(input: ReportDocumentInput, l: Labels): Block[] {
  const code = [l('common.id'), l('common.sha256')];
  const blocks: Block[] = [
    heading(1, l('common.appendix')),
    paragraph(l('report.appendixIntro')),
    {
      kind: 'fields',
      rows: [
        [l('common.record'), l('report.thisAssessment')],
        [code[0]!, input.record.id],
        [code[1]!, input.assessmentHash ?? l('common.notSaved')],
      ],
      code,
    },
  ];
  let cited = 0;
  input.record.impacts.forEach((impact, i) => {
    for (const link of impact.evidence) {
      const now = input.currentHashes.get(`${link.kind}:${link.id}`) ?? null;
      const state = now === null ? l('report.removedSinceLinked') : now === link.hash ? l('package.link.current') : l('package.link.changed');
      cited++;
      // One small table per record, as in packages: a hash in a narrow column would wrap mid-hash in PDF.
      blocks.push({
        kind: 'fields',
        rows: [
          [l('common.citedIn'), impact.title ? l('report.impactTitled', { n: i + 1, title: impact.title }) : l('report.impact', { n: i + 1 })],
          [l('common.record'), `${l(`package.evidence.${link.kind}`)}: ${datedLabel(link.label, datesIn(input.locale))}`],
          [code[0]!, link.id],
          [code[1]!, link.hash],
          [l('common.state'), state],
        ],
        code,
      });
    }
  });
  if (cited === 0) blocks.push(paragraph(l('report.noCitations')));
  return blocks;
}
