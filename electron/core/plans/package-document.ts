// An evidence package as an export document: findings with their evidence, risks and impacts,
// the five asks by audience, forum and partners, and an appendix of every evidence hash.
import type { Mechanism } from '@shared/api/kb';
import type { EvidenceLink, EvidencePackage, PackageCheck } from '@shared/api/plans';
import { displayDateTime, heading, paragraph, type Block, type ExportDocument } from '../exports/document';

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

export function packageDocument(input: PackageDocumentInput): ExportDocument {
  const { pkg } = input;
  const blocks: Block[] = [
    {
      kind: 'fields',
      rows: [
        ['Forum', [input.forum?.name ?? 'Not chosen', pkg.forumNote].filter(Boolean).join(' — ')],
        ['Company', input.companyName ?? ''],
        ['Strategy plan', input.planTitle ?? ''],
        ['Partner organisations', pkg.partners.map((p) => p.name).join(', ')],
        ['Last saved', displayDateTime(pkg.updatedAt)],
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
  if (pkg.findings.length === 0) blocks.push(paragraph('No findings yet.'));
  pkg.findings.forEach((finding, i) => {
    blocks.push(heading(2, `Finding ${i + 1}${finding.title ? `: ${finding.title}` : ''}`), paragraph(finding.statement || 'Not written yet.'));
    if (finding.evidence.length > 0) {
      blocks.push({
        kind: 'list',
        ordered: false,
        items: finding.evidence.map((link) => [
          { text: `${KIND_LABELS[link.kind]}: ${cited(input, link).label} — ` },
          { text: link.hash.slice(0, 16), code: true },
        ]),
      });
    }
  });

  blocks.push(heading(1, 'Risks and impacts'), paragraph(pkg.risksSummary || 'Not written yet.'));

  blocks.push(heading(1, 'Five asks'));
  for (const [audience, title] of [
    ['company', 'To companies'],
    ['government', 'To governments'],
  ] as const) {
    const asks = pkg.asks.filter((a) => a.audience === audience && a.text.trim());
    if (asks.length === 0) continue;
    blocks.push(heading(2, title), { kind: 'list', ordered: true, items: asks.map((a) => [{ text: a.text }]) });
  }

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
  return { title: pkg.title, subtitle: 'Coalition evidence package', generatedAt: input.generatedAt, blocks };
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
  input.pkg.findings.forEach((finding, i) => {
    for (const link of finding.evidence) {
      blocks.push(record(`Finding ${i + 1}`, `${KIND_LABELS[link.kind]}: ${cited(input, link).label}`, link.id, link.hash, linkState(input, link)));
    }
  });
  return blocks;
}
