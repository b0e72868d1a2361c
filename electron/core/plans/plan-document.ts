// A strategy plan as an export document: objective and context, the escalation ladder with each
// step's directory entry, the six-principles checklist, partners, and an appendix of the hashes a
// third party can use to check the linked records.
import type { Company } from '@shared/api/diary';
import type { Mechanism } from '@shared/api/kb';
import type { OecdAdherence, Plan, PrincipleGuidance } from '@shared/api/plans';
import { displayDateTime, heading, paragraph, type Block, type ExportDocument } from '../exports/document';
import { countryName } from './oecd';

export interface LinkedRecord {
  label: string;
  /** The record's latest revision hash, or null when it was deleted after it was linked. */
  hash: string | null;
}

export interface PlanDocumentInput {
  plan: Plan;
  planHash: string | null;
  company: Company | null;
  mechanisms: Map<string, Mechanism>;
  engagements: Map<string, LinkedRecord>;
  principles: PrincipleGuidance[];
  oecd: OecdAdherence;
  generatedAt: string;
}

export const STAGE_NAMES: Record<Plan['steps'][number]['stage'], string> = {
  direct: 'Direct engagement',
  collective: 'Collective advocacy with peer organisations',
  industry: 'Industry channels',
  'cross-constituency': 'Cross-constituency network',
  'accountability-platform': 'Accountability platform',
  un: 'UN mechanism',
  'oecd-ncp': 'OECD National Contact Point',
  other: 'Other',
};

export const STATUS_NAMES: Record<Plan['steps'][number]['status'], string> = {
  planned: 'Planned',
  'in-progress': 'In progress',
  done: 'Done',
  skipped: 'Skipped',
  blocked: 'Blocked',
};

const DELETED = 'A diary entry deleted since it was linked';
const label = (input: PlanDocumentInput, id: string) => input.engagements.get(id)?.label ?? DELETED;

export function planDocument(input: PlanDocumentInput): ExportDocument {
  const { plan, company } = input;
  const blocks: Block[] = [
    {
      kind: 'fields',
      rows: [
        ['Target company', company ? `${company.name}${company.hqCountry ? ` (headquarters: ${countryName(company.hqCountry)})` : ''}` : 'Not chosen'],
        ['States of operation', plan.operatingCountries.map(countryName).join(', ')],
        ['Steps', `${plan.steps.filter((s) => s.status === 'done').length} of ${plan.steps.length} done`],
        ['Last saved', displayDateTime(plan.updatedAt)],
      ],
    },
    heading(1, 'Objective'),
    paragraph(plan.objective || 'No objective written yet.'),
  ];
  if (plan.context) blocks.push(heading(1, 'Operating context'), paragraph(plan.context));
  blocks.push(heading(1, 'OECD National Contact Point'), paragraph(input.oecd.sentence));

  blocks.push(heading(1, 'Escalation ladder'));
  if (plan.steps.length === 0) blocks.push(paragraph('No steps yet.'));
  plan.steps.forEach((step, i) => {
    const mechanism = step.mechanismId ? input.mechanisms.get(step.mechanismId) : undefined;
    blocks.push(heading(2, `Step ${i + 1}: ${step.title}`), {
      kind: 'fields',
      rows: [
        ['Stage', STAGE_NAMES[step.stage]],
        ['Mechanism', mechanism?.name ?? (step.mechanismId ? 'Not in this version of the directory' : 'None')],
        ['Status', STATUS_NAMES[step.status]],
        ['Target date', step.targetDate ?? ''],
        ['Escalation trigger', [step.trigger, step.triggerDate && `by ${step.triggerDate}`].filter(Boolean).join(' ')],
        ['Outcome', step.outcome],
        ['Linked engagements', step.engagementIds.map((id) => label(input, id)).join('\n')],
      ],
    });
    if (mechanism) {
      blocks.push(heading(3, `${mechanism.name}: how to use it (from the directory)`), {
        kind: 'list',
        ordered: true,
        items: mechanism.howTo.map((line) => [{ text: line }]),
      });
      if (mechanism.timing) blocks.push({ kind: 'quote', text: `Timing: ${mechanism.timing}` });
    }
  });

  blocks.push(heading(1, 'Six principles for responsible engagement'));
  for (const guidance of input.principles) {
    const check = plan.principles.find((p) => p.key === guidance.key);
    blocks.push(heading(2, `${guidance.number} ${guidance.title}: ${check?.done ? 'done' : 'not yet'}`));
    if (guidance.guidance) blocks.push({ kind: 'quote', text: guidance.guidance });
    if (check?.note) blocks.push({ kind: 'paragraph', parts: [{ text: 'Our note: ', bold: true }, { text: check.note }] });
  }

  blocks.push(heading(1, 'Coalition partners'));
  blocks.push(
    plan.partners.length === 0
      ? paragraph('No partners named yet.')
      : { kind: 'table', columns: ['Organisation', 'Role'], rows: plan.partners.map((p) => [p.name, p.role]) },
  );

  if (plan.engagementIds.length > 0) {
    blocks.push(heading(1, 'Linked engagements'), { kind: 'list', ordered: false, items: plan.engagementIds.map((id) => [{ text: label(input, id) }]) });
  }

  blocks.push({ kind: 'pageBreak' }, ...hashAppendix(input));
  return { title: plan.title, subtitle: 'Escalation strategy plan', generatedAt: input.generatedAt, blocks };
}

function hashAppendix(input: PlanDocumentInput): Block[] {
  const ids = [...new Set([...input.plan.engagementIds, ...input.plan.steps.flatMap((s) => s.engagementIds)])];
  const record = (name: string, kind: string, id: string, hash: string): Block => ({
    kind: 'fields',
    rows: [
      ['Record', name],
      ['Kind', kind],
      ['ID', id],
      ['SHA-256', hash],
    ],
    code: ['ID', 'SHA-256'],
  });
  return [
    heading(1, 'Appendix: evidence hashes'),
    paragraph(
      'Each record below is identified by its id and the SHA-256 hash of its latest revision in the sender’s vault. The hash covers the record and every revision before it, so the sender can show that a record has not been changed since this document was made.',
    ),
    record('This plan', 'plan', input.plan.id, input.planHash ?? 'not saved'),
    ...ids.map((id) => record(label(input, id), 'diary entry', id, input.engagements.get(id)?.hash ?? 'deleted')),
  ];
}
