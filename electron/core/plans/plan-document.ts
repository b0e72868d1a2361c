// A strategy plan as an export document: objective and context, the escalation ladder with each
// step's directory entry, the six-principles checklist, partners, and an appendix of the hashes a
// third party can use to check the linked records.
import type { Company } from '@shared/api/diary';
import type { Mechanism, TranslationInfo } from '@shared/api/kb';
import { SP_MANDATES, type OecdRouting, type Plan, type PrincipleGuidance, type SpMandate } from '@shared/api/plans';
import { datedLabel, datesIn, displayDateTime, heading, paragraph, type Block, type ExportDocument } from '../exports/document';
import { exportLabels, type Labels } from '../exports/labels';
import { notReviewed, toolkit } from '../exports/toolkit';
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
  /** The steps' directory entries, in the export's language where translated. */
  mechanisms: Map<string, Mechanism>;
  /** Each entry's English name, printed beside a translated one: it is the name to file under. */
  mechanismNamesInEnglish: Map<string, string>;
  engagements: Map<string, LinkedRecord>;
  /** The six principles in the export's language where the toolkit section is translated. */
  principles: PrincipleGuidance[];
  /** Set when the principles' guidance is a translation. */
  principlesTranslation: TranslationInfo | null;
  oecd: OecdRouting;
  generatedAt: string;
  /** The locale the user reads dates and the document's own words in; absent, the system's dates and English words. */
  locale?: string | undefined;
}

const ENGLISH = exportLabels('en');
/** The mandates' official English names, as a communication to them is addressed. */
export const MANDATE_NAMES = Object.fromEntries(SP_MANDATES.map((m) => [m, ENGLISH(`plan.mandate.${m}`)])) as Record<SpMandate, string>;

/**
 * A name in the export's language with the official English one in brackets, which the reader
 * needs to find or address the body; in English, or where no translation exists, the name alone.
 */
function withEnglish(name: string, english: string | undefined, l: Labels): string {
  return english && english !== name ? l('common.withEnglish', { name, english }) : name;
}



