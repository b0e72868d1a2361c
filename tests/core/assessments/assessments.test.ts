// CLARITI assessments through the dispatcher with a real encrypted vault: the safety gate, every
// field round-tripped, private names kept out of revisions, search and exports, the report in four
// formats, phase 8 in one step, and the examples added and removed.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { chromiumPrinter } from '../../../electron/server/print-to-pdf';
import { unlockedCore, type TestCore } from '../../helpers/core';
import { tempDir } from '../../helpers/temp';
import { QUOTES, squash } from '../exports/multilingual';
import { diaryWithTwoCalls } from '../plans/fixtures';
import { ANSWERED_SAFETY, completeAssessment, REAL_NAME, uuid } from './fixtures';

let t: TestCore;
afterEach(async () => t?.core.close());
const printer = chromiumPrinter();
afterAll(() => printer.close());

async function savedAssessment() {
  const { company, first, second, file } = await diaryWithTwoCalls(t);
  const draft = completeAssessment(company.id, first.id, file.id);
  const saved = await t.call('assessments.save', draft);
  return { company, first, second, file, draft, saved };
}

const revisionsText = async (id: string) => JSON.stringify(await t.call('history.list', { entity: 'assessment', id }));

describe('the safety gate', () => {
  it('lets an assessment be created before the safety step, but refuses phase content until it is answered', async () => {
    t = await unlockedCore();
    const created = await t.call('assessments.save', { title: 'Platform X' });
    expect(created.safety.answer).toBe('unanswered');
    const refused = await t.raw('assessments.save', { ...created, purpose: { scope: 'X in China', objectives: '', audience: '' } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', fields: ['safety'] } });
    expect(refused.ok === false && refused.error.message).toMatch(/^Answer the "Safety first" step/);
    expect(await t.raw('assessments.save', { ...created, safety: { answer: 'consulted', riskLevel: 'high', mitigations: '' }, stakeholders: [{ id: uuid(), pseudonym: 'A' }] })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    const notApplicable = { answer: 'not-applicable', notApplicableReason: 'Public documents only; no interviews.' } as const;
    const opened = await t.call('assessments.save', { ...created, safety: notApplicable, purpose: { scope: 'X in China', objectives: '', audience: '' } });
    expect(opened.purpose.scope).toBe('X in China');
    expect(await t.call('history.list', { entity: 'assessment', id: created.id })).toHaveLength(2);
  });

  it('refuses phase 8 while the safety step is unanswered', async () => {
    t = await unlockedCore();
    const created = await t.call('assessments.save', { title: 'Platform X' });
    expect(await t.raw('assessments.useResults', { id: created.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});

describe('assessments', () => {
  it('round-trips every field of every phase and pins impact evidence to hashes', async () => {
    t = await unlockedCore();
    const { draft, saved, first, file } = await savedAssessment();
    const loaded = await t.call('assessments.get', { id: saved.id });
    expect(loaded).toEqual(saved);
    const { privateNames, impacts, use: _use, ...rest } = draft;
    expect(loaded).toMatchObject({ ...rest, privateNames, example: false, use: { planId: null, packageId: null, notes: '' } });
    expect(loaded.impacts.map(({ evidence: _e, ...impact }) => impact)).toEqual(impacts!.map(({ evidence: _e, ...impact }) => impact));
    const [engagementRevision] = await t.call('history.list', { entity: 'engagement', id: first.id }).then((r) => r.slice(-1));
    expect(loaded.impacts[0]!.evidence).toEqual([
      { kind: 'engagement', id: first.id, hash: engagementRevision!.hash, label: expect.stringContaining('Video call with trust and safety') },
      { kind: 'attachment', id: file.id, hash: file.sha256, label: 'cases.csv' },
    ]);
    expect(await t.call('integrity.verify', null)).toMatchObject({ ok: true });
  });

  it('keeps real names out of revisions and record search, and drops them with their stakeholder', async () => {
    t = await unlockedCore();
    const { saved } = await savedAssessment();
    expect(saved.privateNames).toEqual([{ stakeholderId: saved.stakeholders[0]!.id, realName: REAL_NAME }]);
    expect(await revisionsText(saved.id)).not.toContain(REAL_NAME);
    expect(await t.call('records.search', { q: 'Hoa', limit: 20 })).toEqual([]);
    expect((await t.call('records.search', { q: 'Activist', limit: 20 })).map((h) => h.id)).toContain(saved.id);

    const without = await t.call('assessments.save', { ...saved, stakeholders: saved.stakeholders.slice(1) });
    expect(without.privateNames).toEqual([]);
    expect(without.impacts[0]!.stakeholderIds).toEqual([]);
  });

  it('refuses frameworks the knowledge base does not know and evidence that is not in the vault, with sentences', async () => {
    t = await unlockedCore();
    const { saved } = await savedAssessment();
    const badFramework = { ...saved, issues: [{ ...saved.issues[0]!, frameworkIds: ['not-a-framework'] }] };
    expect(await t.raw('assessments.save', badFramework)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', fields: ['issues.0.frameworkIds'] } });
    const badEvidence = { ...saved, impacts: [{ ...saved.impacts[0]!, evidence: [{ kind: 'engagement', id: uuid() }] }] };
    expect(await t.raw('assessments.save', badEvidence)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', fields: ['impacts.0.evidence'] } });
  });

  it('checks a draft: phase progress, unconfirmed items and where a real name slipped in', async () => {
    t = await unlockedCore();
    const { saved } = await savedAssessment();
    const check = await t.call('assessments.check', saved);
    expect(check.safetyAnswered).toBe(true);
    expect(check.phases.filter((p) => p.complete).map((p) => p.key)).toEqual(['purpose', 'team', 'issues', 'legal', 'impacts', 'recommendations']);
    expect(check.unconfirmed.map((u) => u.label)).toEqual(['Impact 2: Account suspended', 'Finding 2: Suspensions without notice']);
    expect(check.nameHits).toEqual([]);

    const slipped = { ...saved, impacts: [{ ...saved.impacts[0]!, whatHappened: '"They removed everything," said Nguyen Thi Hoa.' }, saved.impacts[1]!] };
    const warned = await t.call('assessments.check', slipped);
    expect(warned.nameHits).toEqual([expect.objectContaining({ pseudonym: 'Activist A', where: 'Phase 5 · Impact 1 · What happened', phase: 'impacts' })]);
  });

  it('assembles a report from the phases that names stakeholders by pseudonym only', async () => {
    t = await unlockedCore();
    const { saved } = await savedAssessment();
    const { markdown } = await t.call('assessments.assembleReport', { ...saved, locale: 'en-GB' });
    expect(markdown).toContain('## 5. Documented impacts');
    expect(markdown).toContain('Article 19, UDHR & ICCPR');
    expect(markdown).toContain('Affected: Activist A');
    expect(markdown).toContain('**Review:** confirmed by a reviewer (Legal analyst) on 2 March 2026.');
    expect(markdown).not.toContain('Lead reviewer');
    expect(markdown).not.toContain(REAL_NAME);
    expect(markdown).not.toContain('Researcher One');
  });

  it('exports the compiled report in four formats with the evidence hashes, unconfirmed items and no real name', async () => {
    t = await unlockedCore({ printToPdf: printer.printToPdf });
    const { saved, file } = await savedAssessment();
    const { markdown } = await t.call('assessments.assembleReport', saved);
    const edited = await t.call('assessments.save', { ...saved, report: { markdown: `${markdown}\n## Editor's note\n\nEdited by the team. ${QUOTES.thai}`, assembledAt: new Date().toISOString() } });
    const [head] = (await t.call('history.list', { entity: 'assessment', id: edited.id })).slice(-1);

    const text: Record<string, string> = {};
    for (const format of ['markdown', 'html', 'docx', 'pdf'] as const) {
      const exported = await t.call('assessments.export', { identity: { acknowledge: true }, id: edited.id, format });
      expect(exported.fileName).toMatch(/^document-\d{4}-\d{2}-\d{2}\.(md|html|docx|pdf)$/);
      const bytes = Buffer.from(exported.data, 'base64');
      if (format === 'docx') text[format] = (await mammoth.extractRawText({ buffer: bytes })).value;
      else if (format === 'pdf') {
        const dir = tempDir('assessment-pdf-');
        fs.writeFileSync(path.join(dir, 'r.pdf'), bytes);
        text[format] = execFileSync('pdftotext', [path.join(dir, 'r.pdf'), '-'], { encoding: 'utf8' });
      } else text[format] = bytes.toString('utf8');
    }
    for (const [format, body] of Object.entries(text)) {
      const flat = squash(body);
      for (const expected of ['Documented impacts', 'Edited by the team.', QUOTES.vietnamese, QUOTES.chinese, QUOTES.thai, 'Items awaiting review', 'Impact 2: Account suspended', 'Appendix: evidence hashes']) {
        expect(flat, `${format}: ${expected}`).toContain(squash(expected));
      }
      for (const hash of [head!.hash, file.sha256, edited.impacts[0]!.evidence[0]!.hash]) expect(flat, `${format}: ${hash}`).toContain(hash);
      expect(body, format).not.toContain(REAL_NAME);
      expect(body, format).not.toContain('Signal only');
    }
  });

  it('asks for a decision or a deliberate confirmation before exporting text that contains a real name', async () => {
    t = await unlockedCore();
    const { saved } = await savedAssessment();
    const leaked = await t.call('assessments.save', { ...saved, findings: [{ ...saved.findings[0]!, statement: 'Hoa — NGUYEN THI HOA — lost her page.' }] });
    const review = await t.call('exports.identityCheck', { kind: 'assessment', id: leaked.id });
    expect(review.flags.find((f) => f.matched === 'NGUYEN THI HOA')).toMatchObject({ kind: 'registered', confirm: false, suggestion: 'Activist A', decision: null });
    const refused = await t.raw('assessments.export', { id: leaked.id, format: 'markdown' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(refused.ok === false && refused.error.message).toContain('no decision yet');
    const confirmed = await t.call('assessments.export', { id: leaked.id, format: 'markdown', identity: { acknowledge: true } });
    expect(Buffer.from(confirmed.data, 'base64').toString('utf8')).toContain('NGUYEN THI HOA');
  });

  it('turns the results into a strategy plan and an evidence package in one step, citing impacts by hash', async () => {
    t = await unlockedCore();
    const { saved, first, file } = await savedAssessment();
    const result = await t.call('assessments.useResults', { id: saved.id });
    expect(result).toMatchObject({ findingsLeftOut: 0, asksLeftOut: 0 });
    expect(result.assessment.use).toMatchObject({ planId: result.planId, packageId: result.packageId });

    const plan = await t.call('plans.get', { id: result.planId });
    expect(plan).toMatchObject({ objective: saved.purpose.objectives, companyId: saved.companyId, engagementIds: [first.id] });
    const pkg = await t.call('packages.get', { id: result.packageId });
    expect(pkg.planId).toBe(plan.id);
    expect(pkg.asks.map((a) => a.text)).toEqual(saved.recommendations.map((r) => r.text));
    expect(pkg.findings.map((f) => f.title)).toEqual(['Removals silence media', 'Suspensions without notice']);
    const [impactLink, engagementLink, attachmentLink] = pkg.findings[0]!.evidence;
    expect([impactLink!.kind, engagementLink!.kind, attachmentLink!.kind]).toEqual(['impact', 'engagement', 'attachment']);
    expect(impactLink!.id).toBe(saved.impacts[0]!.id);
    expect(attachmentLink!.hash).toBe(file.sha256);
    // The impact is pinned to the revision in which it last changed, which phase 8's own save does not move.
    const revisions = await t.call('history.list', { entity: 'assessment', id: saved.id });
    expect(impactLink!.hash).toBe(revisions[0]!.hash);
    const exported = Buffer.from((await t.call('packages.export', { identity: { acknowledge: true }, id: pkg.id, format: 'markdown' })).data, 'base64').toString('utf8');
    expect(exported).toContain('CLARITI impact: Posts removed');
    expect(exported).not.toContain('changed since linked');
    expect(await t.call('assessments.check', result.assessment).then((c) => c.phases.at(-1)!.complete)).toBe(true);

    expect(await t.raw('assessments.useResults', { id: saved.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await t.call('integrity.verify', null)).toMatchObject({ ok: true });
  });

  it('shows a package citing an impact as changed once the impact itself is edited', async () => {
    t = await unlockedCore();
    const { saved } = await savedAssessment();
    const { packageId, assessment } = await t.call('assessments.useResults', { id: saved.id });
    await t.call('assessments.save', { ...assessment, report: { markdown: 'Edited report only.', assembledAt: null } });
    const exportText = async () => Buffer.from((await t.call('packages.export', { identity: { acknowledge: true }, id: packageId, format: 'markdown' })).data, 'base64').toString('utf8');
    expect(await exportText()).not.toContain('changed since linked');
    const latest = await t.call('assessments.get', { id: saved.id });
    await t.call('assessments.save', { ...latest, impacts: [{ ...latest.impacts[0]!, whatHappened: 'Rewritten after review.' }, latest.impacts[1]!] });
    expect(await exportText()).toContain('changed since linked');
    expect(await t.call('integrity.verify', null)).toMatchObject({ ok: true });
  });

  it('lists impacts for evidence pickers and deletes an assessment with its private names, leaving a tombstone', async () => {
    t = await unlockedCore();
    const { saved } = await savedAssessment();
    expect((await t.call('assessments.impacts', null)).map((i) => i.title)).toEqual(['Posts removed', 'Account suspended']);
    await t.call('assessments.delete', { id: saved.id });
    expect(await t.raw('assessments.get', { id: saved.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await t.call('history.list', { entity: 'assessment', id: saved.id })).at(-1)).toMatchObject({ deleted: true });
    expect(await t.call('assessments.impacts', null)).toEqual([]);
    expect(await t.call('integrity.verify', null)).toMatchObject({ ok: true });
  });
});

describe('example assessments', () => {
  it('adds the two case-study examples only when asked, flagged, out of the record search, and removes only them', async () => {
    t = await unlockedCore();
    expect(await t.call('assessments.list', null)).toEqual([]);
    const own = await t.call('assessments.save', { title: 'Our own assessment of Facebook', safety: ANSWERED_SAFETY });
    expect(await t.call('assessments.addExamples', null)).toEqual({ added: 2 });
    expect(await t.call('assessments.addExamples', null)).toEqual({ added: 0 });

    const list = await t.call('assessments.list', null);
    expect(list.filter((a) => a.example).map((a) => a.platform)).toEqual(expect.arrayContaining(['Facebook', 'X (formerly Twitter)']));
    expect(list.find((a) => a.id === own.id)!.example).toBe(false);
    const vietnam = await t.call('assessments.get', { id: list.find((a) => a.platform === 'Facebook')!.id });
    expect(vietnam.title).toContain('Legal Initiatives for Vietnam');
    expect(vietnam.impacts.map((i) => i.harm)).toEqual(['wrongful-removal', 'account-restriction', 'state-propaganda']);
    expect(vietnam.impacts.every((i) => i.whatHappened.startsWith('Illustrative:'))).toBe(true);
    expect((await t.call('records.search', { q: 'Facebook', limit: 20 })).map((h) => h.id)).toEqual([own.id]);

    expect(await t.call('assessments.removeExamples', null)).toEqual({ removed: 2 });
    expect((await t.call('assessments.list', null)).map((a) => a.id)).toEqual([own.id]);
    expect((await t.call('history.list', { entity: 'assessment', id: vietnam.id })).at(-1)).toMatchObject({ deleted: true });
    expect(await t.call('integrity.verify', null)).toMatchObject({ ok: true });
  });

  it('gives the guide in the toolkit’s words', async () => {
    t = await unlockedCore();
    const guide = await t.call('assessments.guide', null);
    expect(guide.phases.map((p) => p.title)).toEqual(['Define purpose', 'Prepare the team', 'Scope issues', 'Analyse legal context', 'Document impacts', 'Develop recommendations', 'Compile findings', 'Use the results']);
    expect(guide.phases[4]!.whatHappens).toBe('Gather evidence of harm experienced by affected communities');
    expect(guide.safetyFirst).toContain("consult your organisation's security protocol before beginning any assessment process");
    expect(guide.intro).toContain('convert lived experience into credible human rights evidence');
  });
});
