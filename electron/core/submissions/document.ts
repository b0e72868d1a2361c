// A submission draft as an export document, laid out as the body it goes to expects: a UPR
// stakeholder submission in numbered paragraphs (recommendations numbered with them), an NCP
// specific instance or a Special Procedures communication in headed sections in the template's
// order, and letters (right of reply, BHRRC, trusted partner) as a letter. The body is printed as
// the user edited it; the route's structured fields the body does not already carry are added.
// The evidence-hash appendix is printed only when the draft asks for it: an external filing rarely
// wants the vault's ids and hashes. Everything the app writes is in the document's language (the
// draft's, among those the body accepts); the section headings prefill wrote in another language
// are printed in it too, while the rest of the user's text is printed as written.
import type { SpMandate } from '@shared/api/plans';
import type { OecdChapter, Submission, SubmissionFields, SubmissionTemplate } from '@shared/api/submissions';
import { markdownToBlocks } from '../assessments/markdown-blocks';
import { displayDate, heading, paragraph, type Block, type ExportDocument } from '../exports/document';
import { exportLabels } from '../exports/labels';
import { MANDATE_NAMES } from '../plans/plan-document';
import { documentLabels, type DocumentLabelKey, type DocumentLabels } from './document-labels';

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
  /** The locale dates are written in: the document's language; absent, the system's. */
  locale?: string | undefined;
  /** The document's words, in its language; absent, English. */
  labels?: DocumentLabels | undefined;
  /**
   * Section headings in every language the templates know (folded) → the section's id, so a body
   * whose headings prefill wrote in another language is ordered and headed in the document's.
   */
  headingAliases?: ReadonlyMap<string, string> | undefined;
}

export const CHAPTER_LABELS: Record<OecdChapter, DocumentLabelKey> = {
  generalPolicies: 'chapterGeneralPolicies',
  disclosure: 'chapterDisclosure',
  humanRights: 'chapterHumanRights',
  employment: 'chapterEmployment',
  consumerInterests: 'chapterConsumerInterests',
  scienceTechnologyInnovation: 'chapterScienceTechnologyInnovation',
};

/**
 * A mandate as plan exports name it: in the document's language (the export labels' names) with the
 * official English name in brackets, which the OHCHR's lists use; the English name alone where the
 * language has no translated name.
 */
function mandateName(mandate: SpMandate, locale: string | undefined): string {
  const l = exportLabels(locale);
  const name = l(`plan.mandate.${mandate}`);
  const english = MANDATE_NAMES[mandate];
  return name === english ? english : l('common.withEnglish', { name, english });
}

const CONSENT_LABELS = { given: 'consentGiven', refused: 'consentRefused', notRecorded: 'consentNotRecorded' } as const;

/** A country's name in the document's language, from ICU's own data. */
function countryIn(locale: string | undefined, iso2: string): string {
  try {
    return new Intl.DisplayNames([locale ?? 'en', 'en'], { type: 'region' }).of(iso2) ?? iso2;
  } catch {
    return iso2;
  }
}

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

