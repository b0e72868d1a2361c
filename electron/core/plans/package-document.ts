// An evidence package as an export document: the chosen findings in the chosen order, each with
// its review status and evidence, risks and impacts, the chosen asks by audience, the methodology
// and verification block, forum and partners, and an appendix of every evidence hash.
import type { Mechanism } from '@shared/api/kb';
import type { EvidenceLink, EvidencePackage, FindingReview, MethodSource, PackageCheck } from '@shared/api/plans';
import { datedLabel, datesIn, displayDate, displayDateTime, heading, paragraph, type Block, type ExportDocument, type Inline } from '../exports/document';
import { isConfirmed } from './package-check';

export interface CitedRecord {
  label: string;
  /** The hash the record has now, or null when it is gone from the vault. */
  currentHash: string | null;
}

export interface PackageDocumentInput {
  pkg: EvidencePackage;
  packageHash: string | null;
  check: PackageCheck;
  forum: Mechanism | null;
  companyName: string | null;
  planTitle: string | null;
  /** Keyed by `${kind}:${id}`. */
  evidence: Map<string, CitedRecord>;
  generatedAt: string;
  /** The locale the user reads dates in; absent, the system's. */
  locale?: string | undefined;
}

const KIND_LABELS: Record<EvidenceLink['kind'], string> = { engagement: 'Diary entry', attachment: 'Attachment', impact: 'CLARITI impact' };
export const evidenceKey = (link: Pick<EvidenceLink, 'kind' | 'id'>) => `${link.kind}:${link.id}`;

function cited(input: PackageDocumentInput, link: EvidenceLink): CitedRecord {
  return input.evidence.get(evidenceKey(link)) ?? { label: `${link.label} (not in this vault)`, currentHash: null };
}

function linkState(input: PackageDocumentInput, link: EvidenceLink): string {
  const now = cited(input, link).currentHash;
  if (now === null) return 'not in this vault';
  return now === link.hash ? 'current' : 'changed since linked';
}

const SOURCE_LABELS: Record<MethodSource['type'], string> = {
  'first-hand': 'First-hand accounts',
  'second-hand': 'Second-hand accounts',
  document: 'Documents',
  'platform-data': 'Platform data',
  media: 'Media reports',
  other: 'Other sources',
};

/** "Confirmed by Legal adviser on 20 November 2026": by role only, never a reviewer's name. */
export function reviewStatusText(review: FindingReview, locale?: string): string {
  const by = review.role.trim() ? ` by ${review.role.trim()}` : '';
  const on = review.on ? ` on ${displayDate(review.on, locale)}` : '';
  const from = review.source === 'assessment' ? ' (in the CLARITI assessment)' : review.source === 'partner' ? ' (as recorded by the partner who sent this package)' : '';
  const note = review.note.trim() ? `. ${review.note.trim()}` : '';
  if (isConfirmed(review)) return `Confirmed${by}${on}${from}${note}`;
  if (review.status === 'disputed') return `Disputed${by}${on}${from}${note}`;
  return `Not confirmed by a reviewer${note}`;
}

/** The findings and asks the user chose, in their order; the others stay in the draft only. */
export const chosenFindings = (pkg: EvidencePackage) => pkg.findings.filter((f) => f.included);
const chosenAsks = (pkg: EvidencePackage) => pkg.asks.filter((a) => a.included && a.text.trim());

export function forumName(pkg: EvidencePackage, forum: Mechanism | null): string {
  return forum?.name ?? (pkg.forumName.trim() || 'Not chosen');
}

