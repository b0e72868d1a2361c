// The requirements panel, rule by rule, on drafts a user could write: a UPR draft over the word
// limit (individual and joint), recommendations addressed to a company, a Special Procedures draft
// naming a victim without consent or against a refusal, no domestic steps, missing fields, a
// language the body does not accept, the mechanism's exposure notes, and the identity check of the
// export path. Real encrypted vaults, through the dispatcher, except where a limit the body itself
// enforces is fed in to show that only such a limit blocks.
import crypto from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { SubmissionDraft, type Requirements, type SubmissionDraft as Draft } from '@shared/api/submissions';
import { checkRequirements } from '../../../electron/core/submissions/requirements';
import { countWords } from '@shared/domain/word-count';
import { templateBook } from '../../../electron/core/submissions/templates';
import { unlockedCore, type TestCore } from '../../helpers/core';
import { createVault, harness } from '../vault/helpers';

let t: TestCore;
afterEach(async () => t?.core.close());
const uuid = () => crypto.randomUUID();

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i % 7}`).join(' ');
const keys = (r: Requirements) => r.items.map((i) => `${i.level}:${i.key}`);
const item = (r: Requirements, key: string) => r.items.find((i) => i.key === key);

function upr(body: string, extra: Partial<Extract<Draft['fields'], { route: 'uprStakeholder' }>> = {}): Draft {
  return {
    route: 'uprStakeholder',
    title: 'UPR: Viet Nam, 4th cycle',
    fields: { route: 'uprStakeholder', stateUnderReview: 'VN', cycle: '4th cycle', recommendations: [{ id: uuid(), text: 'Repeal Decree 72.', addressee: 'state' }], ...extra },
    body,
    filingDeadline: '2027-03-01',
  };
}

function sp(fields: Partial<Extract<Draft['fields'], { route: 'spCommunication' }>>, body = 'Facts as documented.', language = 'en'): Draft {
  return {
    route: 'spCommunication',
    title: 'Allegation letter',
    fields: { route: 'spCommunication', facts: 'Posts removed.', datesAndPlaces: 'Hanoi, March 2026', request: 'Write to the government.', domesticSteps: 'A complaint to the Ministry went unanswered.', ...fields },
    body,
    language,
    filingDeadline: '2027-01-10',
  };
}

const check = (draft: Draft) => t.call('submissions.requirements', { draft });

describe('the requirements panel', () => {
  it('counts words against the UPR limit for an individual and a joint submission, and warns (the limits are not confirmed) with their source', async () => {
    t = await unlockedCore();
    const under = await check(upr(words(2815)));
    expect(under.wordCount).toEqual({ words: 2815, limit: 2815 });
    expect(keys(under).filter((k) => k.includes('WordLimit'))).toEqual([]);

    const over = await check(upr(words(2816)));
    expect(over.wordCount).toEqual({ words: 2816, limit: 2815 });
    expect(item(over, 'overWordLimitIndividual')).toMatchObject({
      level: 'warn',
      params: { words: 2816, limit: 2815, asOf: '2026-12-01' },
      source: { verified: false, checked: '2026-12-01', url: expect.stringMatching(/^https:\/\//) },
    });
    expect(over.blocked).toBe(false);

    // The same text is within the limit for a joint submission, which says so by its own count.
    const joint = await check(upr(words(2816), { joint: true, coalitionMembers: ['Partner One'] }));
    expect(joint.wordCount).toEqual({ words: 2816, limit: 5630 });
    expect(keys(joint).filter((k) => k.includes('WordLimit'))).toEqual([]);
    expect(item(await check(upr(words(5631), { joint: true, coalitionMembers: ['Partner One'] })), 'overWordLimitJoint')).toMatchObject({ level: 'warn', params: { limit: 5630 } });
    expect(item(await check(upr('x', { joint: true })), 'noCoalitionMembers')).toMatchObject({ level: 'warn' });
  });

  it('blocks over a limit only where the body itself says a longer submission is not accepted, and the page confirmed it', async () => {
    const h = harness();
    await createVault(h);
    const book = templateBook('resources');
    const template = book.of('uprStakeholder');
    const limit = { applies: 'individual', words: 10, asOf: '2026-12-01', source: { title: 'Guidelines', url: 'https://www.ohchr.org/guidelines' } } as const;
    const draft = SubmissionDraft.parse(upr(words(11)));
    const run = (overLimit: 'notAccepted' | 'notSaid', verified: boolean) =>
      checkRequirements(h.service.database(), template, draft, { gate: { review: () => ({ flags: [], undecided: 0 }) }, limits: () => [{ ...limit, overLimit, verified }] });
    expect(item(run('notAccepted', true), 'overWordLimitIndividual')?.level).toBe('block');
    expect(run('notAccepted', true).blocked).toBe(true);
    expect(item(run('notAccepted', false), 'overWordLimitIndividual')?.level).toBe('warn');
    expect(item(run('notSaid', true), 'overWordLimitIndividual')?.level).toBe('warn');
    h.service.lock('user');
  });

  it('warns about a recommendation addressed to someone other than the State, or naming a company in the vault as the one to act', async () => {
    t = await unlockedCore();
    await t.call('companies.save', { name: 'Example Platform', sector: 'social-media' });
    const r = await check(
      upr('Text.', {
        recommendations: [
          { id: uuid(), text: 'Repeal Decree 72.', addressee: 'state' },
          { id: uuid(), text: 'Publish transparency reports.', addressee: 'other' },
          { id: uuid(), text: 'Example Platform should publish every takedown request.', addressee: 'state' },
          { id: uuid(), text: 'Require Example Platform to publish every takedown request.', addressee: 'state' },
        ],
      }),
    );
    expect(r.items.filter((i) => i.key.startsWith('recommendation')).map((i) => [i.key, i.params])).toEqual([
      ['recommendationNotToState', { number: 2 }],
      ['recommendationNamesCompany', { number: 3, company: 'Example Platform' }],
    ]);
    expect(item(r, 'recommendationNotToState')?.source?.checked).toBe('2026-12-01');
  });

  it('warns about a victim whose real name is known without consent recorded, and blocks a refused victim whose name is in the text', async () => {
    t = await unlockedCore();
    const mai = await t.call('people.save', { realName: 'Trần Thị Mai', pseudonym: 'Source M', givenName: 'Mai', note: '', aliases: [], otherScripts: [], handles: [], emails: [], phones: [], urls: [] });
    const unknown = { id: uuid(), pseudonym: 'Victim B', realNameKnown: true, consentToBeNamed: 'notRecorded' as const, personId: null };
    const refused = { id: uuid(), pseudonym: 'Source M', realNameKnown: true, consentToBeNamed: 'refused' as const, personId: mai.id };

    const named = await check(sp({ victims: [unknown, refused] }, 'Trần Thị Mai was detained on 3 March.'));
    expect(item(named, 'victimConsentNotRecorded')).toMatchObject({ level: 'warn', params: { victim: 'Victim B' } });
    expect(item(named, 'victimNamedAgainstRefusal')).toMatchObject({ level: 'block', params: { victim: 'Source M' } });
    expect(named.blocked).toBe(true);

    // The same refusal with the name replaced by the pseudonym: nothing blocks.
    const clean = await check(sp({ victims: [refused] }, 'Source M was detained on 3 March.'));
    expect(item(clean, 'victimNamedAgainstRefusal')).toBeUndefined();
    expect(clean.blocked).toBe(false);
    const given = await check(sp({ victims: [{ ...unknown, consentToBeNamed: 'given' }] }));
    expect(item(given, 'victimConsentNotRecorded')).toBeUndefined();
  });

  it('warns when no domestic steps are described, when required fields are missing, and when the language is not one the body accepts', async () => {
    t = await unlockedCore();
    const bare = await check(sp({ domesticSteps: '', facts: '', request: '' }, 'x', 'de'));
    expect(item(bare, 'noDomesticSteps')).toMatchObject({ level: 'warn', source: { verified: false } });
    expect(bare.items.filter((i) => i.key === 'missingField').map((i) => i.params.field)).toEqual(['victims', 'facts', 'request']);
    expect(item(bare, 'languageNotAccepted')).toMatchObject({ level: 'warn', params: { languages: 'en, fr, es' } });
    expect(bare.blocked).toBe(false);

    const french = await check(sp({ victims: [{ id: uuid(), pseudonym: 'A', realNameKnown: false, consentToBeNamed: 'given', personId: null }] }, 'Texte.', 'fr-CA'));
    expect(keys(french).filter((k) => k.startsWith('warn:'))).toEqual([]);
  });

  it('warns when an Oversight Board draft names no Meta platform among its companies, and advises SMART UPR recommendations', async () => {
    t = await unlockedCore();
    const other = (await t.call('companies.save', { name: 'Example Platform', sector: 'social-media' })).id;
    const meta = (await t.call('companies.save', { name: 'Meta Platforms (Facebook)', sector: 'social-media' })).id;
    const board = (companyIds: string[]): Draft => ({
      route: 'oversightBoard',
      title: 'Appeal',
      companyIds,
      fields: { route: 'oversightBoard', kind: 'appeal', caseReference: 'OB-123', contentDescription: 'A removed post.', policyArguments: 'Newsworthy.' },
      body: 'Text.',
      filingDeadline: '2027-01-10',
    });
    expect(item(await check(board([other])), 'notMetaPlatform')).toMatchObject({ level: 'warn', source: { verified: false, checked: '2026-12-01' } });
    expect(item(await check(board([other, meta])), 'notMetaPlatform')).toBeUndefined();
    expect(item(await check(board([])), 'notMetaPlatform')).toBeUndefined();
    expect(item(await check(upr('Text.')), 'rules.uprStakeholder.smart')).toMatchObject({ level: 'info', source: { verified: false } });
  });

  it('lists the mechanism\'s exposure notes and informative rules, each with its source and the date it was checked', async () => {
    t = await unlockedCore();
    const r = await check(sp({}));
    expect(item(r, 'exposure.spCommunication.published')).toMatchObject({ level: 'info', source: { checked: '2026-12-01', url: expect.stringMatching(/^https?:\/\//) } });
    expect(item(r, 'rules.spCommunication.publication60Days')).toMatchObject({ level: 'info', source: { verified: false } });
  });

  it('runs the identity check of the export path on the draft\'s text and summarises what it flags', async () => {
    t = await unlockedCore();
    const flagged = await check(sp({}, 'Call the witness on +84 903 555 0147 or write to witness@example.org.'));
    expect(item(flagged, 'identityFlags')).toMatchObject({ level: 'warn', params: { count: 2, undecided: 2 } });
    const clean = await check(sp({}));
    expect(item(clean, 'identityClear')).toMatchObject({ level: 'info' });
  });

  it('checks a saved draft by id the same as the draft itself, and a draft past its deadline', async () => {
    t = await unlockedCore({ now: () => new Date('2027-04-01T00:00:00Z') });
    const saved = await t.call('submissions.save', upr(words(2816)));
    const byId = await t.call('submissions.requirements', { id: saved.id });
    expect(keys(byId)).toEqual(keys(await check(upr(words(2816)))));
    expect(item(byId, 'deadlinePassed')).toMatchObject({ level: 'warn', params: { date: '2027-03-01' } });
    expect(item(await check({ ...upr('x'), filingDeadline: null }), 'noDeadline')?.level).toBe('warn');
  });
});

describe('counting words', () => {
  it('counts words as a reader does, without Markdown marks, link targets or paragraph numbers', () => {
    expect(countWords('## Recommendations\n\n1. Repeal **Decree 72** ([text](https://example.org/a-b-c)).\n- State-owned media’s role')).toBe(8);
    expect(countWords('')).toBe(0);
  });
});
