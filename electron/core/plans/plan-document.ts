// A strategy plan as an export document: objective and context, the escalation ladder with each
// step's directory entry, the six-principles checklist, partners, and an appendix of the hashes a
// third party can use to check the linked records.
import type { Company } from '@shared/api/diary';
import type { Mechanism } from '@shared/api/kb';
import type { OecdRouting, Plan, PrincipleGuidance, SpMandate } from '@shared/api/plans';
import { datedLabel, datesIn, displayDateTime, heading, paragraph, type Block, type ExportDocument } from '../exports/document';
import { exportLabels, type Labels } from '../exports/labels';
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
  /** The locale the user reads dates and the document's own words in; absent, the system's dates and English words. */
  locale?: string | undefined;
}

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

/** Exposure notes, read defensively: older builds of the directory do not carry them. */
function exposureLines(mechanism: Mechanism, l: Labels): { exposure: string[]; reprisals: string[] } {
  const m = mechanism as Mechanism & { exposure?: { whatIsPublic?: string; when?: string; whoIsNamed?: string }; reprisalNotes?: string[] };
  const e = m.exposure;
  const exposure = e
    ? [
        e.whatIsPublic && l('plan.exposure.public', { text: e.whatIsPublic }),
        e.when && l('plan.exposure.when', { text: e.when }),
        e.whoIsNamed && l('plan.exposure.named', { text: e.whoIsNamed }),
      ]
    : [];
  return { exposure: exposure.filter((line): line is string => Boolean(line)), reprisals: m.reprisalNotes ?? [] };
}

const label = (input: PlanDocumentInput, id: string, l: Labels) => {
  const found = input.engagements.get(id);
  return found ? datedLabel(found.label, datesIn(input.locale)) : l('plan.deletedEntry');
};

