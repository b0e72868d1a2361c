// The submission editor's form model: every route's fields survive a round trip through the flat
// form and come back as a draft the contract accepts; the live word count is the count the
// requirements check measures against the UPR limit; a victim's consent line says what the
// government would learn; and a plan step offers the routes its mechanism leads to.
import { describe, expect, it } from 'vitest';
import { SUBMISSION_ROUTES, Submission, SubmissionDraft, type SubmissionFields, type SubmissionRoute } from '@shared/api/submissions';
import { countWords } from '@shared/domain/word-count';
import { routesForMechanism, routesForStep } from '../../../renderer/src/features/submissions/route-match';
import {
  consentDisplay,
  draftFromForm,
  filledFields,
  formFromSubmission,
  restoredForm,
  wordCountState,
} from '../../../renderer/src/features/submissions/submission-form';

const ID = '1b4e28ba-2fa1-41d2-883f-0016d3cca427';
const COMPANY = '6f1c2a9e-0c55-4b1e-9d1a-3c2b1a0f9e77';
const PERSON = '0d5c9a4b-7e61-4f0a-8b2c-5a9d3e1f2c44';
const VICTIM = '2a7e4c1d-9b3f-4e8a-a1c5-7d2e9f0b6a33';

/** One draft per route with every field filled, as a user would leave it. */
const FIELDS: Record<SubmissionRoute, SubmissionFields> = {
  spCommunication: {
    route: 'spCommunication',
    kind: 'urgentAppeal',
    victims: [{ id: VICTIM, pseudonym: 'Journalist A', realNameKnown: true, consentToBeNamed: 'given', personId: PERSON }],
    perpetrators: { stateActors: 'Ministry of Information', companyIds: [COMPANY] },
    datesAndPlaces: '3 October 2026, Hanoi',
    facts: 'The account was removed after a government request.',
    domesticSteps: 'Complaint to the ministry on 5 October; no reply.',
    request: 'Ask the government to explain the legal basis.',
    mandates: ['freedom-of-expression', 'privacy'],
  },
  uprStakeholder: {
    route: 'uprStakeholder',
    stateUnderReview: 'VN',
    cycle: '4th cycle',
    joint: true,
    coalitionMembers: ['Org One', 'Org Two'],
    recommendations: [{ id: VICTIM, text: 'Repeal Decree 72.', addressee: 'state' }],
  },
  ncpSpecificInstance: {
    route: 'ncpSpecificInstance',
    enterprises: { companyIds: [COMPANY], entityNames: ['Example Platform Pte Ltd'] },
    whereIssueArose: 'TH',
    ncpId: 'JP',
    chapters: ['humanRights', 'generalPolicies'],
    submitterInterest: 'We represent affected users.',
    desiredOutcome: 'A human rights due diligence process.',
    confidentialityRequests: 'Keep the names of the users confidential.',
  },
  bhrrcResponse: {
    route: 'bhrrcResponse',
    allegationSummary: 'Accounts removed without notice.',
    sources: [{ title: 'Our report', url: 'https://example.org/report' }, { title: 'Interview notes', hash: 'a'.repeat(64) }],
    questions: 'Why were the accounts removed?',
    replyDeadline: '2026-12-20',
  },
  rightOfReply: { route: 'rightOfReply', findingsToPublish: 'Finding one.', replyDeadline: '2026-12-15', sentOn: '2026-12-01', howResponseUsed: 'Published in full.', replyEngagementId: null },
  oversightBoard: { route: 'oversightBoard', kind: 'publicComment', caseReference: 'FB-ABC123', contentDescription: 'A post about protests.', policyArguments: 'Newsworthiness.' },
  trustedPartner: { route: 'trustedPartner', partner: 'Platform trust team', platformReference: 'REF-9', urgency: 'emergency', ask: 'Restore the account.' },
};

