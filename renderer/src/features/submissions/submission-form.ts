// The submission editor's form model: every route's fields in one flat shape the form can bind to
// (text for dates and lists, '' for none), turned back into the route's own fields on save. Pure, so
// the word count and the consent line a victim shows are tested without a browser.
import type { Submission, SubmissionDraft, SubmissionFields, SubmissionRoute, SubmissionSource, SubmissionStatus, UprRecommendation } from '@shared/api/submissions';

export interface VictimForm {
  id: string;
  pseudonym: string;
  realNameKnown: boolean;
  consentToBeNamed: 'given' | 'refused' | 'notRecorded';
  /** A person of the register, whose names the check looks for in the text; '' for none. */
  personId: string;
}

export interface SourceForm {
  title: string;
  url: string;
  hash: string;
}

/** Every route's fields; only the draft's route is shown and saved. */
export interface FieldsForm {
  spKind: 'allegationLetter' | 'urgentAppeal';
  victims: VictimForm[];
  stateActors: string;
  perpetratorCompanyIds: string[];
  datesAndPlaces: string;
  facts: string;
  domesticSteps: string;
  request: string;
  mandates: string[];
  stateUnderReview: string;
  cycle: string;
  joint: boolean;
  /** One member per line. */
  coalitionMembers: string;
  recommendations: UprRecommendation[];
  enterpriseCompanyIds: string[];
  /** One entity per line. */
  entityNames: string;
  whereIssueArose: string;
  ncpId: string;
  chapters: string[];
  submitterInterest: string;
  desiredOutcome: string;
  confidentialityRequests: string;
  allegationSummary: string;
  sources: SourceForm[];
  questions: string;
  replyDeadline: string;
  findingsToPublish: string;
  sentOn: string;
  howResponseUsed: string;
  boardKind: 'appeal' | 'publicComment';
  caseReference: string;
  contentDescription: string;
  policyArguments: string;
  partner: string;
  platformReference: string;
  urgency: 'routine' | 'urgent' | 'emergency';
  ask: string;
}

export interface SubmissionForm {
  route: SubmissionRoute;
  source: SubmissionSource;
  title: string;
  companyIds: string[];
  body: string;
  language: string;
  filingDeadline: string;
  status: SubmissionStatus;
  filedOn: string;
  outcomeNote: string;
  includeHashAppendix: boolean;
  fields: FieldsForm;
  /** The version the editor started from, so a save over a newer one is refused. */
  version: number | null;
}

export function emptyFields(): FieldsForm {
  return {
    spKind: 'allegationLetter',
    victims: [],
    stateActors: '',
    perpetratorCompanyIds: [],
    datesAndPlaces: '',
    facts: '',
    domesticSteps: '',
    request: '',
    mandates: [],
    stateUnderReview: '',
    cycle: '',
    joint: false,
    coalitionMembers: '',
    recommendations: [],
    enterpriseCompanyIds: [],
    entityNames: '',
    whereIssueArose: '',
    ncpId: '',
    chapters: [],
    submitterInterest: '',
    desiredOutcome: '',
    confidentialityRequests: '',
    allegationSummary: '',
    sources: [],
    questions: '',
    replyDeadline: '',
    findingsToPublish: '',
    sentOn: '',
    howResponseUsed: '',
    boardKind: 'appeal',
    caseReference: '',
    contentDescription: '',
    policyArguments: '',
    partner: '',
    platformReference: '',
    urgency: 'routine',
    ask: '',
  };
}

const lines = (text: string): string[] => [...new Set(text.split('\n').map((line) => line.trim()).filter(Boolean))];
const orNull = (text: string): string | null => (text.trim() === '' ? null : text.trim());

