// @vitest-environment jsdom
// Review status in evidence packages, through the dispatcher with a real encrypted vault: "Ready to
// send" is refused while a chosen finding is unconfirmed unless a reason is recorded, the status
// prints next to each finding in all four formats (read back from the files), the methodology block
// prints with the reason, a CLARITI reviewer's confirmation travels into the package by role only,
// and a partner's package keeps its sender's review status, credited to the sender.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { chromiumPrinter } from '../../../electron/server/print-to-pdf';
import { unlockedCore, type TestCore } from '../../helpers/core';
import { tempDir } from '../../helpers/temp';
import { completeAssessment } from '../assessments/fixtures';
import { diaryWithTwoCalls, fullPackage, METHODOLOGY } from './fixtures';
import { exportedText, flat } from './package-exports';

let t: TestCore;
afterEach(async () => t?.core.close());
const printer = chromiumPrinter();
afterAll(() => printer.close());

async function savedPackage(change: (draft: ReturnType<typeof fullPackage>) => void = () => undefined) {
  const { company, first, second, file } = await diaryWithTwoCalls(t);
  const draft = fullPackage(company.id, [first.id, second.id], file.id);
  change(draft);
  return t.call('packages.save', draft);
}

describe('Ready to send and review status', () => {
  it('refuses Ready to send while a chosen finding is unconfirmed, and accepts it once the reason is recorded', async () => {
    t = await unlockedCore();
    const pkg = await savedPackage((draft) => {
      draft.findings![1]!.review = { status: 'unconfirmed' };
    });
    expect(pkg.findings[1]!.review).toMatchObject({ status: 'unconfirmed', role: '', on: null, source: 'package' });

    const refused = await t.call('packages.check', pkg);
    expect(refused).toMatchObject({ ready: false, findingsUnconfirmed: 1 });
    expect(refused.problems).toEqual([
      {
        field: 'unconfirmedReason',
        message:
          '1 chosen finding has not been confirmed by a reviewer. Have each one confirmed, untick it, or record why the package may go out as it is; the reason is printed with the methodology.',
        key: 'plans:packageCheck.unconfirmedNoReason',
        params: { count: 1 },
      },
    ]);
    expect((await t.call('packages.list', null))[0]).toMatchObject({ id: pkg.id, ready: false });
    expect(flat(await exportedText(t, pkg.id, 'markdown'))).toContain('Draft: this package is not complete yet.');

    const reason = 'The reviewer is travelling; the finding rests on the platform’s own notices.';
    const withReason = await t.call('packages.save', { ...pkg, unconfirmedReason: reason });
    const accepted = await t.call('packages.check', withReason);
    expect(accepted).toMatchObject({ ready: true, problems: [], findingsUnconfirmed: 1 });
    expect(accepted.warnings.map((w) => w.field)).toEqual(['unconfirmedReason']);
    expect((await t.call('packages.list', null))[0]).toMatchObject({ id: pkg.id, ready: true });
    const md = flat(await exportedText(t, pkg.id, 'markdown'));
    expect(md).not.toContain('Draft: this package is not complete yet.');
    expect(md).toContain(`Why the package goes out with unconfirmed findings: ${reason}`);
    expect(md).toContain('2 of 3 findings were confirmed by a reviewer, recorded by role only.');
    expect(await t.call('integrity.verify', null)).toMatchObject({ ok: true });
  });

  it('needs no reason once the unconfirmed finding is unticked, and counts a disputed finding as unconfirmed', async () => {
    t = await unlockedCore();
    const pkg = await savedPackage((draft) => {
      draft.findings![2]!.review = { status: 'disputed', role: 'Editor', on: '2026-11-21', note: 'The dates do not match the notices.' };
    });
    expect(await t.call('packages.check', pkg)).toMatchObject({ ready: false, findingsUnconfirmed: 1 });
    const unticked = await t.call('packages.save', { ...pkg, findings: pkg.findings.map((f, i) => ({ ...f, included: i !== 2 })) });
    expect(await t.call('packages.check', unticked)).toMatchObject({ ready: true, findingsUnconfirmed: 0, warnings: [] });
  });

  it('does not take "confirmed" without the reviewer’s role and the date', async () => {
    t = await unlockedCore();
    const pkg = await savedPackage((draft) => {
      draft.findings![0]!.review = { status: 'confirmed', role: '', on: null };
    });
    const check = await t.call('packages.check', pkg);
    expect(check).toMatchObject({ ready: false, findingsUnconfirmed: 1 });
    expect(check.problems.map((p) => p.field)).toEqual(['findings.0.review', 'unconfirmedReason']);
    expect(check.problems[0]!.message).toBe('Finding 1 ("Wrongful removals") is marked confirmed: record the reviewer\'s role and the date they confirmed it.');
  });

  it('prints each finding’s review status and the methodology in Markdown, HTML, DOCX and PDF', async () => {
    t = await unlockedCore({ printToPdf: printer.printToPdf });
    const pkg = await savedPackage((draft) => {
      draft.findings![1]!.review = { status: 'unconfirmed' };
      draft.findings![2]!.review = { status: 'disputed', role: 'Editor', on: '2026-11-21', note: 'The dates do not match the notices.' };
      draft.unconfirmedReason = 'Sent to partners for their own checks before the forum.';
    });
    for (const format of ['markdown', 'html', 'docx', 'pdf'] as const) {
      const text = flat(await exportedText(t, pkg.id, format));
      const expected = [
        'Finding 1: Wrongful removals',
        'Review status: Confirmed by Legal adviser on 20 November 2026',
        'Finding 2: Account restrictions',
        'Review status: Not confirmed by a reviewer',
        'Finding 3: Reduced visibility',
        'Review status: Disputed by Editor on 21 November 2026. The dates do not match the notices.',
        'Methodology and verification',
        'First-hand accounts: 12 — Interviews with editors',
        'Platform data: 40 — Removal notices',
        '1 June 2026 to 31 October 2026',
        METHODOLOGY.consent,
        METHODOLOGY.verification,
        '1 of 3 findings were confirmed by a reviewer, recorded by role only.',
        'Why the package goes out with unconfirmed findings: Sent to partners for their own checks before the forum.',
        METHODOLOGY.limitations,
      ];
      let from = 0;
      for (const sentence of expected) {
        const at = text.indexOf(sentence, from);
        expect(at, `${format}: "${sentence}" after position ${from}`).toBeGreaterThanOrEqual(0);
        from = at + sentence.length;
      }
    }
  });
});