function saved(route: SubmissionRoute): Submission {
  return Submission.parse({
    id: ID,
    route,
    title: `A ${route} draft`,
    source: { kind: 'package', id: COMPANY },
    companyIds: [COMPANY],
    fields: FIELDS[route],
    body: '# Facts\n\nThe account was removed.',
    language: 'en',
    filingDeadline: '2027-01-15',
    status: 'filed',
    filedOn: '2026-12-02',
    outcomeNote: '',
    includeHashAppendix: false,
    createdAt: '2026-12-01T10:00:00.000Z',
    updatedAt: '2026-12-01T11:00:00.000Z',
    version: 3,
  });
}

describe('the submission form', () => {
  it.each(SUBMISSION_ROUTES)('gives back the same %s draft after a round trip through the form, one the contract accepts', (route) => {
    const submission = saved(route);
    const draft = draftFromForm(formFromSubmission(submission), ID);
    expect(SubmissionDraft.safeParse(draft).success).toBe(true);
    const { createdAt: _c, updatedAt: _u, ...rest } = submission;
    expect(SubmissionDraft.parse(draft)).toEqual(SubmissionDraft.parse(rest));
  });

  it('sends null for dates left empty and drops the filing date of a draft moved back to drafting', () => {
    const form = { ...formFromSubmission(saved('rightOfReply')), filingDeadline: '', status: 'drafting' as const };
    form.fields = { ...form.fields, replyDeadline: '', sentOn: '' };
    const draft = SubmissionDraft.parse(draftFromForm(form, ID));
    expect(draft.filingDeadline).toBeNull();
    expect(draft.filedOn).toBeNull();
    expect(draft.fields).toMatchObject({ replyDeadline: null, sentOn: null });
  });

  it('keeps only the draft’s own route in what it saves, whatever else the form holds', () => {
    const form = formFromSubmission(saved('trustedPartner'));
    form.fields.facts = 'typed before the route was known';
    expect(Object.keys(draftFromForm(form, ID).fields).sort()).toEqual(['ask', 'partner', 'platformReference', 'route', 'urgency']);
  });

  it('turns coalition members and entities typed one per line into clean lists', () => {
    const form = formFromSubmission(saved('uprStakeholder'));
    form.fields.coalitionMembers = ' Org One \n\nOrg Two\nOrg One';
    expect(draftFromForm(form, ID).fields).toMatchObject({ coalitionMembers: ['Org One', 'Org Two'] });
  });

  it('opens a stored draft of another shape or route as the saved draft, and fills in fields an older one lacks', () => {
    const base = formFromSubmission(saved('spCommunication'));
    expect(restoredForm({ route: 'uprStakeholder', title: 'x' }, base)).toBe(base);
    expect(restoredForm(null, base)).toBe(base);
    const restored = restoredForm({ route: 'spCommunication', title: 'Changed', fields: { facts: 'New facts' } }, base);
    expect(restored.title).toBe('Changed');
    expect(restored.fields.facts).toBe('New facts');
    expect(restored.fields.victims).toEqual(base.fields.victims);
  });
});

describe('the live word count', () => {
  const samples = [
    '',
    'One two three.',
    '# Heading\n\n1. First point, with a [link](https://example.org/long/path).\n2. Second point — it’s state-of-the-art.\n\n> A quote\n\n- a list item',
    'Numbers like 3.5 and 2026-12-01 count once each; e-mail addresses: someone@example.org.',
    'Tài khoản của báo độc lập bị gỡ bỏ không rõ lý do. <b>Bold</b> text.',
    '账号被封禁，没有任何解释。 ภาษาไทย ไม่มีช่องว่าง',
  ];

  it('counts hyphenated and numeric words once, and unspaced scripts by their runs of letters', () => {
    // The last sample shows the limit of counting by letters: Chinese counts per run between
    // punctuation, and Thai breaks at its tone marks. How a body counts unspaced scripts is not known.
    expect(samples.map(countWords)).toEqual([0, 3, 15, 12, 15, 8]);
  });

  it('counts words, not Markdown marks or link targets', () => {
    expect(countWords('## Facts\n\n- [Report](https://example.org/a/b/c) of *the* ministry')).toBe(5);
  });

  it('says within, near (from 90%) or over the limit, and nothing when the route has none', () => {
    expect(wordCountState(100, null)).toBe('none');
    expect(wordCountState(2000, 2815)).toBe('within');
    expect(wordCountState(2600, 2815)).toBe('near');
    expect(wordCountState(2815, 2815)).toBe('near');
    expect(wordCountState(2816, 2815)).toBe('over');
  });
});