export function formFields(fields: SubmissionFields): FieldsForm {
  const form = emptyFields();
  switch (fields.route) {
    case 'spCommunication':
      return {
        ...form,
        spKind: fields.kind,
        victims: fields.victims.map((v) => ({ id: v.id, pseudonym: v.pseudonym, realNameKnown: v.realNameKnown, consentToBeNamed: v.consentToBeNamed, personId: v.personId ?? '' })),
        stateActors: fields.perpetrators.stateActors,
        perpetratorCompanyIds: fields.perpetrators.companyIds,
        datesAndPlaces: fields.datesAndPlaces,
        facts: fields.facts,
        domesticSteps: fields.domesticSteps,
        request: fields.request,
        mandates: fields.mandates,
      };
    case 'uprStakeholder':
      return {
        ...form,
        stateUnderReview: fields.stateUnderReview ?? '',
        cycle: fields.cycle,
        joint: fields.joint,
        coalitionMembers: fields.coalitionMembers.join('\n'),
        recommendations: fields.recommendations,
      };
    case 'ncpSpecificInstance':
      return {
        ...form,
        enterpriseCompanyIds: fields.enterprises.companyIds,
        entityNames: fields.enterprises.entityNames.join('\n'),
        whereIssueArose: fields.whereIssueArose ?? '',
        ncpId: fields.ncpId ?? '',
        chapters: fields.chapters,
        submitterInterest: fields.submitterInterest,
        desiredOutcome: fields.desiredOutcome,
        confidentialityRequests: fields.confidentialityRequests,
      };
    case 'bhrrcResponse':
      return {
        ...form,
        allegationSummary: fields.allegationSummary,
        sources: fields.sources.map((s) => ({ title: s.title, url: s.url ?? '', hash: s.hash ?? '' })),
        questions: fields.questions,
        replyDeadline: fields.replyDeadline ?? '',
      };
    case 'rightOfReply':
      return { ...form, findingsToPublish: fields.findingsToPublish, replyDeadline: fields.replyDeadline ?? '', sentOn: fields.sentOn ?? '', howResponseUsed: fields.howResponseUsed };
    case 'oversightBoard':
      return { ...form, boardKind: fields.kind, caseReference: fields.caseReference, contentDescription: fields.contentDescription, policyArguments: fields.policyArguments };
    case 'trustedPartner':
      return { ...form, partner: fields.partner, platformReference: fields.platformReference, urgency: fields.urgency, ask: fields.ask };
  }
}

/** The route's own fields from the form; what other routes' fields hold is left out. */
export function routeFields(route: SubmissionRoute, f: FieldsForm): SubmissionFields {
  switch (route) {
    case 'spCommunication':
      return {
        route,
        kind: f.spKind,
        victims: f.victims.map((v) => ({ id: v.id, pseudonym: v.pseudonym, realNameKnown: v.realNameKnown, consentToBeNamed: v.consentToBeNamed, personId: v.personId || null })),
        perpetrators: { stateActors: f.stateActors, companyIds: f.perpetratorCompanyIds },
        datesAndPlaces: f.datesAndPlaces,
        facts: f.facts,
        domesticSteps: f.domesticSteps,
        request: f.request,
        mandates: f.mandates as Extract<SubmissionFields, { route: 'spCommunication' }>['mandates'],
      };
    case 'uprStakeholder':
      return {
        route,
        stateUnderReview: orNull(f.stateUnderReview),
        cycle: f.cycle,
        joint: f.joint,
        coalitionMembers: lines(f.coalitionMembers),
        recommendations: f.recommendations,
      };
    case 'ncpSpecificInstance':
      return {
        route,
        enterprises: { companyIds: f.enterpriseCompanyIds, entityNames: lines(f.entityNames) },
        whereIssueArose: orNull(f.whereIssueArose),
        ncpId: orNull(f.ncpId),
        chapters: f.chapters as Extract<SubmissionFields, { route: 'ncpSpecificInstance' }>['chapters'],
        submitterInterest: f.submitterInterest,
        desiredOutcome: f.desiredOutcome,
        confidentialityRequests: f.confidentialityRequests,
      };
    case 'bhrrcResponse':
      return {
        route,
        allegationSummary: f.allegationSummary,
        sources: f.sources
          .filter((s) => s.title.trim())
          .map((s) => ({ title: s.title.trim(), ...(s.url.trim() && { url: s.url.trim() }), ...(s.hash && { hash: s.hash }) })),
        questions: f.questions,
        replyDeadline: orNull(f.replyDeadline),
      };
    case 'rightOfReply':
      // The logged reply's link is written only by logging the reply; the service keeps it on every save.
      return { route, findingsToPublish: f.findingsToPublish, replyDeadline: orNull(f.replyDeadline), sentOn: orNull(f.sentOn), howResponseUsed: f.howResponseUsed, replyEngagementId: null };
    case 'oversightBoard':
      return { route, kind: f.boardKind, caseReference: f.caseReference, contentDescription: f.contentDescription, policyArguments: f.policyArguments };
    case 'trustedPartner':
      return { route, partner: f.partner, platformReference: f.platformReference, urgency: f.urgency, ask: f.ask };
  }
}