function routeParts(fields: SubmissionFields, input: SubmissionDocumentInput, l: DocumentLabels): RouteParts {
  const { companyNames } = input;
  const countryName = (iso2: string) => countryIn(input.locale, iso2);
  const company = joined(names(input.submission.companyIds, companyNames));
  switch (fields.route) {
    case 'spCommunication':
      return {
        facts: [
          [l('communication'), l(fields.kind === 'urgentAppeal' ? 'urgentAppeal' : 'allegationLetter')],
          [l('mandates'), [...fields.mandates.map((m) => mandateName(m, input.locale)), fields.mandates.length > 1 ? l('jointCommunication') : ''].filter(Boolean).join('\n')],
          // Victims by pseudonym only: a real name is the user's to add in the text, with consent.
          [l('allegedVictims'), fields.victims.map((v, i) => l('victimConsent', { victim: v.pseudonym.trim() || l('victim', { n: i + 1 }), consent: l(CONSENT_LABELS[v.consentToBeNamed]) })).join('\n')],
          [l('companiesInvolved'), joined(names(fields.perpetrators.companyIds, companyNames))],
        ],
        texts: [
          { sections: ['perpetrators'], heading: l('allegedPerpetrators'), text: fields.perpetrators.stateActors },
          { sections: ['datesAndPlaces'], heading: l('datesAndPlaces'), text: fields.datesAndPlaces },
          { sections: ['facts'], heading: l('facts'), text: fields.facts },
          { sections: ['domesticSteps'], heading: l('domesticSteps'), text: fields.domesticSteps },
          { sections: ['request'], heading: l('request'), text: fields.request },
        ],
        to: '',
      };
    case 'uprStakeholder':
      return {
        facts: [
          [l('stateUnderReview'), fields.stateUnderReview ? countryName(fields.stateUnderReview) : ''],
          [l('cycle'), fields.cycle],
          [l('submission'), l(fields.joint ? 'jointSubmission' : 'individualSubmission')],
          [l('coalitionMembers'), fields.joint ? fields.coalitionMembers.join('\n') : ''],
        ],
        texts: [],
        numbered: { sections: ['recommendations'], heading: l('recommendations'), items: fields.recommendations.map((r) => r.text).filter((text) => text.trim()) },
        to: '',
      };
    case 'ncpSpecificInstance':
      return {
        facts: [
          [l('enterprises'), [...names(fields.enterprises.companyIds, companyNames), ...fields.enterprises.entityNames].join('\n')],
          [l('whereIssueArose'), fields.whereIssueArose ? countryName(fields.whereIssueArose) : ''],
          [l('ncp'), input.ncpName ?? fields.ncpId ?? ''],
          [l('chapters'), fields.chapters.map((c) => l(CHAPTER_LABELS[c])).join('\n')],
        ],
        texts: [
          { sections: ['submitter'], heading: l('submitterInterest'), text: fields.submitterInterest },
          { sections: ['outcome'], heading: l('outcomeSought'), text: fields.desiredOutcome },
          { sections: ['confidentiality'], heading: l('confidentialityRequests'), text: fields.confidentialityRequests },
        ],
        to: '',
      };
    case 'bhrrcResponse':
      return {
        facts: [],
        texts: [
          { sections: ['summary'], heading: l('allegation'), text: fields.allegationSummary },
          { sections: ['questions'], heading: l('questions'), text: fields.questions },
          { sections: ['sources'], heading: l('sources'), text: fields.sources.map((s) => `- ${s.url ? `${s.title} — ${s.url}` : s.title}`).join('\n') },
        ],
        to: 'Business & Human Rights Resource Centre',
        replyBy: fields.replyDeadline,
      };
    case 'rightOfReply':
      return {
        facts: [],
        texts: [
          { sections: ['findings'], heading: l('findingsToPublish'), text: fields.findingsToPublish },
          { sections: ['use'], heading: l('responseUse'), text: fields.howResponseUsed },
        ],
        to: company,
        letterDate: fields.sentOn,
        replyBy: fields.replyDeadline,
      };
    case 'oversightBoard':
      return {
        facts: [
          [l('type'), l(fields.kind === 'publicComment' ? 'publicComment' : 'appeal')],
          [l('caseReference'), fields.caseReference],
        ],
        texts: [
          { sections: ['content'], heading: l('content'), text: fields.contentDescription },
          { sections: ['arguments'], heading: l('policyArguments'), text: fields.policyArguments },
        ],
        to: 'Oversight Board',
      };
    case 'trustedPartner':
      return {
        facts: [
          [l('platformReference'), fields.platformReference],
          [l('urgency'), l(fields.urgency)],
        ],
        texts: [{ sections: ['ask'], heading: l('whatWeAsk'), text: fields.ask }],
        to: fields.partner,
      };
  }
}

