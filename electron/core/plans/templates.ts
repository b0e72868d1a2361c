// Escalation ladders built from the toolkit's "Using findings" recommendations and principle 06
// ("Escalate when needed"): start with direct engagement, then widen the pressure step by step.
import crypto from 'node:crypto';
import { PRINCIPLES, type EscalationStage, type LadderTemplate, type PlanStep, type PrincipleCheck } from '@shared/api/plans';

type TemplateStep = LadderTemplate['steps'][number];

const step = (stage: EscalationStage, title: string, mechanismId: string | null, trigger: string): TemplateStep => ({ stage, title, mechanismId, trigger });

const DIRECT = step(
  'direct',
  "Direct engagement with the company's human rights, policy or trust and safety team",
  null,
  'Escalate if there is no substantive reply within 30 days, or a commitment falls overdue.',
);
const COLLECTIVE = step(
  'collective',
  'Collective advocacy with peer organisations: a joint letter or coordinated meeting',
  'sea-cpn',
  'Escalate if the joint approach gets no commitment within 30 days.',
);
const INDUSTRY = step(
  'industry',
  'Industry channels: business forums, chambers of commerce, industry associations or consumer unions',
  'drapac',
  'Escalate if the company does not move from principles to operational commitments.',
);
const GNI = step(
  'cross-constituency',
  'Raise the evidence in a cross-constituency network (GNI) with companies and investors in the room',
  'gni',
  'Escalate if there is no follow-up after the network discussion.',
);
const BHRRC = step(
  'accountability-platform',
  'Ask the Business & Human Rights Resource Centre to seek a public company response',
  'bhrrc',
  'Escalate if the company does not respond publicly, or its response does not address the findings.',
);
const SR = step(
  'un',
  'Communication to the UN Special Rapporteur on freedom of opinion and expression',
  'sr-freedom-of-expression',
  'Follow up if there is no acknowledgement within 60 days.',
);
const UN_FORUM = step(
  'un',
  'Bring the evidence to the UN Responsible Business and Human Rights Forum, Asia-Pacific',
  'un-rbhr-forum-ap',
  'Use the forum to secure follow-up meetings with the companies and governments that attend.',
);
const NCP = step(
  'oecd-ncp',
  'OECD National Contact Point complaint (if the home state or the state of operation adheres)',
  'oecd-ncp',
  'File if voluntary dialogue has failed and an adhering state is confirmed.',
);

export const LADDER_TEMPLATES: readonly LadderTemplate[] = [
  {
    id: 'full-ladder',
    name: 'Full escalation ladder',
    description:
      'Every rung the toolkit recommends, in order: direct engagement, collective advocacy, industry channels, a cross-constituency network, an accountability platform, UN mechanisms and, where open, an OECD NCP complaint.',
    steps: [DIRECT, COLLECTIVE, INDUSTRY, GNI, BHRRC, SR, UN_FORUM, NCP],
  },
  {
    id: 'stalled-dialogue',
    name: 'Dialogue has stalled',
    description:
      'For when direct engagement has stalled or been refused: a collective approach, a public response trail through BHRRC, a UN communication and the harder NCP route.',
    steps: [DIRECT, COLLECTIVE, BHRRC, SR, NCP],
  },
  {
    id: 'forum-push',
    name: 'Before a major forum',
    description:
      'Coordinate with partners around a regional or UN forum: collective advocacy, an evidence package for the forum, and industry channels to turn discussion into commitments.',
    steps: [COLLECTIVE, UN_FORUM, INDUSTRY, GNI],
  },
];

export function findTemplate(id: string): LadderTemplate | undefined {
  return LADDER_TEMPLATES.find((template) => template.id === id);
}

/** Fresh, unsaved steps from a template: new ids, nothing scheduled yet. */
export function stepsFromTemplate(template: LadderTemplate, newId: () => string = crypto.randomUUID): PlanStep[] {
  return template.steps.map((s) => ({
    id: newId(),
    stage: s.stage,
    title: s.title,
    mechanismId: s.mechanismId,
    status: 'planned',
    targetDate: null,
    trigger: s.trigger,
    triggerDate: null,
    outcome: '',
    engagementIds: [],
  }));
}

export function blankPrinciples(): PrincipleCheck[] {
  return PRINCIPLES.map((key) => ({ key, done: false, note: '' }));
}

/** Every principle exactly once, in the toolkit's order, keeping what the user wrote. */
export function completePrinciples(given: PrincipleCheck[]): PrincipleCheck[] {
  return PRINCIPLES.map((key) => given.find((p) => p.key === key) ?? { key, done: false, note: '' });
}