export function packageDocument(input: PackageDocumentInput): ExportDocument {
  const { pkg } = input;
  const findings = chosenFindings(pkg);
  const blocks: Block[] = [
    {
      kind: 'fields',
      rows: [
        ['Forum', [forumName(pkg, input.forum), pkg.forumNote].filter(Boolean).join(' — ')],
        ['Company', input.companyName ?? ''],
        ['Strategy plan', input.planTitle ?? ''],
        ['Partner organisations', pkg.partners.map((p) => p.name).join(', ')],
        ['Last saved', displayDateTime(pkg.updatedAt, input.locale)],
      ],
    },
  ];
  if (!input.check.ready) {
    blocks.push(
      { kind: 'paragraph', parts: [{ text: 'Draft: this package is not complete yet.', bold: true }] },
      { kind: 'list', ordered: false, items: input.check.problems.map((p) => [{ text: p.message }]) },
    );
  }

  blocks.push(heading(1, 'Findings'));
  if (findings.length === 0) blocks.push(paragraph('No findings chosen yet.'));
  findings.forEach((finding, i) => {
    blocks.push(
      heading(2, `Finding ${i + 1}${finding.title ? `: ${finding.title}` : ''}`),
      { kind: 'paragraph', parts: [{ text: 'Review status:', bold: true }, { text: ` ${reviewStatusText(finding.review, input.locale)}` }] },
      paragraph(finding.statement || 'Not written yet.'),
    );
    if (finding.evidence.length > 0) {
      blocks.push({
        kind: 'list',
        ordered: false,
        items: finding.evidence.map((link) => [
          { text: `${KIND_LABELS[link.kind]}: ${datedLabel(cited(input, link).label, datesIn(input.locale))} — ` },
          { text: link.hash.slice(0, 16), code: true },
        ]),
      });
    }
  });

  blocks.push(heading(1, 'Risks and impacts'), paragraph(pkg.risksSummary || 'Not written yet.'));

  blocks.push(heading(1, 'Asks'));
  if (chosenAsks(pkg).length === 0) blocks.push(paragraph('No asks chosen yet.'));
  for (const [audience, title] of [
    ['company', 'To companies'],
    ['government', 'To governments'],
  ] as const) {
    const asks = chosenAsks(pkg).filter((a) => a.audience === audience);
    if (asks.length === 0) continue;
    blocks.push(heading(2, title), { kind: 'list', ordered: true, items: asks.map((a) => [{ text: a.text }]) });
  }

  blocks.push(...methodologyBlock(pkg, findings, input.locale));

  if (input.forum) {
    blocks.push(heading(1, `Forum: ${input.forum.name}`), paragraph(input.forum.summary));
    if (input.forum.timing) blocks.push({ kind: 'quote', text: `Timing: ${input.forum.timing}` });
  }

  blocks.push(heading(1, 'Partner organisations'));
  blocks.push(
    pkg.partners.length === 0
      ? paragraph('No partners named yet.')
      : { kind: 'table', columns: ['Organisation', 'Role'], rows: pkg.partners.map((p) => [p.name, p.role]) },
  );

  blocks.push({ kind: 'pageBreak' }, ...hashAppendix(input));
  return { title: pkg.title, subtitle: 'Coalition evidence package', generatedAt: input.generatedAt, locale: input.locale, blocks };
}

function hashAppendix(input: PackageDocumentInput): Block[] {
  const record = (citedIn: string, name: string, id: string, hash: string, state: string): Block => ({
    kind: 'fields',
    rows: [
      ['Cited in', citedIn],
      ['Record', name],
      ['ID', id],
      ['SHA-256', hash],
      ['State', state],
    ],
    code: ['ID', 'SHA-256'],
  });
  const blocks: Block[] = [
    heading(1, 'Appendix: evidence hashes'),
    paragraph(
      'Each piece of evidence is cited by its id and a SHA-256 hash: for a diary entry, the hash of its revision when it was linked (which covers every revision before it); for an attachment, the hash of the file itself. A partner holding the same record can recompute the hash to check it has not been changed. "Changed since linked" means the sender has edited the record after citing it.',
    ),
    record('The whole package', 'This package', input.pkg.id, input.packageHash ?? 'not saved', 'current'),
  ];
  chosenFindings(input.pkg).forEach((finding, i) => {
    for (const link of finding.evidence) {
      blocks.push(record(`Finding ${i + 1}`, `${KIND_LABELS[link.kind]}: ${datedLabel(cited(input, link).label, datesIn(input.locale))}`, link.id, link.hash, linkState(input, link)));
    }
  });
  return blocks;
}

function methodologyBlock(pkg: EvidencePackage, findings: EvidencePackage['findings'], locale: string | undefined): Block[] {
  const method = pkg.methodology;
  const notStated = 'Not stated.';
  const period =
    method.periodFrom && method.periodTo
      ? `${displayDate(method.periodFrom, locale)} to ${displayDate(method.periodTo, locale)}`
      : method.periodFrom
        ? `From ${displayDate(method.periodFrom, locale)}`
        : method.periodTo
          ? `Until ${displayDate(method.periodTo, locale)}`
          : notStated;
  const confirmed = findings.filter((f) => isConfirmed(f.review)).length;
  const blocks: Block[] = [heading(1, 'Methodology and verification'), heading(2, 'Sources by type')];
  blocks.push(
    method.sources.length === 0
      ? paragraph(notStated)
      : {
          kind: 'list',
          ordered: false,
          items: method.sources.map((source): Inline[] => [
            { text: `${SOURCE_LABELS[source.type]}${source.count === null ? '' : `: ${source.count}`}`, bold: true },
            ...(source.note.trim() ? [{ text: ` — ${source.note.trim()}` }] : []),
          ]),
        },
  );
  blocks.push(
    { kind: 'fields', rows: [['Period covered', period]] },
    heading(2, 'Consent and anonymisation'),
    paragraph(method.consent.trim() || notStated),
    heading(2, 'Verification steps'),
    paragraph(method.verification.trim() || notStated),
    heading(2, 'Review of the findings'),
    paragraph(`${confirmed} of ${findings.length} ${findings.length === 1 ? 'finding was' : 'findings were'} confirmed by a reviewer, recorded by role only.`),
  );
  if (confirmed < findings.length) {
    blocks.push({
      kind: 'paragraph',
      parts: [{ text: 'Why the package goes out with unconfirmed findings:', bold: true }, { text: ` ${pkg.unconfirmedReason.trim() || 'No reason recorded.'}` }],
    });
  }
  blocks.push(heading(2, 'Limitations'), paragraph(method.limitations.trim() || notStated));
  return blocks;
}