describe('a victim’s consent line', () => {
  it('is quiet for a victim known by pseudonym only, whatever consent says', () => {
    expect(consentDisplay({ realNameKnown: false, consentToBeNamed: 'refused' })).toEqual({ key: 'consent.pseudonymOnly', tone: 'quiet' });
  });

  it('warns while consent to name a known person is not recorded, and marks a refusal as blocking', () => {
    expect(consentDisplay({ realNameKnown: true, consentToBeNamed: 'notRecorded' })).toEqual({ key: 'consent.notRecorded', tone: 'warn' });
    expect(consentDisplay({ realNameKnown: true, consentToBeNamed: 'refused' })).toEqual({ key: 'consent.refused', tone: 'block' });
    expect(consentDisplay({ realNameKnown: true, consentToBeNamed: 'given' })).toEqual({ key: 'consent.given', tone: 'ok' });
  });
});

describe('the routes a plan step offers', () => {
  it('offers the Special Procedures communication for a step naming a Special Rapporteur or the Working Group', () => {
    expect(routesForStep({ mechanismId: 'sr-privacy', stage: 'un' })).toEqual(['spCommunication']);
    expect(routesForStep({ mechanismId: 'wg-business-human-rights', stage: 'other' })).toEqual(['spCommunication']);
  });

  it('offers the UPR for the State review, the NCP for the OECD, BHRRC and Oversight Board for theirs', () => {
    expect(routesForStep({ mechanismId: 'upr', stage: 'un-state-review' })).toEqual(['uprStakeholder']);
    expect(routesForStep({ mechanismId: null, stage: 'oecd-ncp' })).toEqual(['ncpSpecificInstance']);
    expect(routesForMechanism('bhrrc')).toEqual(['bhrrcResponse']);
    expect(routesForMechanism('oversight-board')).toEqual(['oversightBoard']);
  });

  it('offers several routes, the mechanism’s first, when mechanism and stage point different ways', () => {
    expect(routesForStep({ mechanismId: 'oversight-board', stage: 'direct' })).toEqual(['oversightBoard', 'rightOfReply']);
    expect(routesForStep({ mechanismId: null, stage: 'company-channels' })).toEqual(['trustedPartner', 'oversightBoard', 'rightOfReply']);
  });

  it('offers every route when nothing about the step points at one', () => {
    expect(routesForStep({ mechanismId: 'gni', stage: 'collective' })).toEqual([...SUBMISSION_ROUTES]);
    expect(routesForStep({})).toEqual([...SUBMISSION_ROUTES]);
  });
});

describe('the route section’s summary', () => {
  it('counts the route’s own fields that hold something, not the choices that always have a value', () => {
    const sp = formFromSubmission(saved('spCommunication'));
    // victims, perpetrators, dates and places, facts, domestic steps, request, mandates
    expect(filledFields('spCommunication', sp.fields)).toEqual({ filled: 7, total: 7 });
    expect(filledFields('spCommunication', { ...sp.fields, facts: '  ', victims: [], perpetratorCompanyIds: [], stateActors: '' })).toEqual({ filled: 4, total: 7 });
    const upr = formFromSubmission(saved('uprStakeholder'));
    expect(filledFields('uprStakeholder', { ...upr.fields, recommendations: [] })).toEqual({ filled: 3, total: 4 });
  });
});