describe('findings from a CLARITI assessment', () => {
  it('keep the reviewer’s confirmation by role and date, never the reviewer’s name', async () => {
    t = await unlockedCore();
    const { company, first, file } = await diaryWithTwoCalls(t);
    const assessment = await t.call('assessments.save', completeAssessment(company.id, first.id, file.id));
    const confirmed = assessment.findings.find((f) => f.review.confirmedOn !== null)!;
    const unconfirmed = assessment.findings.find((f) => f.review.confirmedOn === null)!;

    const { packageId } = await t.call('assessments.useResults', { id: assessment.id });
    const pkg = await t.call('packages.get', { id: packageId });
    expect(pkg.findings.map((f) => [f.title, f.included])).toEqual(assessment.findings.map((f) => [f.title, true]));
    expect(pkg.findings.find((f) => f.title === confirmed.title)!.review).toEqual({
      status: 'confirmed',
      role: confirmed.review.role,
      on: confirmed.review.confirmedOn,
      note: '',
      source: 'assessment',
    });
    expect(pkg.findings.find((f) => f.title === unconfirmed.title)!.review).toMatchObject({ status: 'unconfirmed', source: 'assessment' });
    expect((await t.call('packages.check', pkg)).problems.map((p) => p.field)).toContain('unconfirmedReason');

    const md = flat(await exportedText(t, packageId, 'markdown'));
    expect(md).toContain(`Review status: Confirmed by ${confirmed.review.role} on 2 March 2026 (in the CLARITI assessment)`);
    expect(md).not.toContain(confirmed.review.reviewer);
  });
});

describe('where a review status comes from', () => {
  let partner: TestCore | undefined;
  afterEach(async () => {
    await partner?.core.close();
    partner = undefined;
  });

  it('credits a partner’s confirmation to the partner after a bundle, and makes it the user’s own once they change it', async () => {
    t = await unlockedCore();
    const sent = await savedPackage();
    const SHARED = 'coalition shared passphrase';
    const bundle = await t.call('exchange.bundle.create', { identity: { acknowledge: true }, organisation: 'Coalition One', passphrase: SHARED, items: [{ kind: 'package', id: sent.id }] });
    partner = await unlockedCore({ dataDir: tempDir() });
    await partner.call('exchange.bundle.import', { data: bundle.data, passphrase: SHARED, confirm: true });
    const [received] = await partner.call('packages.list', null);
    const pkg = await partner.call('packages.get', { id: received!.id });
    expect(pkg.findings.map((f) => [f.review.status, f.review.role, f.review.source])).toEqual(sent.findings.map(() => ['confirmed', 'Legal adviser', 'partner']));
    const md = flat(await exportedText(partner, pkg.id, 'markdown'));
    expect(md).toContain('Review status: Confirmed by Legal adviser on 20 November 2026 (as recorded by the partner who sent this package)');

    // Saving unchanged keeps the credit; re-confirming it makes the confirmation the receiver's own.
    const kept = await partner.call('packages.save', pkg);
    expect(kept.findings[0]!.review.source).toBe('partner');
    const reconfirmed = await partner.call('packages.save', { ...kept, findings: kept.findings.map((f, i) => (i === 0 ? { ...f, review: { ...f.review, role: 'Our researcher', on: '2026-11-30' } } : f)) });
    expect(reconfirmed.findings.map((f) => f.review.source)).toEqual(['package', 'partner', 'partner']);
  });
});
