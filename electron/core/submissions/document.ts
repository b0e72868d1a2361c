// A submission draft as an export document, laid out as the body it goes to expects: a UPR
// stakeholder submission in numbered paragraphs (recommendations numbered with them), an NCP
// specific instance or a Special Procedures communication in headed sections in the template's
// order, and letters (right of reply, BHRRC, trusted partner) as a letter. The body is printed as
// the user edited it; the route's structured fields the body does not already carry are added.
// The evidence-hash appendix is printed only when the draft asks for it: an external filing rarely
// wants the vault's ids and hashes.
import type { OecdChapter, Submission, SubmissionFields, SubmissionTemplate } from '@shared/api/submissions';
import { markdownToBlocks } from '../assessments/markdown-blocks';
import { displayDate, heading, paragraph, type Block, type ExportDocument } from '../exports/document';
import { countryName } from '../plans/oecd';
import { MANDATE_NAMES } from '../plans/plan-document';

/** One record in the appendix: what cites it, what it is, and the hash a third party can recompute. */
export interface AppendixEntry {
  citedIn: string;
  record: string;
  id: string;
  hash: string;
  /** "current", "changed since linked" or "not in this vault". */
  state: string;
}

export interface SubmissionDocumentInput {
  submission: Submission;
  template: Pick<SubmissionTemplate, 'name' | 'layout' | 'sections'>;
  /** Names of the companies the draft refers to, by id; a company deleted since is left out. */
  companyNames: ReadonlyMap<string, string>;
  /** The NCP's name for an NCP specific instance, when the directory knows it. */
  ncpName?: string | null;
  /** The entries of the evidence-hash appendix; only printed when the draft includes the appendix. */
  appendix: AppendixEntry[];
  generatedAt: string;
  /** The locale the user reads dates in; absent, the system's. */
  locale?: string | undefined;
}

export const CHAPTER_NAMES: Record<OecdChapter, string> = {
  generalPolicies: 'Chapter II, General Policies',
  disclosure: 'Chapter III, Disclosure',
  humanRights: 'Chapter IV, Human Rights',
  employment: 'Chapter V, Employment and Industrial Relations',
  consumerInterests: 'Chapter VIII, Consumer Interests',
  scienceTechnologyInnovation: 'Chapter IX, Science, Technology and Innovation',
};

const CONSENT_TEXT = { given: 'consent to be named to the Government given', refused: 'consent to be named refused', notRecorded: 'consent not recorded' } as const;

/** A free-text field of a route, printed unless the body already says it (see `withFields`). */
interface FieldText {
  /** Ids of the template sections that hold this field in the body. */
  sections: string[];
  heading: string;
  text: string;
}

interface RouteParts {
  /** Short facts: a table in a filing, lines at the head of a letter. */
  facts: Array<[label: string, value: string]>;
  texts: FieldText[];
  /** Items printed as a numbered list or numbered paragraphs: UPR recommendations. */
  numbered?: { sections: string[]; heading: string; items: string[] };
  /** A letter's addressee. */
  to: string;
  /** A letter's date: the day it was sent when recorded, else the day of the export. */
  letterDate?: string | null;
  /** The reply deadline a letter asks for. */
  replyBy?: string | null;
}

const names = (ids: readonly string[], known: ReadonlyMap<string, string>) => ids.map((id) => known.get(id)).filter((name): name is string => Boolean(name));
const joined = (values: readonly string[]) => values.filter((v) => v.trim()).join(', ');

