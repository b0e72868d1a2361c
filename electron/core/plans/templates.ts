// Plan templates: the app's own suggestions, built from the toolkit's "Using findings"
// recommendations and principle 06 ("Escalate when needed"). The toolkit sets no order and asks for
// pressure "from multiple directions simultaneously", so steps are meant to run side by side; the
// triggers are app defaults, never the toolkit's. A template may name a directory entry that this
// version of the directory lacks: the step is then created without a link (see linkedTo).
import crypto from 'node:crypto';
import { PRINCIPLES, type EscalationStage, type LadderTemplate, type PlanStep, type PrincipleCheck, type SpMandate } from '@shared/api/plans';

type TemplateStep = LadderTemplate['steps'][number];

/** Each step's key, by its English title: translations (resources/plan-templates) name steps by key. */
export const STEP_KEYS = new Map<string, string>();

const step = (key: string, stage: EscalationStage, title: string, mechanismId: string | null, trigger: string, mandates: SpMandate[] = []): TemplateStep => {
  STEP_KEYS.set(title, key);
  return { stage, title, mechanismId, trigger, mandates };
};

const DIRECT = step(
  'direct',
  'direct',
  "Direct engagement with the company's human rights, policy or trust and safety team",
  null,
  'App default: consider escalating if there is no substantive reply within 30 days, or a commitment falls overdue.',
);
const COMPANY_CHANNELS = step(
  'company-channels',
  'company-channels',
  "Company grievance channels: in-product appeals and, for Meta, the Oversight Board (user appeals and public comments on cases)",
  'oversight-board',
  'Keep each appeal reference and date in the diary. Escalate if appeals go undecided or decisions are not applied; Oversight Board appeals have a deadline after the final decision.',
);
const TRUSTED_PARTNERS = step(
  'trusted-partners',
  'company-channels',
  "Escalate urgent cases through the company's trusted-partner or priority-flagger programme (directly or through a partner that is a member)",
  'trusted-partner-programmes',
  'Log each escalation and the reply time in the diary; a pattern of unanswered escalations is evidence for the next steps.',
);
const COLLECTIVE = step(
  'collective',
  'collective',
  'Collective advocacy with peer organisations: a joint letter or coordinated meeting',
  null,
  'App default: escalate if the joint approach gets no commitment within 30 days.',
);
const INDUSTRY = step(
  'industry',
  'industry',
  'Industry channels: business forums, chambers of commerce, industry associations or consumer unions',
  null,
  'Escalate if the company does not move from principles to operational commitments.',
);
const GNI = step(
  'gni',
  'cross-constituency',
  'If the company is a GNI member: ask a GNI civil society member to raise the evidence inside GNI',
  'gni',
  "Only where the company is a GNI member (check GNI's list) and a civil society member agrees to carry it; GNI has no channel for non-members.",
);
const BHRRC = step(
  'bhrrc',
  'accountability-platform',
  'Ask the Business & Human Rights Resource Centre to seek a public company response',
  'bhrrc',
  'Early and cheap. Escalate if the company does not respond publicly, or its response does not address the findings.',
);
const INVESTORS = step(
  'investors',
  'investors',
  'Investors: brief shareholders and investor coalitions; shareholder letters or resolutions',
  null,
  'Time it to the annual meeting and the deadline for shareholder resolutions.',
);
const SPECIAL_PROCEDURES = step(
  'special-procedures',
  'un',
  'Communication to UN Special Procedures (choose the mandates; several can write jointly)',
  'sr-freedom-of-expression',
  "Special Procedures do not acknowledge submissions or say whether they acted. A communication and the State's (or company's) reply are usually published about 60 days after it is sent (OHCHR practice, not verified on an OHCHR page): check the public communications database after 60 to 90 days; if nothing was sent, update the information or brief the mandate.",
  ['freedom-of-expression', 'privacy', 'business-human-rights'],
);
const UN_FORUM = step(
  'un-forum',
  'un',
  'Bring the evidence to the UN Responsible Business and Human Rights Forum, Asia-Pacific',
  'un-rbhr-forum-ap',
  'Calendar-driven. Use the forum to secure follow-up meetings with the companies and governments that attend; weigh travel risk for exiled participants.',
);
const UPR = step(
  'upr',
  'un-state-review',
  "Universal Periodic Review of the State: a stakeholder submission with recommendations to the State",
  'upr',
  "Calendar-driven: work back from the State's review date and the stakeholder submission deadline.",
);
const TREATY_BODIES = step(
  'treaty-bodies',
  'un-state-review',
  'Treaty body review of the State (Human Rights Committee, CEDAW, CRC): a shadow report',
  'human-rights-committee',
  "Calendar-driven: check the committee's session calendar and the list of issues for the State.",
);
const DATA_PROTECTION = step(
  'data-protection',
  'data-protection',
  'Complaint to the data protection authority of the state concerned (see the directory)',
  null,
  'Check the authority\'s time limit for complaints and whether it accepts complaints from organisations.',
);
const COURTS = step(
  'courts',
  'courts',
  'Courts: strategic litigation with lawyers (data protection, consumer or constitutional claims)',
  'courts',
  'Take legal advice on limitation periods, costs and the risk of counter-suits (SLAPPs) before filing.',
);
const NCP = step(
  'ncp',
  'oecd-ncp',
  'OECD National Contact Point complaint (prepare it in parallel: it takes months)',
  'oecd-ncp',
  'File when the NCP routing shows an adhering state and dialogue has not resolved the issue; start preparing now.',
);

