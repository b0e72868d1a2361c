// An evidence package as an export document: the chosen findings in the chosen order, each with
// its review status and evidence, risks and impacts, the chosen asks by audience, the methodology
// and verification block, forum and partners, and an appendix of every evidence hash.
import type { Mechanism } from '@shared/api/kb';
import type { EvidenceLink, EvidencePackage, FindingReview, PackageCheck } from '@shared/api/plans';
import { datedLabel, datesIn, displayDate, displayDateTime, heading, paragraph, type Block, type ExportDocument, type Inline } from '../exports/document';
import { exportLabels, type LabelKey, type Labels } from '../exports/labels';
import { notReviewed, toolkit } from '../exports/toolkit';
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
  /** The forum's directory entry, in the export's language where translated. */
  forum: Mechanism | null;
  /** The forum's English name, printed beside a translated one: it is the name partners will find it under. */
  forumEnglishName: string | null;
  companyName: string | null;
  planTitle: string | null;
  /** Keyed by `${kind}:${id}`. */
  evidence: Map<string, CitedRecord>;
  generatedAt: string;
  /** The locale the user reads dates and the document's own words in; absent, the system's dates and English words. */
  locale?: string | undefined;
}

export const evidenceKey = (link: Pick<EvidenceLink, 'kind' | 'id'>) => `${link.kind}:${link.id}`;

function cited(input: PackageDocumentInput, link: EvidenceLink, l: Labels): CitedRecord {
  return input.evidence.get(evidenceKey(link)) ?? { label: l('package.notInVaultLabel', { label: link.label }), currentHash: null };
}

function linkState(input: PackageDocumentInput, link: EvidenceLink, l: Labels): string {
  const now = cited(input, link, l).currentHash;
  if (now === null) return l('package.link.missing');
  return now === link.hash ? l('package.link.current') : l('package.link.changed');
}

const evidenceLabel = (input: PackageDocumentInput, link: EvidenceLink, l: Labels) =>
  `${l(`package.evidence.${link.kind}`)}: ${datedLabel(cited(input, link, l).label, datesIn(input.locale))}`;

/** "Confirmed by Legal adviser on 20 November 2026": by role only, never a reviewer's name. */
export function reviewStatusText(review: FindingReview, locale?: string): string {
  const l = exportLabels(locale);
  const by = review.role.trim() ? l('review.by', { role: review.role.trim() }) : '';
  const on = review.on ? l('review.on', { date: displayDate(review.on, locale) }) : '';
  const from = review.source === 'assessment' ? l('review.fromAssessment') : review.source === 'partner' ? l('review.fromPartner') : '';
  const note = review.note.trim() ? `. ${review.note.trim()}` : '';
  if (isConfirmed(review)) return `${l('review.confirmed')}${by}${on}${from}${note}`;
  if (review.status === 'disputed') return `${l('review.disputed')}${by}${on}${from}${note}`;
  return `${l('review.unconfirmed')}${note}`;
}

/** The findings and asks the user chose, in their order; the others stay in the draft only. */
export const chosenFindings = (pkg: EvidencePackage) => pkg.findings.filter((f) => f.included);
const chosenAsks = (pkg: EvidencePackage) => pkg.asks.filter((a) => a.included && a.text.trim());

function forumName(input: PackageDocumentInput, l: Labels): string {
  const { forum, forumEnglishName: english } = input;
  if (!forum) return input.pkg.forumName.trim() || l('common.notChosen');
  return english && english !== forum.name ? l('common.withEnglish', { name: forum.name, english }) : forum.name;
}

/** A readiness problem in the export's language, by core's catalogue key; the English where no label has it. */
function problemText(problem: PackageCheck['problems'][number], l: Labels): string {
  const key = problem.key?.replace(/^plans:packageCheck\./, 'package.problem.');
  return key && key !== problem.key && l.has(key) ? l(key as LabelKey, problem.params) : problem.message;
}

