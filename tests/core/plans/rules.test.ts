// The pure rules of plans and packages: ladder templates, the six principles, the OECD NCP hint,
// package validation and the timeline.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PRINCIPLES } from '@shared/api/plans';
import type { DueItem } from '@shared/api/diary';
import { checkPackage, type CheckablePackage } from '../../../electron/core/plans/package-check';
import { oecdAdherence } from '../../../electron/core/plans/oecd';
import { principlesFromSection } from '../../../electron/core/plans/principles';
import { completePrinciples, findTemplate, LADDER_TEMPLATES, stepsFromTemplate } from '../../../electron/core/plans/templates';
import { buildTimeline, currentStep } from '../../../electron/core/plans/timeline';

const mechanismIds = new Set((JSON.parse(fs.readFileSync('resources/kb/mechanisms.json', 'utf8')) as Array<{ id: string }>).map((m) => m.id));
const ADHERING = [
  { country: 'Australia', iso2: 'AU' },
  { country: 'Japan', iso2: 'JP' },
  { country: 'Republic of Korea', iso2: 'KR' },
  { country: 'New Zealand', iso2: 'NZ' },
  { country: 'Kazakhstan', iso2: 'KZ' },
];

describe('escalation ladder templates', () => {
  it('climb the toolkit ladder in order, from direct engagement to an OECD NCP complaint', () => {
    const stages = findTemplate('full-ladder')!.steps.map((s) => s.stage);
    expect(stages).toEqual(['direct', 'collective', 'industry', 'cross-constituency', 'accountability-platform', 'un', 'un', 'oecd-ncp']);
  });

  it('link every step to an entry that exists in the directory', () => {
    for (const template of LADDER_TEMPLATES) {
      for (const s of template.steps) if (s.mechanismId) expect(mechanismIds, `${template.id}: ${s.mechanismId}`).toContain(s.mechanismId);
    }
    const full = findTemplate('full-ladder')!.steps.map((s) => s.mechanismId);
    expect(full).toEqual(expect.arrayContaining(['gni', 'bhrrc', 'sr-freedom-of-expression', 'un-rbhr-forum-ap', 'oecd-ncp']));
  });

  it('give each new plan fresh step ids, unscheduled, with the trigger to watch', () => {
    const a = stepsFromTemplate(findTemplate('stalled-dialogue')!);
    const b = stepsFromTemplate(findTemplate('stalled-dialogue')!);
    expect(new Set([...a, ...b].map((s) => s.id)).size).toBe(a.length * 2);
    expect(a.every((s) => s.status === 'planned' && s.targetDate === null && s.trigger.length > 0)).toBe(true);
  });

  it('keep all six principles, in order, whatever the draft held', () => {
    const checks = completePrinciples([{ key: 'safety', done: true, note: 'Signal only' }]);
    expect(checks.map((c) => c.key)).toEqual([...PRINCIPLES]);
    expect(checks[3]).toEqual({ key: 'safety', done: true, note: 'Signal only' });
  });
});

describe('the six principles from the toolkit', () => {
  it('quotes each principle from the safe-engagement section, links reduced to their text', () => {
    const markdown = fs.readFileSync('resources/kb/sections/04-safe-engagement.md', 'utf8');
    const principles = principlesFromSection(markdown);
    expect(principles.map((p) => p.title)).toEqual([
      'Do Your Homework',
      'Engage the Right People',
      'Act Collectively',
      'Prioritise Safety',
      'Document Everything',
      'Escalate When Needed',
    ]);
    expect(principles[1]!.guidance).toMatch(/^Target teams responsible for human rights/);
    expect(principles[2]!.guidance).toContain('South East Asia Collaborative Policy Network (SEA CPN)');
    expect(principles[2]!.guidance).not.toContain('mechanism:');
    expect(principles.every((p) => p.guidance.length > 40)).toBe(true);
  });

  it('keeps all six rows even if a heading is missing', () => {
    const principles = principlesFromSection('### 01 Do Your Homework\nResearch first.');
    expect(principles).toHaveLength(6);
    expect(principles[5]).toMatchObject({ key: 'escalate', title: 'Escalate When Needed', guidance: '' });
  });
});

