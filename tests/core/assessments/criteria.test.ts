// What an assessment needs before its findings are credible and publishable, without a database:
// severity rated on the UNGPs' criteria (never guessed), the company's involvement, consent per use
// and the care a minor needs, corroboration, the steps before publication, and phase 8's rule.
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AssessmentDraft, HARM_CATEGORIES, Publication, SeverityRating } from '@shared/api/assessments';
import { deriveSeverity } from '@shared/domain/severity';
import { checkAssessment } from '../../../electron/core/assessments/check';
import { severityText } from '../../../electron/core/assessments/labels';
import { assembleReportMarkdown } from '../../../electron/core/assessments/report-markdown';
import { datesIn } from '../../../electron/core/exports/document';
import { exportLabels } from '../../../electron/core/exports/labels';
import { phaseProgress, publicationMissing } from '../../../electron/core/assessments/rules';

const uuid = () => crypto.randomUUID();
const blank = () => AssessmentDraft.parse({ title: 'Assessment' });
const missingIn = (draft: ReturnType<typeof blank>, phase: string) => phaseProgress(draft).find((p) => p.key === phase)!.missing;
const impactOf = (input: Record<string, unknown>) => AssessmentDraft.shape.impacts.unwrap().element.parse({ id: uuid(), ...input });
const findingOf = (input: Record<string, unknown>) => AssessmentDraft.shape.findings.unwrap().element.parse({ id: uuid(), title: 'F', statement: 'S', ...input });
const stakeholderOf = (input: Record<string, unknown>) => AssessmentDraft.shape.stakeholders.unwrap().element.parse({ id: uuid(), pseudonym: 'Student S', ...input });
const context = { frameworkName: (id: string) => id, companyName: null, day: datesIn('en-GB'), labels: exportLabels('en-GB') };

describe('severity', () => {
  it('defaults to not assessed, and the report says so rather than guessing', () => {
    const impact = impactOf({ title: 'Removal' });
    expect(impact.severity).toMatchObject({ scale: 'not-assessed', scope: 'not-assessed', irremediability: 'not-assessed', likelihood: 'not-assessed', earlier: null });
    expect(deriveSeverity(impact.severity, 'actual')).toEqual({ status: 'not-assessed', level: null, missing: ['scale', 'scope', 'irremediability'] });
    const markdown = assembleReportMarkdown({ ...blank(), impacts: [impact] }, context);
    expect(markdown).toContain('Severity: not assessed');
    expect(markdown).not.toMatch(/Severity: (Low|Medium|High|Critical)/);
  });

  it('gives no overall level until scale, scope and irremediability are all rated', () => {
    const partly = SeverityRating.parse({ scale: 'grave', scope: 'few' });
    expect(deriveSeverity(partly, 'actual')).toEqual({ status: 'partly-assessed', level: null, missing: ['irremediability'] });
    expect(severityText(partly, 'actual')).toBe('partly assessed (scale: grave; scope: a few people; not yet rated: irremediability)');
  });

  it('derives the overall level from the highest criterion, since one alone can make an impact severe', () => {
    expect(deriveSeverity(SeverityRating.parse({ scale: 'minor', scope: 'few', irremediability: 'remediable' }), 'actual').level).toBe('low');
    expect(deriveSeverity(SeverityRating.parse({ scale: 'grave', scope: 'few', irremediability: 'remediable' }), 'actual').level).toBe('critical');
    expect(deriveSeverity(SeverityRating.parse({ scale: 'moderate', scope: 'many', irremediability: 'remediable-with-effort' }), 'actual').level).toBe('high');
  });

  it('needs likelihood for a potential impact, which never lowers the level', () => {
    const rating = SeverityRating.parse({ scale: 'serious', scope: 'group', irremediability: 'hard-to-remedy' });
    expect(deriveSeverity(rating, 'actual').level).toBe('high');
    expect(deriveSeverity(rating, 'potential')).toEqual({ status: 'partly-assessed', level: null, missing: ['likelihood'] });
    expect(deriveSeverity({ ...rating, likelihood: 'unlikely' }, 'potential').level).toBe('high');
    expect(missingIn({ ...blank(), impacts: [impactOf({ nature: 'potential', severity: rating })] }, 'impacts')).toContain('Impact 1: rate its severity: likelihood.');
  });

  it('shows a rating made before the criteria existed as such, and asks for the criteria', () => {
    const earlier = SeverityRating.parse({ earlier: 'high' });
    expect(deriveSeverity(earlier, 'actual')).toMatchObject({ status: 'rated-before-criteria', level: 'high' });
    expect(severityText(earlier, 'actual')).toBe('High, rated before scale, scope and irremediability were recorded');
    expect(missingIn({ ...blank(), impacts: [impactOf({ severity: earlier })] }, 'impacts')).toContain(
      'Impact 1: its severity was rated before scale, scope and irremediability were recorded; rate each of them.',
    );
  });
});

