// A strategy plan as an export document: objective and context, the escalation ladder with each
// step's directory entry, the six-principles checklist, partners, and an appendix of the hashes a
// third party can use to check the linked records.
import type { Company } from '@shared/api/diary';
import type { Mechanism } from '@shared/api/kb';
import type { OecdRouting, Plan, PrincipleGuidance, SpMandate } from '@shared/api/plans';
import { datedLabel, datesIn, displayDateTime, heading, paragraph, type Block, type ExportDocument } from '../exports/document';
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
  oecd: OecdRouting;
  generatedAt: string;
  /** The locale the user reads dates in; absent, the system's. */
  locale?: string | undefined;
}

export const STAGE_NAMES: Record<Plan['steps'][number]['stage'], string> = {
  direct: 'Direct engagement',
  'company-channels': 'Company grievance channels',
  collective: 'Collective advocacy with peer organisations',
  industry: 'Industry channels',
  'cross-constituency': 'Cross-constituency network',
  'accountability-platform': 'Accountability platform',
  investors: 'Investors',
  un: 'UN mechanism',
  'un-state-review': 'UN review of the State (UPR, treaty bodies)',
  'oecd-ncp': 'OECD National Contact Point',
  'data-protection': 'Data protection authority',
  courts: 'Courts',
  other: 'Other',
};

export const MANDATE_NAMES: Record<SpMandate, string> = {
  'freedom-of-expression': 'Special Rapporteur on freedom of opinion and expression',
  privacy: 'Special Rapporteur on the right to privacy',
  'human-rights-defenders': 'Special Rapporteur on the situation of human rights defenders',
  'assembly-association': 'Special Rapporteur on the rights to freedom of peaceful assembly and of association',
  'business-human-rights': 'Working Group on Business and Human Rights',
  'country-myanmar': 'Special Rapporteur on the situation of human rights in Myanmar',
  'country-cambodia': 'Special Rapporteur on the situation of human rights in Cambodia',
  'country-dprk': 'Special Rapporteur on the situation of human rights in the DPRK',
  'country-afghanistan': 'Special Rapporteur on the situation of human rights in Afghanistan',
};

const RISK_NAMES: Record<Plan['risk']['level'], string> = { low: 'Low', medium: 'Medium', high: 'High', unknown: 'Not assessed' };

/** Exposure notes, read defensively: older builds of the directory do not carry them. */
function exposureLines(mechanism: Mechanism): { exposure: string[]; reprisals: string[] } {
  const m = mechanism as Mechanism & { exposure?: { whatIsPublic?: string; when?: string; whoIsNamed?: string }; reprisalNotes?: string[] };
  const e = m.exposure;
  const exposure = e ? [e.whatIsPublic && `What becomes public: ${e.whatIsPublic}`, e.when && `When: ${e.when}`, e.whoIsNamed && `Who is named: ${e.whoIsNamed}`] : [];
  return { exposure: exposure.filter((line): line is string => Boolean(line)), reprisals: m.reprisalNotes ?? [] };
}

export const STATUS_NAMES: Record<Plan['steps'][number]['status'], string> = {
  planned: 'Planned',
  'in-progress': 'In progress',
  done: 'Done',
  skipped: 'Skipped',
  blocked: 'Blocked',
};

const DELETED = 'A diary entry deleted since it was linked';
const label = (input: PlanDocumentInput, id: string) => {
  const found = input.engagements.get(id);
  return found ? datedLabel(found.label, datesIn(input.locale)) : DELETED;
};

export function planDocument(input: PlanDocumentInput): ExportDocument {
  const { plan, company } = input;
  const day = datesIn(input.locale);
  const blocks: Block[] = [
    {
      kind: 'fields',
      rows: [
        ['Target company', company ? `${company.name}${company.hqCountry ? ` (headquarters: ${countryName(company.hqCountry)})` : ''}` : 'Not chosen'],
        ['Where the harm happened', plan.harmCountries.map(countryName).join(', ')],
        ['Other states where the company operates', plan.operatingCountries.map(countryName).join(', ')],
        ['Home states of a subsidiary or parent involved', plan.entityCountries.map(countryName).join(', ')],
        ['Risk of this plan', [RISK_NAMES[plan.risk.level], plan.risk.notes].filter(Boolean).join(': ')],
        ['Steps', `${plan.steps.filter((s) => s.status === 'done').length} of ${plan.steps.length} done`],
        ['Last saved', displayDateTime(plan.updatedAt, input.locale)],
      ],
    },
    heading(1, 'Objective'),
    paragraph(plan.objective || 'No objective written yet.'),
  ];
  if (plan.context) blocks.push(heading(1, 'Operating context'), paragraph(plan.context));
  blocks.push(heading(1, 'OECD National Contact Point'), paragraph(input.oecd.sentence));
  for (const note of input.oecd.notes) blocks.push(paragraph(note));
  for (const ncp of input.oecd.ncps) {
    blocks.push(heading(2, `${ncp.name}${ncp.lead ? ' (would lead)' : ''}`), {
      kind: 'list',
      ordered: false,
      items: ncp.facts.map((f) => [{ text: f.checked ? f.text : `To be checked: ${f.text}` }]),
    });
    blocks.push(paragraph(`Checked ${day(ncp.asOf)}. Sources: ${ncp.sources.map((src) => `${src.title} (${src.url})`).join('; ')}`));
  }

  blocks.push(heading(1, 'Escalation steps'));
  blocks.push(paragraph("The app's suggestion, built from the toolkit's recommendations. Steps can run at the same time."));
  if (plan.steps.length === 0) blocks.push(paragraph('No steps yet.'));
  plan.steps.forEach((step, i) => {
    const mechanism = step.mechanismId ? input.mechanisms.get(step.mechanismId) : undefined;
    blocks.push(heading(2, `Step ${i + 1}: ${step.title}`), {
      kind: 'fields',
      rows: [
        ['Stage', STAGE_NAMES[step.stage]],
        ['Mechanism', mechanism?.name ?? (step.mechanismId ? 'Not in this version of the directory' : 'None')],
        ['Status', STATUS_NAMES[step.status]],
        ['Start date', step.startDate ? day(step.startDate) : ''],
        ['Target date', step.targetDate ? day(step.targetDate) : ''],
        ['Mandates', [...step.mandates.map((m) => MANDATE_NAMES[m]), step.jointCommunication && step.mandates.length > 1 ? '(joint communication)' : ''].filter(Boolean).join('\n')],
        ['Exposure acknowledged', step.exposureAcknowledged ? `on ${day(step.exposureAcknowledged.on)}` : ''],
        ['Escalation trigger', [step.trigger, step.triggerDate && `by ${day(step.triggerDate)}`].filter(Boolean).join(' ')],
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
      const { exposure, reprisals } = exposureLines(mechanism);
      if (exposure.length > 0) blocks.push(heading(3, 'What it exposes'), { kind: 'list', ordered: false, items: exposure.map((text) => [{ text }]) });
      if (reprisals.length > 0) blocks.push(heading(3, 'Reprisal risks'), { kind: 'list', ordered: false, items: reprisals.map((text) => [{ text }]) });
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
  return { title: plan.title, subtitle: 'Escalation strategy plan', generatedAt: input.generatedAt, locale: input.locale, blocks };
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