export function packageDocument(input: PackageDocumentInput): ExportDocument {
  const { pkg } = input;
  const l = exportLabels(input.locale);
  const findings = chosenFindings(pkg);
  // A forum from the directory is named in the directory's words, apart from the user's note on it.
  const forumRows: Array<[string, string]> = input.forum
    ? [[l('package.forum'), forumName(input, l)], ...(pkg.forumNote ? [[l('package.forumNote'), pkg.forumNote] as [string, string]] : [])]
    : [[l('package.forum'), [forumName(input, l), pkg.forumNote].filter(Boolean).join(' — ')]];
  const blocks: Block[] = [
    {
      kind: 'fields',
      ...(input.forum ? { toolkitRows: [l('package.forum')] } : {}),
      rows: [
        ...forumRows,
        [l('package.company'), input.companyName ?? ''],
        [l('package.plan'), input.planTitle ?? ''],
        [l('package.partners'), pkg.partners.map((p) => p.name).join(', ')],
        [l('common.lastSaved'), displayDateTime(pkg.updatedAt, input.locale)],
      ],
    },
  ];
  if (!input.check.ready) {
    blocks.push(
      { kind: 'paragraph', parts: [{ text: l('package.draft'), bold: true }] },
      { kind: 'list', ordered: false, items: input.check.problems.map((p) => [{ text: problemText(p, l) }]) },
    );
  }

  blocks.push(heading(1, l('package.findings')));
  if (findings.length === 0) blocks.push(paragraph(l('package.noFindings')));
  findings.forEach((finding, i) => {
    blocks.push(
      heading(2, finding.title ? l('package.findingTitled', { n: i + 1, title: finding.title }) : l('package.finding', { n: i + 1 })),
      { kind: 'paragraph', parts: [{ text: l('package.reviewStatus'), bold: true }, { text: ` ${reviewStatusText(finding.review, input.locale)}` }] },
      paragraph(finding.statement || l('common.notWritten')),
    );
    if (finding.evidence.length > 0) {
      blocks.push({
        kind: 'list',
        ordered: false,
        items: finding.evidence.map((link) => [
          { text: `${evidenceLabel(input, link, l)} — ` },
          { text: link.hash.slice(0, 16), code: true },
        ]),
      });
    }
  });

  blocks.push(heading(1, l('package.risks')), paragraph(pkg.risksSummary || l('common.notWritten')));

  blocks.push(heading(1, l('package.asks')));
  if (chosenAsks(pkg).length === 0) blocks.push(paragraph(l('package.noAsks')));
  for (const [audience, title] of [
    ['company', l('package.toCompanies')],
    ['government', l('package.toGovernments')],
  ] as const) {
    const asks = chosenAsks(pkg).filter((a) => a.audience === audience);
    if (asks.length === 0) continue;
    blocks.push(heading(2, title), { kind: 'list', ordered: true, items: asks.map((a) => [{ text: a.text }]) });
  }

  blocks.push(...methodologyBlock(pkg, findings, input.locale));

  if (input.forum) {
    // The directory's words: the identity check leaves them alone (see `Block`).
    blocks.push(toolkit(heading(1, l('package.forumHeading', { name: forumName(input, l) }))), toolkit(paragraph(input.forum.summary)), ...notReviewed(input.forum.translation, l));
    if (input.forum.timing) blocks.push(toolkit({ kind: 'quote', text: l('common.timing', { text: input.forum.timing }) }));
  }

  blocks.push(heading(1, l('package.partners')));
  blocks.push(
    pkg.partners.length === 0
      ? paragraph(l('common.noPartners'))
      : { kind: 'table', columns: [l('common.organisation'), l('common.role')], rows: pkg.partners.map((p) => [p.name, p.role]) },
  );

  blocks.push({ kind: 'pageBreak' }, ...hashAppendix(input, l));
  return { title: pkg.title, subtitle: l('package.subtitle'), generatedAt: input.generatedAt, locale: input.locale, blocks };
}

function hashAppendix(input: PackageDocumentInput, l: Labels): Block[] {
  const code = [l('common.id'), l('common.sha256')];
  const record = (citedIn: string, name: string, id: string, hash: string, state: string): Block => ({
    kind: 'fields',
    rows: [
      [l('common.citedIn'), citedIn],
      [l('common.record'), name],
      [code[0]!, id],
      [code[1]!, hash],
      [l('common.state'), state],
    ],
    code,
  });
  const blocks: Block[] = [
    heading(1, l('common.appendix')),
    paragraph(l('package.appendixIntro')),
    record(l('package.wholePackage'), l('package.thisPackage'), input.pkg.id, input.packageHash ?? l('common.notSaved'), l('package.link.current')),
  ];
  chosenFindings(input.pkg).forEach((finding, i) => {
    for (const link of finding.evidence) {
      blocks.push(record(l('package.finding', { n: i + 1 }), evidenceLabel(input, link, l), link.id, link.hash, linkState(input, link, l)));
    }
  });
  return blocks;
}

function methodologyBlock(pkg: EvidencePackage, findings: EvidencePackage['findings'], locale: string | undefined): Block[] {
  const l = exportLabels(locale);
  const method = pkg.methodology;
  const notStated = l('method.notStated');
  const from = method.periodFrom && displayDate(method.periodFrom, locale);
  const to = method.periodTo && displayDate(method.periodTo, locale);
  const period = from && to ? l('method.periodBoth', { from, to }) : from ? l('method.periodFrom', { from }) : to ? l('method.periodUntil', { to }) : notStated;
  const confirmed = findings.filter((f) => isConfirmed(f.review)).length;
  const blocks: Block[] = [heading(1, l('method.title')), heading(2, l('method.sources'))];
  blocks.push(
    method.sources.length === 0
      ? paragraph(notStated)
      : {
          kind: 'list',
          ordered: false,
          items: method.sources.map((source): Inline[] => [
            { text: `${l(`method.source.${source.type}`)}${source.count === null ? '' : `: ${source.count}`}`, bold: true },
            ...(source.note.trim() ? [{ text: ` — ${source.note.trim()}` }] : []),
          ]),
        },
  );
  blocks.push(
    { kind: 'fields', rows: [[l('method.period'), period]] },
    heading(2, l('method.consent')),
    paragraph(method.consent.trim() || notStated),
    heading(2, l('method.verification')),
    paragraph(method.verification.trim() || notStated),
    heading(2, l('method.review')),
    paragraph(l('method.confirmedCount', { confirmed, count: findings.length })),
  );
  if (confirmed < findings.length) {
    blocks.push({
      kind: 'paragraph',
      parts: [{ text: l('method.whyUnconfirmed'), bold: true }, { text: ` ${pkg.unconfirmedReason.trim() || l('method.noReason')}` }],
    });
  }
  blocks.push(heading(2, l('method.limitations')), paragraph(method.limitations.trim() || notStated));
  return blocks;
}