export function formFromSubmission(submission: Submission): SubmissionForm {
  return {
    route: submission.route,
    source: submission.source,
    title: submission.title,
    companyIds: submission.companyIds,
    body: submission.body,
    language: submission.language,
    filingDeadline: submission.filingDeadline ?? '',
    status: submission.status,
    filedOn: submission.filedOn ?? '',
    outcomeNote: submission.outcomeNote,
    includeHashAppendix: submission.includeHashAppendix,
    fields: formFields(submission.fields),
    version: submission.version,
  };
}

export function draftFromForm(form: SubmissionForm, id: string | undefined): SubmissionDraft {
  return {
    ...(id && { id }),
    route: form.route,
    title: form.title,
    source: form.source,
    companyIds: form.companyIds,
    fields: routeFields(form.route, { ...emptyFields(), ...form.fields }),
    body: form.body,
    language: form.language.trim() || 'en',
    filingDeadline: orNull(form.filingDeadline),
    status: form.status,
    // "Filed on" belongs to a filed draft and what came after; the date stays while it is.
    filedOn: form.status === 'drafting' || form.status === 'internalReview' ? null : orNull(form.filedOn),
    outcomeNote: form.outcomeNote,
    includeHashAppendix: form.includeHashAppendix,
    ...(form.version !== null && { version: form.version }),
  };
}

export type WordCountState = 'none' | 'within' | 'near' | 'over';

/** How the count stands against the limit: "near" from 90%, so there is time to cut. */
export function wordCountState(words: number, limit: number | null): WordCountState {
  if (limit === null) return 'none';
  if (words > limit) return 'over';
  return words >= limit * 0.9 ? 'near' : 'within';
}

export type ConsentTone = 'ok' | 'warn' | 'block' | 'quiet';

/**
 * The line a victim's card shows about being named to the government: a catalogue key and how
 * loud it is. Consent matters only when the real name is known: a victim known by pseudonym alone
 * cannot be named by mistake.
 */
export function consentDisplay(victim: Pick<VictimForm, 'realNameKnown' | 'consentToBeNamed'>): { key: string; tone: ConsentTone } {
  if (!victim.realNameKnown) return { key: 'consent.pseudonymOnly', tone: 'quiet' };
  switch (victim.consentToBeNamed) {
    case 'given':
      return { key: 'consent.given', tone: 'ok' };
    case 'refused':
      return { key: 'consent.refused', tone: 'block' };
    case 'notRecorded':
      return { key: 'consent.notRecorded', tone: 'warn' };
  }
}

/**
 * How many of the route's own fields hold something, for the summary line of the closed section
 * ("4 of 9 filled"). A list counts once it has an entry; a choice with a default (kind, urgency,
 * joint) is not counted, as it always holds a value.
 */
export function filledFields(route: SubmissionRoute, fields: FieldsForm): { filled: number; total: number } {
  const own = Object.entries(routeFields(route, { ...emptyFields(), ...fields })).filter(([key, value]) => key !== 'route' && typeof value !== 'boolean' && !['kind', 'urgency'].includes(key));
  const hasValue = (value: unknown): boolean => {
    if (value === null || value === undefined) return false;
    if (typeof value === 'string') return value.trim() !== '';
    if (Array.isArray(value)) return value.length > 0;
    if (typeof value === 'object') return Object.values(value).some(hasValue);
    return true;
  };
  return { filled: own.filter(([, value]) => hasValue(value)).length, total: own.length };
}

/** A new victim, known by pseudonym until the user says otherwise. */
export function newVictim(): VictimForm {
  return { id: crypto.randomUUID(), pseudonym: '', realNameKnown: false, consentToBeNamed: 'notRecorded', personId: '' };
}

export function newRecommendation(): UprRecommendation {
  return { id: crypto.randomUUID(), text: '', addressee: 'state' };
}

/** A draft kept by an earlier editor may lack fields; the saved record's shape fills them in. */
export function restoredForm(content: unknown, base: SubmissionForm): SubmissionForm {
  const stored = (content && typeof content === 'object' ? content : {}) as Partial<SubmissionForm>;
  if (stored.route !== base.route) return base;
  return { ...base, ...stored, fields: { ...base.fields, ...(stored.fields ?? {}) } };
}