/** A heading as compared: spacing and case aside. */
export const fold = (value: string) => value.trim().replace(/\s+/g, ' ').toLocaleLowerCase();

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
export function inTemplateOrder(blocks: Block[], order: readonly string[], aliases?: ReadonlyMap<string, number>): Block[] {
  const { preamble, sections } = splitSections(blocks);
  const rank = new Map([...(aliases ?? []), ...order.map((h, i): [string, number] => [fold(h), i])]);
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

/**
 * Headings that are a template section's heading in any language the templates know (the words
 * prefill wrote) are printed as that section's heading in the document's language.
 */
function headedInLanguage(blocks: Block[], input: SubmissionDocumentInput): Block[] {
  const aliases = input.headingAliases;
  if (!aliases) return blocks;
  const own = new Map(input.template.sections.map((s) => [s.id, s.heading]));
  const inLanguage = (text: string) => {
    const id = aliases.get(fold(text));
    return id === undefined ? undefined : own.get(id);
  };
  return blocks.map((block) => {
    const text = headingText(block);
    const wanted = text === null ? undefined : inLanguage(text);
    if (wanted === undefined || wanted === text) return block;
    return block.kind === 'heading' ? { ...block, text: wanted } : { kind: 'paragraph', parts: [{ text: wanted, bold: true }] };
  });
}

/** Section headings in every known language → their place in the template's order. */
function aliasRanks(input: SubmissionDocumentInput): Map<string, number> {
  const index = new Map(input.template.sections.map((s, i) => [s.id, i]));
  return new Map([...(input.headingAliases ?? [])].flatMap(([text, id]): Array<[string, number]> => (index.has(id) ? [[text, index.get(id)!]] : [])));
}

export function submissionDocument(input: SubmissionDocumentInput): ExportDocument {
  const { submission, template } = input;
  const l = input.labels ?? documentLabels(null);
  const parts = routeParts(submission.fields, input, l);
  const content = withFields(headedInLanguage(markdownToBlocks(submission.body), input), submission.body, parts, input);
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
          aliasRanks(input),
        ),
      ];
      break;
    case 'letter':
      blocks = [...letterHead(parts, facts, input, l), ...content];
      break;
  }
  if (submission.includeHashAppendix) blocks.push({ kind: 'pageBreak' }, ...hashAppendix(input.appendix, l));
  return { title: submission.title, subtitle: template.name, generatedAt: input.generatedAt, locale: input.locale, pageOf: l('pageOf', { page: '{{page}}', total: '{{total}}' }), blocks };
}

/** A letter's head: its date, the addressee, its facts and the reply it asks for, as lines, not a table. */
function letterHead(parts: RouteParts, facts: Array<[string, string]>, input: SubmissionDocumentInput, l: DocumentLabels): Block[] {
  const lines = [displayDate(parts.letterDate ?? input.generatedAt, input.locale)];
  if (parts.to.trim()) lines.push(l('to', { name: parts.to.trim() }));
  for (const [label, value] of facts) lines.push(l('line', { label, value: value.replace(/\n/g, ', ') }));
  const blocks: Block[] = [{ kind: 'paragraph', parts: [{ text: lines.join('\n') }] }];
  if (parts.replyBy) blocks.push({ kind: 'paragraph', parts: [{ text: l('replyRequestedBy', { date: displayDate(parts.replyBy, input.locale) }), bold: true }] });
  return blocks;
}

function hashAppendix(entries: AppendixEntry[], l: DocumentLabels): Block[] {
  return [
    heading(1, l('appendix')),
    paragraph(l('appendixIntro')),
    ...entries.map(
      (entry): Block => ({
        kind: 'fields',
        rows: [
          [l('citedIn'), entry.citedIn],
          [l('record'), entry.record],
          [l('id'), entry.id],
          [l('sha256'), entry.hash],
          [l('state'), entry.state],
        ],
        code: [l('id'), l('sha256')],
      }),
    ),
  ];
}
