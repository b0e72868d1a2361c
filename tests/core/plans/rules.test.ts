// The pure rules of plans and packages: plan templates, the six principles, package validation and
// the timeline. OECD NCP routing has its own file (oecd-routing.test.ts).
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PRINCIPLES } from '@shared/api/plans';
import type { DueItem } from '@shared/api/diary';
import { checkPackage, type CheckablePackage } from '../../../electron/core/plans/package-check';
import { principlesFromSection } from '../../../electron/core/plans/principles';
import { completePrinciples, findTemplate, LADDER_TEMPLATES, linkedTo, stepsFromTemplate } from '../../../electron/core/plans/templates';
import { buildTimeline, currentStep, stepSpans } from '../../../electron/core/plans/timeline';

const mechanismIds = new Set((JSON.parse(fs.readFileSync('resources/kb/mechanisms.json', 'utf8')) as Array<{ id: string }>).map((m) => m.id));
describe('plan templates', () => {
  it("say they are the app's suggestions, never the toolkit's ordered ladder", () => {
    for (const template of LADDER_TEMPLATES) {
      expect(template.description).toContain("The app's suggestion, built from the toolkit's recommendations");
      expect(template.description).not.toMatch(/every rung the toolkit recommends|in order/i);
    }
  });

  it('never link the collective rung to SEA CPN or the industry rung to DRAPAC', () => {
    for (const s of LADDER_TEMPLATES.flatMap((t) => t.steps)) {
      if (s.stage === 'collective') expect(s.mechanismId).not.toBe('sea-cpn');
      if (s.stage === 'industry') expect(s.mechanismId).not.toBe('drapac');
    }
  });

  it('offer GNI only through a civil society member, and only where the company is a member', () => {
    const gni = LADDER_TEMPLATES.flatMap((t) => t.steps).filter((s) => s.mechanismId === 'gni');
    expect(gni.length).toBeGreaterThan(0);
    for (const s of gni) {
      expect(s.title).toMatch(/If the company is a GNI member/);
      expect(s.title).toMatch(/civil society member/);
    }
  });

  it('tell the user to check the public communications database, not to wait for an acknowledgement', () => {
    const special = LADDER_TEMPLATES.flatMap((t) => t.steps).filter((s) => s.stage === 'un' && s.mechanismId === 'sr-freedom-of-expression');
    expect(special.length).toBeGreaterThan(0);
    for (const s of special) {
      expect(s.trigger).not.toMatch(/acknowledgement within 60 days/i);
      expect(s.trigger).toContain('do not acknowledge');
      expect(s.trigger).toContain('communications database');
      expect(s.mandates.length).toBeGreaterThan(0);
    }
  });

  it('include company channels, investors, data protection, courts and State-side UN reviews', () => {
    const stages = new Set(LADDER_TEMPLATES.flatMap((t) => t.steps.map((s) => s.stage)));
    for (const stage of ['company-channels', 'investors', 'data-protection', 'courts', 'un-state-review'] as const) expect(stages).toContain(stage);
  });

  it('link a step only to an entry this directory has, and drop links it lacks', () => {
    for (const template of LADDER_TEMPLATES) {
      for (const s of linkedTo(template, mechanismIds).steps) if (s.mechanismId) expect(mechanismIds, `${template.id}: ${s.mechanismId}`).toContain(s.mechanismId);
    }
    expect(linkedTo(findTemplate('full-ladder')!, new Set(['bhrrc'])).steps.filter((s) => s.mechanismId).map((s) => s.mechanismId)).toEqual(['bhrrc']);
    const linked = new Set(LADDER_TEMPLATES.flatMap((t) => linkedTo(t, mechanismIds).steps.map((s) => s.mechanismId)));
    for (const id of ['oversight-board', 'trusted-partner-programmes', 'human-rights-committee', 'courts', 'upr', 'oecd-ncp']) expect(linked).toContain(id);
  });

  it('give each new plan fresh step ids, unscheduled, with the trigger to watch', () => {
    const a = stepsFromTemplate(findTemplate('stalled-dialogue')!);
    const b = stepsFromTemplate(findTemplate('stalled-dialogue')!);
    expect(new Set([...a, ...b].map((s) => s.id)).size).toBe(a.length * 2);
    expect(a.every((s) => s.status === 'planned' && s.startDate === null && s.targetDate === null && s.exposureAcknowledged === null && s.trigger.length > 0)).toBe(true);
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

describe('evidence package validation', () => {
  const confirmed = { status: 'confirmed', role: 'Legal adviser', on: '2026-11-20', note: '', source: 'package' } as const;
  const complete = (): CheckablePackage => ({
    title: 'Before the UN RBHR Forum',
    findings: [
      { title: 'Removals', statement: 'Independent media removed', evidence: [{}], review: { ...confirmed }, included: true },
      { title: 'Restrictions', statement: 'Accounts restricted', evidence: [{}], review: { ...confirmed }, included: true },
    ],
    risksSummary: 'Chilling effect',
    asks: [
      { audience: 'company', text: 'Publish government requests', included: true },
      { audience: 'company', text: 'Name an escalation contact', included: true },
      { audience: 'company', text: 'Consult affected communities', included: true },
      { audience: 'government', text: 'Repeal the decree', included: true },
      { audience: 'government', text: 'Stop takedown orders without review', included: true },
    ],
    forumMechanismId: 'un-rbhr-forum-ap',
    forumName: '',
    partners: [{}],
    methodology: {
      sources: [{ type: 'first-hand', count: 3, note: '' }],
      periodFrom: '2026-06-01',
      periodTo: '2026-10-31',
      consent: 'Anonymous citation agreed.',
      verification: 'Cross-checked notices.',
      limitations: 'Small sample.',
    },
    unconfirmedReason: '',
  });

  it('is ready with two confirmed findings with evidence, a risks summary, five asks, a forum, partners and a methodology', () => {
    expect(checkPackage(complete())).toEqual({ ready: true, problems: [], warnings: [], asksWritten: 5, findingsWritten: 2, findingsUnconfirmed: 0 });
  });

  it('counts the asks written, and warns rather than refuses when there are not five', () => {
    const pkg = complete();
    pkg.asks[4]!.text = '  ';
    const check = checkPackage(pkg);
    expect(check.ready).toBe(true);
    expect(check.asksWritten).toBe(4);
    expect(check.warnings.map((w) => w.message)).toEqual(['4 asks are chosen. The toolkit suggests five clear asks to companies and governments; use fewer or more when the forum calls for it.']);
  });

  it('needs each chosen finding to have evidence, and warns about a single finding', () => {
    const pkg = complete();
    pkg.findings = [{ title: '', statement: 'Only one', evidence: [], review: { ...confirmed }, included: true }];
    const check = checkPackage(pkg);
    expect(check.problems.map((p) => p.message)).toEqual(['Finding 1 has no supporting evidence: link an engagement, an attachment or an impact.']);
    expect(check.warnings[0]!.message).toMatch(/^1 finding is chosen\. The toolkit suggests two or three/);
  });

  it('allows asks to one audience only for forums that hear both', () => {
    const pkg = complete();
    for (const ask of pkg.asks) ask.audience = 'company';
    expect(checkPackage(pkg)).toMatchObject({ ready: true, warnings: [] });
  });

  it('explains everything missing from an empty package', () => {
    const check = checkPackage({
      title: '',
      findings: [],
      risksSummary: '',
      asks: [],
      forumMechanismId: null,
      forumName: '',
      partners: [],
      methodology: { sources: [], periodFrom: null, periodTo: null, consent: '', verification: '', limitations: '' },
      unconfirmedReason: '',
    });
    expect(check.problems.map((p) => p.field)).toEqual([
      'title',
      'findings',
      'risksSummary',
      'asks',
      'forum',
      'partners',
      'methodology.sources',
      'methodology.consent',
      'methodology.verification',
      'methodology.limitations',
    ]);
  });
});

describe('the timeline', () => {
  const due: DueItem = {
    kind: 'commitment',
    id: crypto.randomUUID(),
    engagementId: crypto.randomUUID(),
    submissionId: null,
    companyId: crypto.randomUUID(),
    companyName: 'Example Platform',
    text: 'Review 40 flagged posts',
    owner: '',
    dueDate: '2026-10-15',
    overdue: true,
    filedOn: null,
  };
  const step = (title: string, status: string, targetDate: string | null, triggerDate: string | null, startDate: string | null = null) => ({
    planId: 'p',
    planTitle: 'Plan',
    title,
    status,
    startDate,
    targetDate,
    triggerDate,
  });

  it('merges step dates and due commitments in date order, marking what is overdue', () => {
    const items = buildTimeline([step('Joint letter', 'planned', '2026-11-01', '2026-10-20'), step('Done already', 'done', '2026-10-01', null)], [due], '2026-10-18', '2027-01-01');
    expect(items.map((i) => [i.kind, i.date, i.overdue])).toEqual([
      ['commitment', '2026-10-15', true],
      ['step-trigger', '2026-10-20', false],
      ['step-target', '2026-11-01', false],
    ]);
  });

  it('shows when overlapping steps start, but never calls a start that has passed overdue', () => {
    const items = buildTimeline(
      [step('Joint letter', 'in-progress', '2026-12-01', null, '2026-10-01'), step('NCP complaint', 'planned', '2027-02-01', null, '2026-11-01')],
      [],
      '2026-10-18',
      '2027-03-01',
    );
    expect(items.map((i) => [i.kind, i.title, i.overdue])).toEqual([
      ['step-start', 'NCP complaint', false],
      ['step-target', 'Joint letter', false],
      ['step-target', 'NCP complaint', false],
    ]);
  });

  it('lists steps that run over a period, so overlapping steps can be drawn side by side', () => {
    const spans = stepSpans(
      [
        step('Joint letter', 'in-progress', '2026-12-01', null, '2026-10-01'),
        step('NCP complaint', 'planned', '2027-02-01', null, '2026-11-01'),
        step('No start', 'planned', '2027-02-01', null),
        step('Finished', 'done', '2027-02-01', null, '2026-11-01'),
        step('Long over', 'planned', '2026-09-01', null, '2026-08-01'),
      ],
      '2026-10-18',
      '2027-03-01',
    );
    expect(spans.map((s) => [s.title, s.start, s.end])).toEqual([
      ['Joint letter', '2026-10-01', '2026-12-01'],
      ['NCP complaint', '2026-11-01', '2027-02-01'],
    ]);
  });

  it('leaves out steps beyond the horizon, and names the current step', () => {
    expect(buildTimeline([step('Later', 'planned', '2027-06-01', null)], [], '2026-10-18', '2027-01-01')).toEqual([]);
    expect(currentStep([{ title: 'A', status: 'done' }, { title: 'B', status: 'skipped' }, { title: 'C', status: 'planned' }])).toBe('C');
  });
});