function routeParts(fields: SubmissionFields, input: SubmissionDocumentInput): RouteParts {
  const { companyNames } = input;
  const company = joined(names(input.submission.companyIds, companyNames));
  switch (fields.route) {
    case 'spCommunication':
      return {
        facts: [
          ['Communication', fields.kind === 'urgentAppeal' ? 'Urgent appeal' : 'Allegation letter'],
          ['Mandates', [...fields.mandates.map((m) => MANDATE_NAMES[m]), fields.mandates.length > 1 ? '(joint communication)' : ''].filter(Boolean).join('\n')],
          // Victims by pseudonym only: a real name is the user's to add in the text, with consent.
          ['Alleged victims', fields.victims.map((v, i) => `${v.pseudonym.trim() || `Victim ${i + 1}`} (${CONSENT_TEXT[v.consentToBeNamed]})`).join('\n')],
          ['Companies involved', joined(names(fields.perpetrators.companyIds, companyNames))],
        ],
        texts: [
          { sections: ['perpetrators'], heading: 'Alleged perpetrators', text: fields.perpetrators.stateActors },
          { sections: ['datesAndPlaces'], heading: 'Dates and places', text: fields.datesAndPlaces },
          { sections: ['facts'], heading: 'Facts', text: fields.facts },
          { sections: ['domesticSteps'], heading: 'Domestic steps taken', text: fields.domesticSteps },
          { sections: ['request'], heading: 'Request', text: fields.request },
        ],
        to: '',
      };
    case 'uprStakeholder':
      return {
        facts: [
          ['State under review', fields.stateUnderReview ? countryName(fields.stateUnderReview) : ''],
          ['Cycle', fields.cycle],
          ['Submission', fields.joint ? 'Joint submission' : 'Individual submission'],
          ['Coalition members', fields.joint ? fields.coalitionMembers.join('\n') : ''],
        ],
        texts: [],
        numbered: { sections: ['recommendations'], heading: 'Recommendations', items: fields.recommendations.map((r) => r.text).filter((text) => text.trim()) },
        to: '',
      };
    case 'ncpSpecificInstance':
      return {
        facts: [
          ['Enterprises', [...names(fields.enterprises.companyIds, companyNames), ...fields.enterprises.entityNames].join('\n')],
          ['Where the issue arose', fields.whereIssueArose ? countryName(fields.whereIssueArose) : ''],
          ['National Contact Point', input.ncpName ?? fields.ncpId ?? ''],
          ['OECD Guidelines chapters invoked', fields.chapters.map((c) => CHAPTER_NAMES[c]).join('\n')],
        ],
        texts: [
          { sections: ['submitter'], heading: 'Interest of the submitter', text: fields.submitterInterest },
          { sections: ['outcome'], heading: 'Outcome sought', text: fields.desiredOutcome },
          { sections: ['confidentiality'], heading: 'Confidentiality requests', text: fields.confidentialityRequests },
        ],
        to: '',
      };
    case 'bhrrcResponse':
      return {
        facts: [],
        texts: [
          { sections: ['summary'], heading: 'The allegation', text: fields.allegationSummary },
          { sections: ['questions'], heading: 'What we ask the company to answer', text: fields.questions },
          { sections: ['sources'], heading: 'Sources', text: fields.sources.map((s) => `- ${s.url ? `${s.title} — ${s.url}` : s.title}`).join('\n') },
        ],
        to: 'Business & Human Rights Resource Centre',
        replyBy: fields.replyDeadline,
      };
    case 'rightOfReply':
      return {
        facts: [],
        texts: [
          { sections: ['findings'], heading: 'The findings we intend to publish', text: fields.findingsToPublish },
          { sections: ['use'], heading: 'How your response will be used', text: fields.howResponseUsed },
        ],
        to: company,
        letterDate: fields.sentOn,
        replyBy: fields.replyDeadline,
      };
    case 'oversightBoard':
      return {
        facts: [
          ['Type', fields.kind === 'publicComment' ? 'Public comment' : 'Appeal'],
          ['Case reference', fields.caseReference],
        ],
        texts: [
          { sections: ['content'], heading: 'The content', text: fields.contentDescription },
          { sections: ['arguments'], heading: 'Policy arguments', text: fields.policyArguments },
        ],
        to: 'Oversight Board',
      };
    case 'trustedPartner':
      return {
        facts: [
          ['Platform reference', fields.platformReference],
          ['Urgency', { routine: 'Routine', urgent: 'Urgent', emergency: 'Emergency' }[fields.urgency]],
        ],
        texts: [{ sections: ['ask'], heading: 'What we ask', text: fields.ask }],
        to: fields.partner,
      };
  }
}

const fold = (value: string) => value.trim().replace(/\s+/g, ' ').toLocaleLowerCase();

/** The body's top-level sections: what comes before the first heading, then each heading with what follows it. */
interface Sections {
  preamble: Block[];
  sections: Array<{ heading: string; blocks: Block[] }>;
}

function splitSections(blocks: Block[]): Sections {
  const top = Math.min(...blocks.map((b) => (b.kind === 'heading' ? b.level : 4)));
  const out: Sections = { preamble: [], sections: [] };
  for (const block of blocks) {
    if (block.kind === 'heading' && block.level === top) out.sections.push({ heading: block.text, blocks: [block] });
    else (out.sections.at(-1)?.blocks ?? out.preamble).push(block);
  }
  return out;
}

/**
 * The body's sections in the template's order, matched by heading; sections the template does not
 * name keep their place after them, so nothing the user wrote is dropped.
 */
export function inTemplateOrder(blocks: Block[], order: readonly string[]): Block[] {
  const { preamble, sections } = splitSections(blocks);
  const rank = new Map(order.map((h, i) => [fold(h), i]));
  const known = sections.filter((s) => rank.has(fold(s.heading))).sort((a, b) => rank.get(fold(a.heading))! - rank.get(fold(b.heading))!);
  const others = sections.filter((s) => !rank.has(fold(s.heading)));
  return [...preamble, ...known.flatMap((s) => s.blocks), ...others.flatMap((s) => s.blocks)];
}

/**
 * Every paragraph numbered 1., 2., … through the whole document, across headings, as UN documents
 * are; items of an ordered list (recommendations) become numbered paragraphs of the same run.
 * Bullet lists and quotes stay as they are, under the paragraph they belong to.
 */
export function numberParagraphs(blocks: Block[], start = 1): Block[] {
  let n = start;
  return blocks.flatMap((block): Block[] => {
    if (block.kind === 'paragraph') return [{ ...block, number: n++ }];
    if (block.kind === 'list' && block.ordered) return block.items.map((parts): Block => ({ kind: 'paragraph', parts, number: n++ }));
    return [block];
  });
}

