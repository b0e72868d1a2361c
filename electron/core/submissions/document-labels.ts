// The words an exported submission is written with around the user's own text: field names, fixed
// values, a letter's lines and the evidence-hash appendix. English here; each translation file
// gives the same keys (resources/submissions/translations/<language>.json, `document`), and a
// document is only offered in a language whose file has all of them.
import type { TemplateTranslation } from '@shared/api/submissions';

export const DOCUMENT_LABELS = {
  communication: 'Communication',
  allegationLetter: 'Allegation letter',
  urgentAppeal: 'Urgent appeal',
  mandates: 'Mandates',
  jointCommunication: '(joint communication)',
  allegedVictims: 'Alleged victims',
  victim: 'Victim {{n}}',
  victimConsent: '{{victim}} ({{consent}})',
  consentGiven: 'consent to be named to the Government given',
  consentRefused: 'consent to be named refused',
  consentNotRecorded: 'consent not recorded',
  companiesInvolved: 'Companies involved',
  allegedPerpetrators: 'Alleged perpetrators',
  datesAndPlaces: 'Dates and places',
  facts: 'Facts',
  domesticSteps: 'Domestic steps taken',
  request: 'Request',
  stateUnderReview: 'State under review',
  cycle: 'Cycle',
  submission: 'Submission',
  jointSubmission: 'Joint submission',
  individualSubmission: 'Individual submission',
  coalitionMembers: 'Coalition members',
  recommendations: 'Recommendations',
  enterprises: 'Enterprises',
  whereIssueArose: 'Where the issue arose',
  ncp: 'National Contact Point',
  chapters: 'OECD Guidelines chapters invoked',
  chapterGeneralPolicies: 'Chapter II, General Policies',
  chapterDisclosure: 'Chapter III, Disclosure',
  chapterHumanRights: 'Chapter IV, Human Rights',
  chapterEmployment: 'Chapter V, Employment and Industrial Relations',
  chapterConsumerInterests: 'Chapter VIII, Consumer Interests',
  chapterScienceTechnologyInnovation: 'Chapter IX, Science, Technology and Innovation',
  submitterInterest: 'Interest of the submitter',
  outcomeSought: 'Outcome sought',
  confidentialityRequests: 'Confidentiality requests',
  allegation: 'The allegation',
  questions: 'What we ask the company to answer',
  sources: 'Sources',
  findingsToPublish: 'The findings we intend to publish',
  responseUse: 'How your response will be used',
  type: 'Type',
  appeal: 'Appeal',
  publicComment: 'Public comment',
  caseReference: 'Case reference',
  content: 'The content',
  policyArguments: 'Policy arguments',
  platformReference: 'Platform reference',
  urgency: 'Urgency',
  routine: 'Routine',
  urgent: 'Urgent',
  emergency: 'Emergency',
  whatWeAsk: 'What we ask',
  to: 'To: {{name}}',
  line: '{{label}}: {{value}}',
  replyRequestedBy: 'Reply requested by {{date}}.',
  appendix: 'Appendix: evidence hashes',
  appendixIntro:
    'Each record this draft cites or was drawn from is listed with its id and a SHA-256 hash: for a record, the hash of its latest revision (which covers every revision before it); for cited evidence, the hash pinned when it was linked; for a file, the hash of the file itself. Anyone holding the same record can recompute the hash to check it has not been changed.',
  citedIn: 'Cited in',
  record: 'Record',
  id: 'ID',
  sha256: 'SHA-256',
  state: 'State',
  thisDraft: 'This draft',
  drawnFrom: 'Drawn from',
  notSaved: 'not saved',
  notInVault: 'not in this vault',
  recordNotInVault: '{{name}} (not in this vault)',
  recordTitled: '{{name}}: {{title}}',
  current: 'current',
  changedSinceLinked: 'changed since linked',
  asCited: 'as cited',
  findingOfPackage: 'Finding {{n}} of the package',
  strategyPlan: 'Strategy plan',
  claritiAssessment: 'CLARITI assessment',
  evidencePackage: 'Evidence package',
  diaryEntry: 'Diary entry',
  attachment: 'Attachment',
  claritiImpact: 'CLARITI impact',
  /** A PDF's page footer; Chromium fills in the two numbers on each page. */
  pageOf: 'Page {{page}} of {{total}}',
} as const;

export type DocumentLabelKey = keyof typeof DOCUMENT_LABELS;
export type DocumentLabels = (key: DocumentLabelKey, params?: Record<string, string | number>) => string;

/** The document's words in a translation's language; English without one. */
export function documentLabels(translation: TemplateTranslation | null | undefined): DocumentLabels {
  return wordsWithEnglish(translation?.document ?? {}, DOCUMENT_LABELS);
}

/** A translation's words by key, English for a key it lacks, with {{name}} placeholders filled in. */
function wordsWithEnglish<K extends string>(own: Partial<Record<string, string>>, english: Record<K, string>) {
  return (key: K, params: Record<string, string | number> = {}): string =>
    (own[key] ?? english[key]).replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

// The words a new draft's prefilled text is written with around the vault's records (each
// translation file's `prefill` part gives the same keys). Dates stay ISO in every language: a
// filing's reader must not have to guess whether 03-04 is March or April.
export const PREFILL_PHRASES = {
  headquarters: '(headquarters: {{country}})',
  concernsRaised: 'Concerns raised: {{concerns}}.',
  outcome: 'Outcome: {{outcome}}',
  commitments: 'Commitments: {{commitments}}.',
  committedTo: '{{owner}} committed to: {{text}}',
  dueStatus: '(due {{date}}, {{status}})',
  status: '({{status}})',
  dateChannel: '{{date}} ({{channel}}):',
  harmCountries: 'Countries where the harm happened: {{countries}}.',
  listSeparator: '; ',
  countrySeparator: ', ',
  statusOpen: 'open',
  statusKept: 'kept',
  statusPartlyKept: 'partly-kept',
  statusBroken: 'broken',
  statusWithdrawn: 'withdrawn',
  channelMeeting: 'meeting',
  channelCall: 'call',
  channelEmail: 'email',
  channelLetter: 'letter',
  channelConsultation: 'consultation',
  channelForum: 'forum',
  channelOther: 'other',
  sourceStep: 'step',
  sourcePackage: 'package',
  sourceAssessment: 'assessment',
} as const;

export type PrefillPhraseKey = keyof typeof PREFILL_PHRASES;
export type PrefillPhrases = (key: PrefillPhraseKey, params?: Record<string, string | number>) => string;

/** A new draft's phrases in a translation's language; English for whatever it lacks. */
export function prefillPhrases(translation: TemplateTranslation | null | undefined): PrefillPhrases {
  return wordsWithEnglish(translation?.prefill ?? {}, PREFILL_PHRASES);
}