export function planDocument(input: PlanDocumentInput): ExportDocument {
  const { plan, company } = input;
  const l = exportLabels(input.locale);
  const day = datesIn(input.locale);
  const target = company ? (company.hqCountry ? l('plan.headquarters', { name: company.name, country: countryName(company.hqCountry) }) : company.name) : l('common.notChosen');
  const blocks: Block[] = [
    {
      kind: 'fields',
      rows: [
        [l('plan.targetCompany'), target],
        [l('plan.harmCountries'), plan.harmCountries.map(countryName).join(', ')],
        [l('plan.operatingCountries'), plan.operatingCountries.map(countryName).join(', ')],
        [l('plan.entityCountries'), plan.entityCountries.map(countryName).join(', ')],
        [l('plan.risk'), [l(`plan.risk.${plan.risk.level}`), plan.risk.notes].filter(Boolean).join(': ')],
        [l('plan.steps'), l('plan.stepsDone', { done: plan.steps.filter((s) => s.status === 'done').length, count: plan.steps.length })],
        [l('common.lastSaved'), displayDateTime(plan.updatedAt, input.locale)],
      ],
    },
    heading(1, l('plan.objective')),
    paragraph(plan.objective || l('plan.noObjective')),
  ];
  if (plan.context) blocks.push(heading(1, l('plan.context')), paragraph(plan.context));
  blocks.push(heading(1, l('plan.ncp')), paragraph(input.oecd.sentence));
  for (const note of input.oecd.notes) blocks.push(paragraph(note));
  for (const ncp of input.oecd.ncps) {
    blocks.push(heading(2, ncp.lead ? l('plan.wouldLead', { name: ncp.name }) : ncp.name), {
      kind: 'list',
      ordered: false,
      items: ncp.facts.map((f) => [{ text: f.checked ? f.text : l('plan.toBeChecked', { text: f.text }) }]),
    });
    blocks.push(paragraph(l('plan.checkedSources', { date: day(ncp.asOf), sources: ncp.sources.map((src) => `${src.title} (${src.url})`).join('; ') })));
  }

  blocks.push(heading(1, l('plan.stepsHeading')));
  blocks.push(paragraph(l('plan.stepsIntro')));
  if (plan.steps.length === 0) blocks.push(paragraph(l('plan.noSteps')));
  plan.steps.forEach((step, i) => {
    const mechanism = step.mechanismId ? input.mechanisms.get(step.mechanismId) : undefined;
    blocks.push(heading(2, l('plan.step', { n: i + 1, title: step.title })), {
      kind: 'fields',
      rows: [
        [l('plan.field.stage'), l(`plan.stage.${step.stage}`)],
        [l('plan.field.mechanism'), mechanism?.name ?? (step.mechanismId ? l('plan.notInDirectory') : l('plan.none'))],
        [l('plan.field.status'), l(`plan.status.${step.status}`)],
        [l('plan.field.startDate'), step.startDate ? day(step.startDate) : ''],
        [l('plan.field.targetDate'), step.targetDate ? day(step.targetDate) : ''],
        [l('plan.field.mandates'), [...step.mandates.map((m) => MANDATE_NAMES[m]), step.jointCommunication && step.mandates.length > 1 ? l('plan.jointCommunication') : ''].filter(Boolean).join('\n')],
        [l('plan.field.exposure'), step.exposureAcknowledged ? l('plan.acknowledgedOn', { date: day(step.exposureAcknowledged.on) }) : ''],
        [l('plan.field.trigger'), [step.trigger, step.triggerDate && l('plan.triggerBy', { date: day(step.triggerDate) })].filter(Boolean).join(' ')],
        [l('plan.field.outcome'), step.outcome],
        [l('plan.field.engagements'), step.engagementIds.map((id) => label(input, id, l)).join('\n')],
      ],
    });
    if (mechanism) {
      blocks.push(heading(3, l('plan.howTo', { name: mechanism.name })), {
        kind: 'list',
        ordered: true,
        items: mechanism.howTo.map((line) => [{ text: line }]),
      });
      if (mechanism.timing) blocks.push({ kind: 'quote', text: l('common.timing', { text: mechanism.timing }) });
      const { exposure, reprisals } = exposureLines(mechanism, l);
      if (exposure.length > 0) blocks.push(heading(3, l('plan.exposes')), { kind: 'list', ordered: false, items: exposure.map((text) => [{ text }]) });
      if (reprisals.length > 0) blocks.push(heading(3, l('plan.reprisals')), { kind: 'list', ordered: false, items: reprisals.map((text) => [{ text }]) });
    }
  });

  blocks.push(heading(1, l('plan.principles')));
  for (const guidance of input.principles) {
    const check = plan.principles.find((p) => p.key === guidance.key);
    blocks.push(heading(2, l(check?.done ? 'plan.principleDone' : 'plan.principleNotYet', { number: guidance.number, title: guidance.title })));
    if (guidance.guidance) blocks.push({ kind: 'quote', text: guidance.guidance });
    if (check?.note) blocks.push({ kind: 'paragraph', parts: [{ text: l('plan.ourNote'), bold: true }, { text: check.note }] });
  }

  blocks.push(heading(1, l('plan.partners')));
  blocks.push(
    plan.partners.length === 0
      ? paragraph(l('common.noPartners'))
      : { kind: 'table', columns: [l('common.organisation'), l('common.role')], rows: plan.partners.map((p) => [p.name, p.role]) },
  );

  if (plan.engagementIds.length > 0) {
    blocks.push(heading(1, l('plan.linkedEngagements')), { kind: 'list', ordered: false, items: plan.engagementIds.map((id) => [{ text: label(input, id, l) }]) });
  }

  blocks.push({ kind: 'pageBreak' }, ...hashAppendix(input, l));
  return { title: plan.title, subtitle: l('plan.subtitle'), generatedAt: input.generatedAt, locale: input.locale, blocks };
}

function hashAppendix(input: PlanDocumentInput, l: Labels): Block[] {
  const ids = [...new Set([...input.plan.engagementIds, ...input.plan.steps.flatMap((s) => s.engagementIds)])];
  const code = [l('common.id'), l('common.sha256')];
  const record = (name: string, kind: string, id: string, hash: string): Block => ({
    kind: 'fields',
    rows: [
      [l('common.record'), name],
      [l('common.kind'), kind],
      [code[0]!, id],
      [code[1]!, hash],
    ],
    code,
  });
  return [
    heading(1, l('common.appendix')),
    paragraph(l('plan.appendixIntro')),
    record(l('plan.thisPlan'), l('plan.kind.plan'), input.plan.id, input.planHash ?? l('common.notSaved')),
    ...ids.map((id) => record(label(input, id, l), l('plan.kind.engagement'), id, input.engagements.get(id)?.hash ?? l('plan.deleted'))),
  ];
}
