// Starting a draft from the vault's records, for every route: the company, findings, asks, sources
// with their pinned hashes, the engagement history with dates and commitments, and stakeholders by
// pseudonym only, put into the route's fields and into a body laid out as the template says.
// Real encrypted vaults, through the dispatcher.
import { afterEach, describe, expect, it } from 'vitest';
import { SUBMISSION_ROUTES, type Submission, type SubmissionFields } from '@shared/api/submissions';
import { unlockedCore, type TestCore } from '../../helpers/core';
import { REAL_NAME } from '../assessments/fixtures';
import { fullVault } from '../exchange/fixtures';

let t: TestCore;
afterEach(async () => t?.core.close());

const fieldsOf = <R extends SubmissionFields['route']>(s: Submission, route: R) => {
  expect(s.fields.route).toBe(route);
  return s.fields as Extract<SubmissionFields, { route: R }>;
};

/** The text of one "## Heading" section of a body. */
function section(body: string, heading: string): string {
  const start = body.indexOf(`## ${heading}\n`);
  expect(start, heading).toBeGreaterThanOrEqual(0);
  const rest = body.slice(start + heading.length + 4);
  const end = rest.indexOf('\n## ');
  return (end === -1 ? rest : rest.slice(0, end)).trim();
}

describe('starting a submission draft', () => {
  it('starts every route from a package, saved at once, with the company and the source', async () => {
    t = await unlockedCore();
    const f = await fullVault(t);
    for (const route of SUBMISSION_ROUTES) {
      const draft = await t.call('submissions.start', { route, source: { kind: 'package', id: f.pkg.id } });
      expect(draft).toMatchObject({ route, source: { kind: 'package', id: f.pkg.id }, companyIds: [f.company.id], status: 'drafting', version: 1, includeHashAppendix: false });
      expect(await t.call('submissions.get', { id: draft.id })).toEqual(draft);
      expect(draft.body.length, route).toBeGreaterThan(0);
      // Never the private name of an assessment's stakeholder, whatever the route.
      expect(JSON.stringify(draft)).not.toContain(REAL_NAME);
    }
    expect((await t.call('submissions.list', { source: { kind: 'package', id: f.pkg.id } })).total).toBe(SUBMISSION_ROUTES.length);
  });

  it('fills a UPR submission with the asks to the government as recommendations to the State, numbered paragraphs and the coalition', async () => {
    t = await unlockedCore();
    const f = await fullVault(t);
    const upr = await t.call('submissions.start', { route: 'uprStakeholder', source: { kind: 'package', id: f.pkg.id } });
    const fields = fieldsOf(upr, 'uprStakeholder');
    expect(fields.recommendations.map((r) => [r.text, r.addressee])).toEqual([
      ['Stop takedown orders without judicial review.', 'state'],
      ['Repeal the decree on online content.', 'state'],
    ]);
    expect(fields).toMatchObject({ joint: true, coalitionMembers: ['Partner One', 'Partner Two'] });
    // Paragraphs are numbered across sections, as OHCHR asks.
    expect(section(upr.body, 'The situation on the ground')).toMatch(/^1\. \*\*Wrongful removals\.\*\*/);
    expect(section(upr.body, 'Engagement with companies')).toMatch(/^\d+\. 2026-10-01: T&S lead committed to: Review 40 flagged posts \(due 2026-10-15, open\)/);
    expect(section(upr.body, 'Recommendations')).toMatch(/\d+\. Stop takedown orders without judicial review\.\n\n\d+\. Repeal the decree/);
  });

  it('fills an NCP specific instance with the enterprise, the engagement history with dates and commitments, and the evidence with its hashes', async () => {
    t = await unlockedCore();
    const f = await fullVault(t);
    const ncp = await t.call('submissions.start', { route: 'ncpSpecificInstance', source: { kind: 'package', id: f.pkg.id } });
    expect(fieldsOf(ncp, 'ncpSpecificInstance').enterprises).toEqual({ companyIds: [f.company.id], entityNames: ['Example Platform'] });
    // The NCP the directory's routing leads with, for the company's home and the plan's countries.
    const { harmCountries, operatingCountries, entityCountries } = f.plan;
    const routing = await t.call('plans.oecd', { hqCountry: 'JP', harmCountries, operatingCountries, entityCountries });
    expect(routing.status).toBe('routed');
    expect(fieldsOf(ncp, 'ncpSpecificInstance').ncpId).toBe(routing.ncps.find((n) => n.lead)!.iso2);
    expect(section(ncp.body, 'The enterprise')).toBe('Example Platform (headquarters: JP)');
    const history = section(ncp.body, 'Engagement with the enterprise');
    expect(history).toContain('2026-10-01 (call): Video call with trust and safety');
    expect(history).toContain('2026-10-20 (call): Follow-up call');
    expect(history.indexOf('2026-10-01')).toBeLessThan(history.indexOf('2026-10-20'));
    expect(history).toContain('Concerns raised: Wrongful removals of independent media. Commitments: T&S lead committed to: Review 40 flagged posts (due 2026-10-15, open).');
    const evidence = section(ncp.body, 'Evidence');
    const pinned = f.pkg.findings.flatMap((finding) => finding.evidence.map((link) => link.hash!));
    for (const hash of pinned) expect(evidence).toContain(hash);
    expect(section(ncp.body, 'Desired outcome')).toContain('- Publish every government takedown request.');
  });

  it('fills a BHRRC request with the sources and their hashes, and the questions from the asks to the company', async () => {
    t = await unlockedCore();
    const f = await fullVault(t);
    const bhrrc = fieldsOf(await t.call('submissions.start', { route: 'bhrrcResponse', source: { kind: 'package', id: f.pkg.id } }), 'bhrrcResponse');
    expect(bhrrc.sources).toHaveLength(3);
    expect(bhrrc.sources.every((s) => /^[0-9a-f]{64}$/.test(s.hash ?? ''))).toBe(true);
    expect(bhrrc.questions).toBe('- Publish every government takedown request.\n- Name a regional escalation contact for CSOs.\n- Consult affected communities in due diligence.');
    expect(bhrrc.allegationSummary).toContain('**Wrongful removals.**');
  });

  it('fills a right-of-reply letter with the findings to publish, and a partner escalation with the asks, as letters', async () => {
    t = await unlockedCore();
    const f = await fullVault(t);
    const reply = await t.call('submissions.start', { route: 'rightOfReply', source: { kind: 'package', id: f.pkg.id } });
    expect(fieldsOf(reply, 'rightOfReply').findingsToPublish).toContain('**Account restrictions.**');
    expect(reply.body.startsWith('**Findings we intend to publish**')).toBe(true);
    const partner = await t.call('submissions.start', { route: 'trustedPartner', source: { kind: 'package', id: f.pkg.id } });
    expect(fieldsOf(partner, 'trustedPartner').ask).toContain('- Name a regional escalation contact for CSOs.');
  });

  it('fills a Special Procedures communication from an assessment with its stakeholders by pseudonym, their consent, and no private name', async () => {
    t = await unlockedCore();
    const f = await fullVault(t);
    const sp = await t.call('submissions.start', { route: 'spCommunication', source: { kind: 'assessment', id: f.assessment.id } });
    const fields = fieldsOf(sp, 'spCommunication');
    // The fixture's stakeholders refused a UN submission: the draft says so for each.
    expect(fields.victims.map((v) => [v.pseudonym, v.consentToBeNamed, v.realNameKnown, v.personId])).toEqual([
      ['Activist A', 'refused', false, null],
      ['Outlet B', 'refused', false, null],
    ]);
    expect(fields.perpetrators.companyIds).toEqual([f.company.id]);
    expect(fields.facts).toContain('Removals silence media');
    expect(section(sp.body, 'Alleged victims')).toBe('- Activist A\n- Outlet B');
    expect(JSON.stringify(sp)).not.toContain(REAL_NAME);
  });

  it('starts from a plan step with its mandates and target date, the plan\'s package, and only the linked diary entries', async () => {
    t = await unlockedCore();
    const f = await fullVault(t);
    const step = f.plan.steps.find((s) => s.mandates.length > 0)!;
    const plan = await t.call('plans.save', { ...f.plan, steps: f.plan.steps.map((s) => (s.id === step.id ? { ...s, targetDate: '2027-01-15' } : s)) });
    const sp = await t.call('submissions.start', { route: 'spCommunication', source: { kind: 'planStep', planId: plan.id, stepId: step.id }, title: 'Joint communication on removals' });
    expect(sp).toMatchObject({ title: 'Joint communication on removals', filingDeadline: '2027-01-15', source: { kind: 'planStep', planId: plan.id, stepId: step.id } });
    expect(fieldsOf(sp, 'spCommunication').mandates).toEqual(step.mandates);
    expect(step.mandates.length).toBeGreaterThan(1);
    // The plan's package gives the findings; its evidence links both calls.
    expect(fieldsOf(sp, 'spCommunication').facts).toContain('Wrongful removals');
    const history = section(sp.body, 'Engagement with the company');
    expect(history).toContain('Video call with trust and safety');
    expect((await t.call('submissions.list', { source: { kind: 'planStep', id: plan.id, stepId: step.id } })).items.map((s) => s.id)).toEqual([sp.id]);
    expect((await t.call('submissions.list', { source: { kind: 'planStep', id: plan.id } })).total).toBe(1);
  });

  it('takes only the company\'s latest 20 diary entries when the source links none', async () => {
    t = await unlockedCore();
    const f = await fullVault(t);
    for (let day = 1; day <= 25; day += 1) {
      await t.call('engagements.save', { occurredAt: `2026-11-${String(day).padStart(2, '0')}T08:00:00.000Z`, companyId: f.company.id, channel: 'email', title: `Email ${day}` });
    }
    const ncp = await t.call('submissions.start', { route: 'ncpSpecificInstance', source: { kind: 'assessment', id: f.assessment.id } });
    const lines = section(ncp.body, 'Engagement with the enterprise').split('\n');
    expect(lines).toHaveLength(20);
    expect(lines[0]).toContain('2026-11-06 (email): Email 6');
    expect(lines.at(-1)).toContain('2026-11-25 (email): Email 25');
  });

  it('starts a blank draft of a route from no record, with the template\'s headings', async () => {
    t = await unlockedCore();
    const ob = await t.call('submissions.start', { route: 'oversightBoard', source: null });
    expect(ob).toMatchObject({ source: null, companyIds: [], title: 'Oversight Board appeal or public comment' });
    expect(ob.body).toBe("## The content and Meta's decision\n\n## Context\n\n## Policy and human rights arguments");
  });
});