/** The note before the app's words shown as the English original in an export in another language. */
const inEnglish = (shown: boolean, l: Labels): Block[] => (shown ? [toolkit({ kind: 'paragraph', parts: [{ text: l('common.inEnglish'), italic: true }] })] : []);

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
  const country = (iso2: string) => countryName(iso2, l.language);
  const target = company ? (company.hqCountry ? l('plan.headquarters', { name: company.name, country: country(company.hqCountry) }) : company.name) : l('common.notChosen');
  const blocks: Block[] = [
    {
      kind: 'fields',
      rows: [
        [l('plan.targetCompany'), target],
        [l('plan.harmCountries'), plan.harmCountries.map(country).join(', ')],
        [l('plan.operatingCountries'), plan.operatingCountries.map(country).join(', ')],
        [l('plan.entityCountries'), plan.entityCountries.map(country).join(', ')],
        [l('plan.risk'), [l(`plan.risk.${plan.risk.level}`), plan.risk.notes].filter(Boolean).join(': ')],
        [l('plan.steps'), l('plan.stepsDone', { done: plan.steps.filter((s) => s.status === 'done').length, count: plan.steps.length })],
        [l('common.lastSaved'), displayDateTime(plan.updatedAt, input.locale)],
      ],
      // Country names the app writes from the plan's country codes.
      toolkitRows: [l('plan.harmCountries'), l('plan.operatingCountries'), l('plan.entityCountries')],
    },
    heading(1, l('plan.objective')),
    paragraph(plan.objective || l('plan.noObjective')),
  ];
  if (plan.context) blocks.push(heading(1, l('plan.context')), paragraph(plan.context));
  // The route is the app's reading of the plan's countries: its sentences and the NCP notes are the app's words.
  blocks.push(heading(1, l('plan.ncp')), toolkit(paragraph(input.oecd.sentence)));
  for (const note of input.oecd.notes) blocks.push(toolkit(paragraph(note)));
  for (const ncp of input.oecd.ncps) {
    // A translated NCP name keeps the official one beside it: it is the name to find and write to.
    const name = withEnglish(ncp.name, ncp.nameInEnglish ?? undefined, l);
    blocks.push(toolkit(heading(2, ncp.lead ? l('plan.wouldLead', { name }) : name)), ...inEnglish(ncp.inEnglish.includes('facts'), l), {
      kind: 'list',
      ordered: false,
      items: ncp.facts.map((f) => [{ text: f.checked ? f.text : l('plan.toBeChecked', { text: f.text }) }]),
      toolkit: true,
    });
    // The sources keep their titles: they are the titles of the pages cited.
    blocks.push(toolkit(paragraph(l('plan.checkedSources', { date: day(ncp.asOf), sources: ncp.sources.map((src) => `${src.title} (${src.url})`).join('; ') }))));
  }
  if (input.oecd.ncps.length > 0) blocks.push(...notReviewed(input.oecd.translation, l));

  blocks.push(heading(1, l('plan.stepsHeading')));
  blocks.push(paragraph(l('plan.stepsIntro')));
  if (plan.steps.length === 0) blocks.push(paragraph(l('plan.noSteps')));
  plan.steps.forEach((step, i) => {
    const mechanism = step.mechanismId ? input.mechanisms.get(step.mechanismId) : undefined;
    blocks.push(heading(2, l('plan.step', { n: i + 1, title: step.title })), {
      kind: 'fields',
      rows: [
        [l('plan.field.stage'), l(`plan.stage.${step.stage}`)],
        [l('plan.field.mechanism'), mechanism ? withEnglish(mechanism.name, input.mechanismNamesInEnglish.get(mechanism.id), l) : step.mechanismId ? l('plan.notInDirectory') : l('plan.none')],
        [l('plan.field.status'), l(`plan.status.${step.status}`)],
        [l('plan.field.startDate'), step.startDate ? day(step.startDate) : ''],
        [l('plan.field.targetDate'), step.targetDate ? day(step.targetDate) : ''],
        [l('plan.field.mandates'), [...step.mandates.map((m) => withEnglish(l(`plan.mandate.${m}`), MANDATE_NAMES[m], l)), step.jointCommunication && step.mandates.length > 1 ? l('plan.jointCommunication') : ''].filter(Boolean).join('\n')],
        [l('plan.field.exposure'), step.exposureAcknowledged ? l('plan.acknowledgedOn', { date: day(step.exposureAcknowledged.on) }) : ''],
        [l('plan.field.trigger'), [step.trigger, step.triggerDate && l('plan.triggerBy', { date: day(step.triggerDate) })].filter(Boolean).join(' ')],
        [l('plan.field.outcome'), step.outcome],
        [l('plan.field.engagements'), step.engagementIds.map((id) => label(input, id, l)).join('\n')],
      ],
      // The directory's and the mandates' names.
      toolkitRows: [l('plan.field.mechanism'), l('plan.field.mandates')],
    });
    if (mechanism) {
      blocks.push(
        toolkit(heading(3, l('plan.howTo', { name: mechanism.name }))),
        { kind: 'list', ordered: true, items: mechanism.howTo.map((line) => [{ text: line }]), toolkit: true },
        ...notReviewed(mechanism.translation, l),
      );
      const english = (field: Mechanism['inEnglish'][number]) => inEnglish((mechanism.inEnglish ?? []).includes(field), l);
      if (mechanism.timing) blocks.push({ kind: 'quote', text: l('common.timing', { text: mechanism.timing }), toolkit: true }, ...english('timing'));
      const { exposure, reprisals } = exposureLines(mechanism, l);
      if (exposure.length > 0) blocks.push(heading(3, l('plan.exposes')), ...english('exposure'), { kind: 'list', ordered: false, items: exposure.map((text) => [{ text }]), toolkit: true });
      if (reprisals.length > 0) blocks.push(heading(3, l('plan.reprisals')), ...english('reprisalNotes'), { kind: 'list', ordered: false, items: reprisals.map((text) => [{ text }]), toolkit: true });
    }
  });

  blocks.push(heading(1, l('plan.principles')), ...notReviewed(input.principlesTranslation, l));
  for (const guidance of input.principles) {
    const check = plan.principles.find((p) => p.key === guidance.key);
    blocks.push(toolkit(heading(2, l(check?.done ? 'plan.principleDone' : 'plan.principleNotYet', { number: guidance.number, title: guidance.title }))));
    if (guidance.guidance) blocks.push({ kind: 'quote', text: guidance.guidance, toolkit: true });
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