/** A section's heading as the body writes it: a Markdown heading, or a letter's bold line on its own. */
function headingText(block: Block): string | null {
  if (block.kind === 'heading') return block.text;
  if (block.kind === 'paragraph' && block.parts.length === 1 && block.parts[0]!.bold) return block.parts[0]!.text;
  return null;
}

/** Markdown's marks and spacing dropped, so text prefilled into both a field and the body compares equal. */
const plainWords = (markdown: string) => fold(markdown.replace(/\*\*|^\s*(?:[-*+]|\d+[.)])\s+/gm, ''));

/**
 * The route's fields the body does not already say. A field's text that the body holds (prefill puts
 * most fields into both) is not printed twice; otherwise it fills its template section when the
 * body has that heading with nothing under it, or comes after the body under its own heading.
 */
function withFields(body: Block[], markdown: string, parts: RouteParts, input: SubmissionDocumentInput): Block[] {
  const said = plainWords(markdown);
  const letter = input.template.layout === 'letter';
  let blocks = body;
  const add = (field: { sections: string[]; heading: string }, content: Block[]) => {
    const headings = new Set([field.heading, ...input.template.sections.filter((s) => field.sections.includes(s.id)).map((s) => s.heading)].map(fold));
    const at = blocks.findIndex((block, i) => {
      const text = headingText(block);
      const next = blocks[i + 1];
      return text !== null && headings.has(fold(text)) && (next === undefined || headingText(next) !== null);
    });
    if (at >= 0) blocks = [...blocks.slice(0, at + 1), ...content, ...blocks.slice(at + 1)];
    else blocks = [...blocks, letter ? { kind: 'paragraph', parts: [{ text: field.heading, bold: true }] } : heading(1, field.heading), ...content];
  };
  for (const field of parts.texts) {
    if (field.text.trim() && !said.includes(plainWords(field.text))) add(field, markdownToBlocks(field.text));
  }
  const numbered = parts.numbered;
  const missing = numbered?.items.filter((item) => !said.includes(plainWords(item))) ?? [];
  if (numbered && missing.length) add(numbered, [{ kind: 'list', ordered: true, items: missing.map((text) => [{ text }]) }]);
  return blocks;
}

export function submissionDocument(input: SubmissionDocumentInput): ExportDocument {
  const { submission, template } = input;
  const parts = routeParts(submission.fields, input);
  const content = withFields(markdownToBlocks(submission.body), submission.body, parts, input);
  const facts = parts.facts.filter(([, value]) => value.trim());

  let blocks: Block[];
  switch (template.layout) {
    case 'numberedParagraphs':
      blocks = [...(facts.length ? [{ kind: 'fields', rows: facts } as Block] : []), ...numberParagraphs(content)];
      break;
    case 'headedSections':
      blocks = [
        ...(facts.length ? [{ kind: 'fields', rows: facts } as Block] : []),
        ...inTemplateOrder(
          content,
          template.sections.map((s) => s.heading),
        ),
      ];
      break;
    case 'letter':
      blocks = [...letterHead(parts, facts, input), ...content];
      break;
  }
  if (submission.includeHashAppendix) blocks.push({ kind: 'pageBreak' }, ...hashAppendix(input.appendix));
  return { title: submission.title, subtitle: template.name, generatedAt: input.generatedAt, locale: input.locale, blocks };
}

/** A letter's head: its date, the addressee, its facts and the reply it asks for, as lines, not a table. */
function letterHead(parts: RouteParts, facts: Array<[string, string]>, input: SubmissionDocumentInput): Block[] {
  const lines = [displayDate(parts.letterDate ?? input.generatedAt, input.locale)];
  if (parts.to.trim()) lines.push(`To: ${parts.to.trim()}`);
  for (const [label, value] of facts) lines.push(`${label}: ${value.replace(/\n/g, ', ')}`);
  const blocks: Block[] = [{ kind: 'paragraph', parts: [{ text: lines.join('\n') }] }];
  if (parts.replyBy) blocks.push({ kind: 'paragraph', parts: [{ text: `Reply requested by ${displayDate(parts.replyBy, input.locale)}.`, bold: true }] });
  return blocks;
}

function hashAppendix(entries: AppendixEntry[]): Block[] {
  return [
    heading(1, 'Appendix: evidence hashes'),
    paragraph(
      'Each record this draft cites or was drawn from is listed with its id and a SHA-256 hash: for a record, the hash of its latest revision (which covers every revision before it); for cited evidence, the hash pinned when it was linked; for a file, the hash of the file itself. Anyone holding the same record can recompute the hash to check it has not been changed.',
    ),
    ...entries.map(
      (entry): Block => ({
        kind: 'fields',
        rows: [
          ['Cited in', entry.citedIn],
          ['Record', entry.record],
          ['ID', entry.id],
          ['SHA-256', entry.hash],
          ['State', entry.state],
        ],
        code: ['ID', 'SHA-256'],
      }),
    ),
  ];
}