describe('company involvement', () => {
  it('is not assessed by default, asked for in phase 5, and printed with its reason', () => {
    const impact = impactOf({ title: 'Doxxing' });
    expect(impact.involvement).toBe('not-assessed');
    expect(missingIn({ ...blank(), impacts: [impact] }, 'impacts')).toContain('Impact 1: say whether the company causes it, contributes to it or is directly linked to it.');
    const linked = impactOf({ involvement: 'directly-linked', involvementNote: 'A contractor leaked the data.' });
    expect(missingIn({ ...blank(), impacts: [linked] }, 'impacts').some((m) => m.includes('causes it'))).toBe(false);
    expect(assembleReportMarkdown({ ...blank(), impacts: [linked] }, context)).toContain(
      'Company involvement: directly linked to the company’s products, services or business relationships — A contractor leaked the data.',
    );
  });
});

describe('harm categories', () => {
  it('cover privacy as much as expression, the case studies’ harms and "other"', () => {
    for (const harm of [
      'data-disclosure-to-authorities',
      'surveillance',
      'data-breach-doxxing',
      'shutdown-throttling-geoblocking',
      'discriminatory-algorithms-ads',
      'failure-to-act-incitement-gbv',
      'no-effective-remedy',
      'wrongful-removal',
      'verification-abuse',
      'other',
    ]) {
      expect(HARM_CATEGORIES).toContain(harm);
    }
  });
});

describe('consent per use', () => {
  const member = uuid();
  const team = [{ id: member, name: 'R', role: 'Interviewer' }];
  const allGiven = { publication: 'given', company: 'given', unSubmission: 'given', citation: 'anonymous', takenBy: member, takenOn: '2026-02-01' };

  it('asks for each use separately, and who took consent when', () => {
    expect(stakeholderOf({}).consent).toMatchObject({ publication: 'not-asked', company: 'not-asked', unSubmission: 'not-asked', citation: 'not-asked', takenBy: null });
    const partly = stakeholderOf({ consent: { publication: 'given' } });
    expect(missingIn({ ...blank(), team, stakeholders: [partly] }, 'team')).toEqual([
      'Student S: record consent for each use: publication, sharing with the company, a UN submission, and how they may be cited.',
      'Student S: say which team member took consent, and when.',
    ]);
    expect(missingIn({ ...blank(), team, stakeholders: [stakeholderOf({ consent: allGiven })] }, 'team')).toEqual([]);
  });

  it('flags a minor without a guardian’s consent, and a minor to be cited by name', () => {
    const minor = stakeholderOf({ minor: true, consent: { ...allGiven, citation: 'named' } });
    expect(missingIn({ ...blank(), team, stakeholders: [minor] }, 'team')).toEqual([
      "Student S is a minor: record a parent's or guardian's consent as well as theirs.",
      'Student S is a minor: cite them anonymously, never by name.',
    ]);
    const careful = stakeholderOf({ minor: true, guardianConsent: true, consent: allGiven });
    expect(missingIn({ ...blank(), team, stakeholders: [careful] }, 'team')).toEqual([]);
    expect(assembleReportMarkdown({ ...blank(), team, stakeholders: [careful] }, context)).toContain('Student S (a minor) (consent: publication given');
  });

  it('keeps a finding from counting as publishable while it rests on someone who refused publication', () => {
    const refused = stakeholderOf({ consent: { ...allGiven, publication: 'refused' } });
    const impact = impactOf({ stakeholderIds: [refused.id] });
    const finding = findingOf({ impactIds: [impact.id] });
    expect(missingIn({ ...blank(), team, stakeholders: [refused], impacts: [impact], findings: [finding] }, 'findings')).toContain(
      'Impact 1 concerns Student S, who has not consented to publication: record their consent or leave the impact out of the findings.',
    );
  });
});

describe('consent to share with the company', () => {
  it('is asked for once the findings went to the company for its reply', () => {
    const member = uuid();
    const refused = stakeholderOf({ consent: { publication: 'given', company: 'refused', unSubmission: 'refused', citation: 'anonymous', takenBy: member, takenOn: '2026-02-01' } });
    const impact = impactOf({ stakeholderIds: [refused.id] });
    const draft = { ...blank(), stakeholders: [refused], impacts: [impact], findings: [findingOf({ impactIds: [impact.id] })] };
    const warning = 'Impact 1 concerns Student S, who has not consented to sharing their account with the company: make sure what was sent leaves it out, or record their consent.';
    expect(missingIn(draft, 'findings')).not.toContain(warning);
    const sent = Publication.parse({ rightOfReply: { status: 'sent', sentOn: '2026-03-01', replyDeadline: '2026-04-01' } });
    expect(missingIn({ ...draft, publication: sent }, 'findings')).toContain(warning);
  });
});