describe('the OECD NCP hint', () => {
  it('offers the NCP step when the headquarters state adheres', () => {
    const hint = oecdAdherence(ADHERING, 'JP', []);
    expect(hint).toMatchObject({ status: 'adheres', offerStep: true, adhering: [{ iso2: 'JP', role: 'headquarters' }] });
    expect(hint.sentence).toMatch(/^Japan, where the company has its headquarters, adheres/);
  });

  it('offers it when a chosen state of operation adheres, even if the headquarters is not recorded', () => {
    const hint = oecdAdherence(ADHERING, 'US', ['TH', 'AU']);
    expect(hint.status).toBe('adheres');
    expect(hint.adhering).toEqual([{ country: 'Australia', iso2: 'AU', role: 'operations' }]);
    expect(hint.notRecorded).toEqual(['US', 'TH']);
    expect(hint.sentence).toContain('Australia, where the company operates, adheres');
  });

  it('says "not recorded", never "does not adhere", for a state missing from the directory', () => {
    const hint = oecdAdherence(ADHERING, 'US', ['TH']);
    expect(hint).toMatchObject({ status: 'not-recorded', offerStep: false });
    expect(hint.sentence).toContain('does not record United States and Thailand as adhering');
    expect(hint.sentence).toContain('That is not proof');
    expect(hint.sentence).toContain("Check the OECD's list of adherents");
    expect(hint.sentence).not.toMatch(/does not adhere\b/);
  });

  it('asks for a country when none is known', () => {
    expect(oecdAdherence(ADHERING, '', [])).toMatchObject({ status: 'no-country', offerStep: false });
  });
});

describe('evidence package validation', () => {
  const complete = (): CheckablePackage => ({
    title: 'Before the UN RBHR Forum',
    findings: [
      { title: 'Removals', statement: 'Independent media removed', evidence: [{}] },
      { title: 'Restrictions', statement: 'Accounts restricted', evidence: [{}] },
    ],
    risksSummary: 'Chilling effect',
    asks: [
      { audience: 'company', text: 'Publish government requests' },
      { audience: 'company', text: 'Name an escalation contact' },
      { audience: 'company', text: 'Consult affected communities' },
      { audience: 'government', text: 'Repeal the decree' },
      { audience: 'government', text: 'Stop takedown orders without review' },
    ],
    forumMechanismId: 'un-rbhr-forum-ap',
    partners: [{}],
  });

  it('is ready with two findings with evidence, a risks summary, five split asks, a forum and partners', () => {
    expect(checkPackage(complete())).toEqual({ ready: true, problems: [], asksWritten: 5, findingsWritten: 2 });
  });

  it('counts the asks written: "4 of 5 asks written"', () => {
    const pkg = complete();
    pkg.asks[4]!.text = '  ';
    const check = checkPackage(pkg);
    expect(check.ready).toBe(false);
    expect(check.asksWritten).toBe(4);
    expect(check.problems).toContainEqual({ field: 'asks', message: '4 of 5 asks written.' });
  });

  it('asks for at least two findings, each with supporting evidence', () => {
    const pkg = complete();
    pkg.findings = [{ title: '', statement: 'Only one', evidence: [] }];
    const messages = checkPackage(pkg).problems.map((p) => p.message);
    expect(messages).toContain('Add at least two findings: 1 is written so far.');
    expect(messages).toContain('Finding 1 has no supporting evidence: link an engagement, an attachment or an impact.');
  });

  it('wants the asks split between companies and governments', () => {
    const pkg = complete();
    for (const ask of pkg.asks) ask.audience = 'company';
    expect(checkPackage(pkg).problems.map((p) => p.message)).toEqual(['Every ask is to companies: address at least one to governments.']);
  });

  it('explains everything missing from an empty package', () => {
    const check = checkPackage({ title: '', findings: [], risksSummary: '', asks: [], forumMechanismId: null, partners: [] });
    expect(check.problems.map((p) => p.field)).toEqual(['title', 'findings', 'risksSummary', 'asks', 'forumMechanismId', 'partners']);
  });
});

describe('the timeline', () => {
  const due: DueItem = {
    kind: 'commitment',
    id: crypto.randomUUID(),
    engagementId: crypto.randomUUID(),
    companyId: crypto.randomUUID(),
    companyName: 'Example Platform',
    text: 'Review 40 flagged posts',
    owner: '',
    dueDate: '2026-10-15',
    overdue: true,
  };
  const step = (title: string, status: string, targetDate: string | null, triggerDate: string | null) => ({ planId: 'p', planTitle: 'Plan', title, status, targetDate, triggerDate });

  it('merges step dates and due commitments in date order, marking what is overdue', () => {
    const items = buildTimeline([step('Joint letter', 'planned', '2026-11-01', '2026-10-20'), step('Done already', 'done', '2026-10-01', null)], [due], '2026-10-18', '2027-01-01');
    expect(items.map((i) => [i.kind, i.date, i.overdue])).toEqual([
      ['commitment', '2026-10-15', true],
      ['step-trigger', '2026-10-20', false],
      ['step-target', '2026-11-01', false],
    ]);
  });

  it('leaves out steps beyond the horizon, and names the current step', () => {
    expect(buildTimeline([step('Later', 'planned', '2027-06-01', null)], [], '2026-10-18', '2027-01-01')).toEqual([]);
    expect(currentStep([{ title: 'A', status: 'done' }, { title: 'B', status: 'skipped' }, { title: 'C', status: 'planned' }])).toBe('C');
  });
});
