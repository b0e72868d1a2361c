// A CLARITI assessment as an export document: the compiled report as the user edited it, the
// company's response, the items still awaiting a reviewer, and an appendix of hashes a third party
// can verify. Safety answers and stakeholders' real names are never part of it: one is operational
// security, the other exactly what pseudonyms protect. Team members and reviewers appear by role
// only, even where an edited report (or one assembled before reviewers were printed by role) names them.
import type { AssessmentRecord, UnconfirmedItem } from '@shared/api/assessments';
import { datedLabel, datesIn, displayDateTime, heading, paragraph, type Block, type DateWriter, type ExportDocument } from '../exports/document';
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
  /** The locale the user reads dates in; absent, the system's. */
  locale?: string | undefined;
}

const KIND_LABELS = { engagement: 'Diary entry', attachment: 'Attachment' } as const;

export function reportDocument(input: ReportDocumentInput): ExportDocument {
  const { record } = input;
  const blocks: Block[] = [];
  if (record.example) {
    blocks.push({
      kind: 'paragraph',
      parts: [{ text: "Example assessment. Modelled on a case study in the toolkit; details marked 'illustrative' are invented to show the method.", bold: true }],
    });
  }
  blocks.push({
    kind: 'fields',
    rows: [
      ['Platform', record.platform],
      ['Company', input.companyName ?? ''],
      ['Last saved', displayDateTime(record.updatedAt, input.locale)],
    ],
  });
  if (input.assembledNow) blocks.push(paragraph('This report was assembled from the assessment at export time; it has not been edited.'));
  blocks.push(...markdownToBlocks(rolesOnly(input.markdown, record)));
  blocks.push(...companyResponse(record, datesIn(input.locale)));

  blocks.push(heading(1, 'Items awaiting review'));
  blocks.push(
    input.unconfirmed.length === 0
      ? paragraph('Every impact and finding has been confirmed by a reviewer.')
      : { kind: 'list', ordered: false, items: input.unconfirmed.map((item) => [{ text: `${item.label} — not yet confirmed by a reviewer` }]) },
  );

  blocks.push({ kind: 'pageBreak' }, ...hashAppendix(input));
  return { title: record.title, subtitle: 'CLARITI shadow human rights impact assessment', generatedAt: input.generatedAt, locale: input.locale, blocks };
}

/** The right of reply as recorded, and the company's own words whenever it replied. */
function companyResponse(record: AssessmentRecord, day: DateWriter): Block[] {
  const reply = record.publication.rightOfReply;
  const blocks: Block[] = [heading(1, "The company's response"), paragraph(replySentence(reply, day))];
  if (reply.status === 'replied' && reply.response.trim()) {
    blocks.push(paragraph(`The company's response${reply.respondedOn ? ` of ${day(reply.respondedOn)}` : ''}, as received:`));
    blocks.push(...reply.response.trim().split(/\n\s*\n/).map((text) => paragraph(text.trim())));
  }
  return blocks;
}

/** Names shorter than this are left alone: replacing "An" everywhere would garble the report. */
const MIN_NAME_LENGTH = 3;

/**
 * Every team member's and reviewer's name in the report text becomes their role, so "team by role
 * only" holds whatever the user typed into the edited report.
 */
export function rolesOnly(markdown: string, record: Pick<AssessmentRecord, 'team' | 'impacts' | 'findings'>): string {
  const key = (name: string) => name.trim().replace(/\s+/g, ' ').toLocaleLowerCase();
  const roles = new Map<string, string>();
  for (const member of record.team) roles.set(key(member.name), member.role.trim() || 'a team member');
  for (const { review } of [...record.impacts, ...record.findings]) {
    if (!roles.has(key(review.reviewer))) roles.set(key(review.reviewer), review.role.trim() || 'a reviewer');
  }
  // Longest first, so "Mai Anh Tran" wins over "Mai Anh"; one pass, so a role put in is never replaced again.
  // Reports assembled before reviewers were printed by role said "confirmed by <name> (<role>)".
  const reviewLines = markdown.replace(/(\*\*Review:\*\* confirmed by )(.+?)( \([^)\n]*\) on )/g, (line, start: string, name: string, rest: string) =>
    roles.has(key(name)) ? `${start}a reviewer${rest}` : line,
  );
  const names = [...roles.keys()].filter((name) => name.length >= MIN_NAME_LENGTH).sort((a, b) => b.length - a.length);
  if (names.length === 0) return reviewLines;
  const pattern = names.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')).join('|');
  return reviewLines.replace(new RegExp(`(?<![\\p{L}\\p{N}])(?:${pattern})(?![\\p{L}\\p{N}])`, 'giu'), (found) => roles.get(key(found)) ?? 'a team member');
}

function hashAppendix(input: ReportDocumentInput): Block[] {
  const blocks: Block[] = [
    heading(1, 'Appendix: evidence hashes'),
    paragraph(
      "The assessment is cited by the hash of its latest revision, which covers every revision before it. Each impact's evidence is cited by id and SHA-256: for a diary entry, the hash of its revision when it was linked; for an attachment, the hash of the file itself. \"Changed since linked\" means the entry was edited after it was cited.",
    ),
    {
      kind: 'fields',
      rows: [
        ['Record', 'This assessment'],
        ['ID', input.record.id],
        ['SHA-256', input.assessmentHash ?? 'not saved'],
      ],
      code: ['ID', 'SHA-256'],
    },
  ];
  let cited = 0;
  input.record.impacts.forEach((impact, i) => {
    for (const link of impact.evidence) {
      const now = input.currentHashes.get(`${link.kind}:${link.id}`) ?? null;
      const state = now === null ? 'removed since linked' : now === link.hash ? 'current' : 'changed since linked';
      cited++;
      // One small table per record, as in packages: a hash in a narrow column would wrap mid-hash in PDF.
      blocks.push({
        kind: 'fields',
        rows: [
          ['Cited in', `Impact ${i + 1}${impact.title ? `: ${impact.title}` : ''}`],
          ['Record', `${KIND_LABELS[link.kind]}: ${datedLabel(link.label, datesIn(input.locale))}`],
          ['ID', link.id],
          ['SHA-256', link.hash],
          ['State', state],
        ],
        code: ['ID', 'SHA-256'],
      });
    }
  });
  if (cited === 0) blocks.push(paragraph('No impact cites a diary entry or attachment yet.'));
  return blocks;
}