describe('corroboration', () => {
  const findingsMissing = (finding: ReturnType<typeof findingOf>) => missingIn({ ...blank(), findings: [finding] }, 'findings').filter((m) => m.startsWith('Finding 1'));
  const one = [{ text: 'Interview 1', type: 'first-hand' }];
  const two = [...one, { text: 'Takedown notice', type: 'platform-data' }];

  it('needs a second source or a stated reason before a finding counts as credible and publishable', () => {
    expect(findingsMissing(findingOf({ sources: one }))).toEqual(['Finding 1: say whether another source corroborates it.']);
    expect(findingsMissing(findingOf({ sources: one, corroboration: { status: 'corroborated' } }))).toEqual([
      'Finding 1 is marked corroborated but records one source: add the source that corroborates it.',
    ]);
    expect(findingsMissing(findingOf({ sources: one, corroboration: { status: 'single-source' } }))).toEqual([
      'Finding 1 rests on one source: say why that is enough, or add a corroborating source.',
    ]);
    expect(findingsMissing(findingOf({ sources: one, corroboration: { status: 'single-source', note: 'The company’s own public notice.' } }))).toEqual([]);
    expect(findingsMissing(findingOf({ sources: two, corroboration: { status: 'corroborated' } }))).toEqual([]);
  });

  it('still warns when a real name is written into a source', () => {
    const person = stakeholderOf({ pseudonym: 'Activist A' });
    const impact = impactOf({ sources: [{ text: 'Interview with Nguyễn Thị Hoa', type: 'first-hand' }] });
    const { nameHits } = checkAssessment({ ...blank(), stakeholders: [person], impacts: [impact] }, [{ stakeholderId: person.id, realName: 'Nguyễn Thị Hoa' }]);
    expect(nameHits).toEqual([expect.objectContaining({ pseudonym: 'Activist A', where: 'Phase 5 · Impact 1 · Sources' })]);
  });

  it('asks for the type of a source written before types were recorded', () => {
    const untyped = findingOf({ sources: [{ text: 'Old note' }, { text: 'Notice', type: 'document' }], corroboration: { status: 'corroborated' } });
    expect(findingsMissing(untyped)).toEqual(['Finding 1: say what kind each source is (first-hand, second-hand, document or platform data).']);
  });
});

describe('before publication', () => {
  it('asks for community validation, a right of reply and a legal review', () => {
    expect(publicationMissing(Publication.parse({}))).toEqual([
      'Return the draft findings to the affected people (community validation), or say why that is not possible.',
      'Offer the company a right of reply: send it the findings, directly or through a partner, with a deadline; or say why not.',
      'Have the report reviewed for legal risk before publication: defamation, computer-crime and SLAPP risk in the region.',
    ]);
  });

  it('waits for the company’s response or a missed deadline once the findings are sent through a partner', () => {
    const sent = Publication.parse({
      validation: { status: 'done', returnedOn: '2026-01-02', feedback: 'Confirmed.' },
      rightOfReply: { status: 'sent', route: 'partner', sentOn: '2026-01-05', replyDeadline: '2026-02-05' },
      legalReview: { status: 'done', reviewedOn: '2026-01-03', risks: 'Criminal defamation.' },
    });
    expect(publicationMissing(sent)).toEqual(['Describe the partner who sent the findings to the company.', "Record the company's response, or that none came by the deadline."]);
    const replied = { ...sent, rightOfReply: { ...sent.rightOfReply, partner: 'A partner', status: 'replied' as const, response: 'We disagree.', respondedOn: '2026-02-01' } };
    expect(publicationMissing(replied)).toEqual([]);
    expect(publicationMissing({ ...sent, rightOfReply: { ...sent.rightOfReply, partner: 'A partner', status: 'no-reply' } })).toEqual([]);
    expect(publicationMissing({ ...sent, rightOfReply: { ...sent.rightOfReply, status: 'not-sought' } })).toEqual(['Say why the company was not offered a right of reply.']);
  });
});

describe('phase 8', () => {
  it('counts as done once the findings are used in any recorded way, not only as an app plan and package', () => {
    expect(missingIn(blank(), 'use')).toEqual([
      'Record how the findings were used: a published report, a submission, company engagement, or a strategy plan and evidence package.',
    ]);
    const published = { ...blank(), use: { notes: '', deployments: [{ id: uuid(), kind: 'published-report' as const, what: 'Report published on our website', on: '2026-05-01' }] } };
    expect(missingIn(published, 'use')).toEqual([]);
    const submitted = { ...blank(), use: { notes: '', deployments: [{ id: uuid(), kind: 'submission' as const, what: 'UPR stakeholder submission', on: null }] } };
    expect(missingIn(submitted, 'use')).toEqual([]);
    const packaged = { ...blank(), use: { notes: '', deployments: [], packageId: uuid() } };
    expect(missingIn(packaged, 'use')).toEqual([]);
  });
});