const SUGGESTION = "The app's suggestion, built from the toolkit's recommendations; the toolkit itself sets no order.";

export const LADDER_TEMPLATES: readonly LadderTemplate[] = [
  {
    id: 'full-ladder',
    name: 'Pressure from several directions',
    description: `${SUGGESTION} Company channels and direct engagement alongside a collective approach, a public response trail, UN routes on the company and the State, and an NCP complaint prepared in parallel. Remove what does not fit and run steps side by side.`,
    steps: [DIRECT, COMPANY_CHANNELS, TRUSTED_PARTNERS, COLLECTIVE, BHRRC, INDUSTRY, GNI, INVESTORS, SPECIAL_PROCEDURES, UPR, UN_FORUM, NCP],
  },
  {
    id: 'stalled-dialogue',
    name: 'Dialogue has stalled',
    description: `${SUGGESTION} For when direct engagement has stalled or been refused: a collective approach, a public response trail through BHRRC, investors, a communication to UN Special Procedures and an NCP complaint.`,
    steps: [COLLECTIVE, BHRRC, INVESTORS, SPECIAL_PROCEDURES, NCP],
  },
  {
    id: 'forum-push',
    name: 'Before a major forum',
    description: `${SUGGESTION} Coordinate with partners around a regional or UN forum: collective advocacy, an evidence package for the forum, the State's UN reviews, and industry channels to turn discussion into commitments.`,
    steps: [COLLECTIVE, UN_FORUM, UPR, INDUSTRY, GNI],
  },
  {
    id: 'privacy-harm',
    name: 'Privacy and data harms',
    description: `${SUGGESTION} For surveillance, data exposure or impersonation: the company's own channels, a data protection authority, UN Special Procedures (privacy), a treaty body review and, with lawyers, the courts.`,
    steps: [COMPANY_CHANNELS, DIRECT, DATA_PROTECTION, { ...SPECIAL_PROCEDURES, mandates: ['privacy', 'human-rights-defenders'] }, TREATY_BODIES, COURTS],
  },
];

export function findTemplate(id: string): LadderTemplate | undefined {
  return LADDER_TEMPLATES.find((template) => template.id === id);
}

/** The template with links only to directory entries this version has. */
export function linkedTo(template: LadderTemplate, knownMechanisms: ReadonlySet<string>): LadderTemplate {
  return { ...template, steps: template.steps.map((s) => ({ ...s, mechanismId: s.mechanismId && knownMechanisms.has(s.mechanismId) ? s.mechanismId : null })) };
}

/** Fresh, unsaved steps from a template: new ids, nothing scheduled yet. */
export function stepsFromTemplate(template: LadderTemplate, newId: () => string = crypto.randomUUID): PlanStep[] {
  return template.steps.map((s) => ({
    id: newId(),
    stage: s.stage,
    title: s.title,
    mechanismId: s.mechanismId,
    status: 'planned',
    startDate: null,
    targetDate: null,
    mandates: s.mandates,
    jointCommunication: s.mandates.length > 1,
    exposureAcknowledged: null,
    trigger: s.trigger,
    triggerDate: null,
    outcome: '',
    engagementIds: [],
    submissionIds: [],
  }));
}

export function blankPrinciples(): PrincipleCheck[] {
  return PRINCIPLES.map((key) => ({ key, done: false, note: '' }));
}

/** Every principle exactly once, in the toolkit's order, keeping what the user wrote. */
export function completePrinciples(given: PrincipleCheck[]): PrincipleCheck[] {
  return PRINCIPLES.map((key) => given.find((p) => p.key === key) ?? { key, done: false, note: '' });
}
