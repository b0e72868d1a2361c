// Plans and evidence packages through the dispatcher, with a real encrypted vault: templates,
// revisions, search, integrity, pinned evidence hashes, the timeline and exports.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { chromiumPrinter } from '../../../electron/server/print-to-pdf';
import { unlockedCore, type TestCore } from '../../helpers/core';
import { tempDir } from '../../helpers/temp';
import { QUOTES, squash } from '../exports/multilingual';
import { diaryWithTwoCalls, fullPackage, uuid } from './fixtures';

let t: TestCore;
afterEach(async () => t?.core.close());
const printer = chromiumPrinter();
afterAll(() => printer.close());

async function planFromTemplate(companyId: string, engagementIds: string[]) {
  const draft = await t.call('plans.fromTemplate', { templateId: 'full-ladder', companyId });
  draft.steps[0]!.engagementIds = engagementIds;
  draft.steps[0]!.triggerDate = '2026-10-30';
  draft.steps[5]!.targetDate = '2026-11-10';
  return t.call('plans.save', { ...draft, title: 'Escalate removals 账号', objective: 'Restore wrongly removed media accounts', engagementIds });
}

describe('strategy plans', () => {
  it('builds a plan from the full ladder template and keeps a revision, a search entry and a clean integrity check', async () => {
    t = await unlockedCore();
    const { company, first, second } = await diaryWithTwoCalls(t);
    const plan = await planFromTemplate(company.id, [first.id, second.id]);
    expect(plan.steps.map((s) => s.mechanismId)).toContain('oecd-ncp');
    expect(plan.principles.map((p) => p.key)).toEqual(['homework', 'right-people', 'collective', 'safety', 'document', 'escalate']);
    expect(await t.call('plans.get', { id: plan.id })).toEqual(plan);

    const [summary] = await t.call('plans.list', null);
    expect(summary).toMatchObject({ id: plan.id, companyName: 'Example Platform', steps: plan.steps.length, stepsDone: 0, currentStep: plan.steps[0]!.title });

    const history = await t.call('history.list', { entity: 'plan', id: plan.id });
    expect(history).toHaveLength(1);
    const hits = await t.call('records.search', { q: '账号', limit: 10 });
    expect(hits.map((h) => [h.entity, h.id])).toContainEqual(['plan', plan.id]);
    expect(await t.call('integrity.verify', null)).toMatchObject({ ok: true });
  });

  it('reorders steps and keeps what each says', async () => {
    t = await unlockedCore();
    const { company } = await diaryWithTwoCalls(t);
    const plan = await planFromTemplate(company.id, []);
    const reversed = await t.call('plans.save', { ...plan, steps: [...plan.steps].reverse() });
    expect(reversed.steps.map((s) => s.id)).toEqual([...plan.steps].reverse().map((s) => s.id));
    expect(await t.call('history.list', { entity: 'plan', id: plan.id })).toHaveLength(2);
  });

  it('refuses links to engagements or mechanisms that do not exist, with a sentence', async () => {
    t = await unlockedCore();
    const missing = await t.raw('plans.save', { title: 'x', engagementIds: [uuid()] });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', fields: ['engagementIds'] } });
    const step = { id: uuid(), stage: 'un', title: 'UN', mechanismId: 'not-a-mechanism' };
    expect(await t.raw('plans.save', { title: 'x', steps: [step] })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('quotes the six principles from the toolkit', async () => {
    t = await unlockedCore();
    const principles = await t.call('plans.principles', null);
    expect(principles[3]).toMatchObject({ key: 'safety', number: '04', title: 'Prioritise Safety' });
    expect(principles[3]!.guidance).toContain('Use secure communications.');
  });

  it('routes an OECD NCP complaint from the list of adherents', async () => {
    t = await unlockedCore();
    expect(await t.call('plans.oecd', { hqCountry: 'JP' })).toMatchObject({ status: 'routed', offerStep: true, ncps: [{ iso2: 'JP' }] });
    expect(await t.call('plans.oecd', { hqCountry: 'US', harmCountries: ['VN'] })).toMatchObject({ status: 'routed', offerStep: true, ncps: [{ iso2: 'US' }] });
    expect(await t.call('plans.oecd', { hqCountry: 'CN', harmCountries: ['VN'] })).toMatchObject({ status: 'no-adherent', offerStep: false });
  });

  it('shows step dates and due commitments on one timeline', async () => {
    t = await unlockedCore();
    const { company, first } = await diaryWithTwoCalls(t);
    await planFromTemplate(company.id, [first.id]);
    const { items } = await t.call('plans.timeline', { today: '2026-10-18', horizonDays: 60 });
    expect(items.map((i) => [i.kind, i.date, i.overdue])).toEqual([
      ['commitment', '2026-10-15', true],
      ['step-trigger', '2026-10-30', false],
      ['step-target', '2026-11-10', false],
      ['commitment', '2026-11-20', false],
    ]);
  });

  it('will not delete a plan an evidence package belongs to', async () => {
    t = await unlockedCore();
    const { company } = await diaryWithTwoCalls(t);
    const plan = await planFromTemplate(company.id, []);
    await t.call('packages.save', { title: 'Package', planId: plan.id });
    expect(await t.raw('plans.delete', { id: plan.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});

describe('evidence packages', () => {
  it('pins each finding to the engagement revision hash and the attachment SHA-256', async () => {
    t = await unlockedCore();
    const { company, first, second, file } = await diaryWithTwoCalls(t);
    const pkg = await t.call('packages.save', fullPackage(company.id, [first.id, second.id], file.id));
    const [engagementRevision] = (await t.call('history.list', { entity: 'engagement', id: first.id })).slice(-1);
    expect(pkg.findings[0]!.evidence).toEqual([
      { kind: 'engagement', id: first.id, hash: engagementRevision!.hash, label: 'Video call with trust and safety (2026-10-01)' },
      { kind: 'attachment', id: file.id, hash: file.sha256, label: 'cases.csv' },
    ]);
    expect(await t.call('packages.check', pkg)).toMatchObject({ ready: true, asksWritten: 5 });
    expect((await t.call('packages.list', null))[0]).toMatchObject({ id: pkg.id, ready: true });
    expect(await t.call('integrity.verify', null)).toMatchObject({ ok: true });

    // Editing the engagement later does not move the pin: the package cites what it cited.
    await t.call('engagements.save', { ...first, attachments: undefined, createdAt: undefined, updatedAt: undefined, outcome: 'Changed later' } as never);
    const again = await t.call('packages.save', { ...pkg });
    expect(again.findings[0]!.evidence[0]!.hash).toBe(engagementRevision!.hash);
  });

  it('refuses a hash the record never had, and a link to a record that is not in the vault', async () => {
    t = await unlockedCore();
    const { first } = await diaryWithTwoCalls(t);
    const forged = await t.raw('packages.save', { title: 'x', findings: [{ id: uuid(), statement: 's', evidence: [{ kind: 'engagement', id: first.id, hash: 'f'.repeat(64) }] }] });
    expect(forged).toMatchObject({ ok: false, error: { code: 'CONFLICT', fields: ['findings.0.evidence'] } });
    const missing = await t.raw('packages.save', { title: 'x', findings: [{ id: uuid(), statement: 's', evidence: [{ kind: 'impact', id: uuid() }] }] });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', fields: ['findings.0.evidence'] } });
  });

  it('explains what an incomplete draft still needs', async () => {
    t = await unlockedCore();
    const check = await t.call('packages.check', { asks: [{ id: uuid(), audience: 'company', text: 'One' }] });
    expect(check.ready).toBe(false);
    expect(check.problems.map((p) => p.field)).toContain('findings');
    expect(check.warnings.map((w) => w.message)).toContain(
      '1 ask is chosen. The toolkit suggests five clear asks to companies and governments; use fewer or more when the forum calls for it.',
    );
    // Five asks is the toolkit's advice, not a limit: six save, past the sane maximum does not.
    expect(await t.raw('packages.save', { title: 'x', asks: Array.from({ length: 6 }, () => ({ id: uuid(), audience: 'company', text: 'a' })) })).toMatchObject({ ok: true });
    expect(await t.raw('packages.save', { title: 'x', asks: Array.from({ length: 31 }, () => ({ id: uuid(), audience: 'company', text: 'a' })) })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });
});

describe('exports through the dispatcher', () => {
  it('exports a package in all four formats with every script and the evidence hashes in the appendix', async () => {
    t = await unlockedCore({ printToPdf: printer.printToPdf });
    const { company, first, second, file } = await diaryWithTwoCalls(t);
    const pkg = await t.call('packages.save', fullPackage(company.id, [first.id, second.id], file.id));
    const hashes = pkg.findings.flatMap((f) => f.evidence.map((e) => e.hash));
    const [packageRevision] = await t.call('history.list', { entity: 'package', id: pkg.id });

    const text: Record<string, string> = {};
    for (const format of ['markdown', 'html', 'docx', 'pdf'] as const) {
      const file = await t.call('packages.export', { identity: { acknowledge: true }, id: pkg.id, format });
      const bytes = Buffer.from(file.data, 'base64');
      if (format === 'docx') text[format] = (await mammoth.extractRawText({ buffer: bytes })).value;
      else if (format === 'pdf') {
        const dir = tempDir('package-pdf-');
        fs.writeFileSync(path.join(dir, 'p.pdf'), bytes);
        text[format] = execFileSync('pdftotext', [path.join(dir, 'p.pdf'), '-'], { encoding: 'utf8' });
        fs.mkdirSync('test-results', { recursive: true });
        execFileSync('pdftoppm', ['-png', '-r', '90', '-f', '1', '-l', '1', '-singlefile', path.join(dir, 'p.pdf'), path.resolve('test-results/package-export-page1')]);
      } else text[format] = bytes.toString('utf8');
      expect(file.fileName).toMatch(/^document-\d{4}-\d{2}-\d{2}\.(md|html|docx|pdf)$/);
    }
    for (const [format, body] of Object.entries(text)) {
      for (const quote of Object.values(QUOTES)) expect(squash(body), `${format}: ${quote}`).toContain(squash(quote));
      for (const hash of [...hashes, packageRevision!.hash]) expect(squash(body), `${format}: ${hash}`).toContain(hash);
      expect(body, format).toContain('Appendix: evidence hashes');
      expect(body, format).toContain('Stop takedown orders without judicial review.');
    }
    expect(text.pdf).toMatch(/Page 1 of \d/);
  });

  it('exports a plan with its ladder, the directory how-to, the principles and its hash', async () => {
    t = await unlockedCore({ printToPdf: printer.printToPdf });
    const { company, first, second } = await diaryWithTwoCalls(t);
    const plan = await planFromTemplate(company.id, [first.id, second.id]);
    const [revision] = await t.call('history.list', { entity: 'plan', id: plan.id });
    const file = await t.call('plans.export', { identity: { acknowledge: true }, id: plan.id, format: 'markdown' });
    const md = Buffer.from(file.data, 'base64').toString('utf8');
    expect(md).toContain(`Step ${plan.steps.length}: OECD National Contact Point complaint`);
    expect(md).toContain('Japan, the enterprise’s home state, adheres');
    expect(md).toContain('Japan National Contact Point (would lead)');
    expect(md).toContain("The app's suggestion, built from the toolkit's recommendations");
    expect(md).toContain('Use secure communications.');
    expect(md).toContain(revision!.hash);
    const pdf = await t.call('plans.export', { identity: { acknowledge: true }, id: plan.id, format: 'pdf' });
    expect(Buffer.from(pdf.data, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('says PDF export is unavailable when no printer was supplied', async () => {
    t = await unlockedCore();
    const { company } = await diaryWithTwoCalls(t);
    const plan = await planFromTemplate(company.id, []);
    expect(await t.raw('plans.export', { identity: { acknowledge: true }, id: plan.id, format: 'pdf' })).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
  });
});
