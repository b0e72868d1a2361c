// Forums and guidance in evidence packages, through the dispatcher with a real encrypted vault: the
// audience a forum can address (UPR: the State under review; OECD NCP: the company; others: both),
// the toolkit's counts as warnings that never block sending, and forums named in words.
import { afterEach, describe, expect, it } from 'vitest';
import type { PackageDraft } from '@shared/api/plans';
import { unlockedCore, type TestCore } from '../../helpers/core';
import { diaryWithTwoCalls, fullPackage, uuid } from './fixtures';
import { exportedText, flat } from './package-exports';

let t: TestCore;
afterEach(async () => t?.core.close());

const UPR_WHY =
  'UPR recommendations can only be made to the State under review: address it to the government, or keep it for a company-facing route such as direct engagement or an NCP complaint.';
const NCP_WHY =
  'An NCP complaint seeks outcomes from the company, not from a State: address it to the company, or keep it for a State-facing forum such as the UPR or the Special Procedures.';

async function draft(change: (d: PackageDraft) => void): Promise<PackageDraft> {
  const { company, first, second, file } = await diaryWithTwoCalls(t);
  const d = fullPackage(company.id, [first.id, second.id], file.id);
  change(d);
  return d;
}

const audienceWarnings = (warnings: Array<{ field: string; message: string }>) => warnings.filter((w) => w.field.endsWith('.audience'));

describe('audience rules per forum', () => {
  it('UPR: warns on each recommendation addressed to a company, and is content with asks to the State', async () => {
    t = await unlockedCore();
    const pkg = await t.call('packages.save', await draft((d) => (d.forumMechanismId = 'upr')));
    const check = await t.call('packages.check', pkg);
    // A warning explains; it does not block sending.
    expect(check.ready).toBe(true);
    expect(audienceWarnings(check.warnings)).toEqual([0, 1, 2].map((i) => ({ field: `asks.${i}.audience`, message: `Ask ${i + 1} is to companies. ${UPR_WHY}`, key: 'plans:packageCheck.askAudience.upr', params: { n: i + 1 } })));

    const toTheState = await t.call('packages.save', { ...pkg, asks: pkg.asks.map((a) => ({ ...a, audience: 'government' as const })) });
    expect(audienceWarnings((await t.call('packages.check', toTheState)).warnings)).toEqual([]);
  });

  it('OECD NCP: warns on each ask to a government, and is content with outcomes sought from the company', async () => {
    t = await unlockedCore();
    const pkg = await t.call('packages.save', await draft((d) => (d.forumMechanismId = 'oecd-ncp')));
    const check = await t.call('packages.check', pkg);
    expect(check.ready).toBe(true);
    expect(audienceWarnings(check.warnings)).toEqual([3, 4].map((i) => ({ field: `asks.${i}.audience`, message: `Ask ${i + 1} is to governments. ${NCP_WHY}`, key: 'plans:packageCheck.askAudience.oecd-ncp', params: { n: i + 1 } })));

    const toTheCompany = await t.call('packages.save', { ...pkg, asks: pkg.asks.map((a) => ({ ...a, audience: 'company' as const })) });
    expect(audienceWarnings((await t.call('packages.check', toTheCompany)).warnings)).toEqual([]);
  });

  it('other forums hear both: no audience warning for mixed, company-only or government-only asks', async () => {
    t = await unlockedCore();
    for (const forum of ['un-rbhr-forum-ap', 'sr-freedom-of-expression', 'aprigf']) {
      for (const audience of [null, 'company', 'government'] as const) {
        const d = await draft((x) => {
          x.forumMechanismId = forum;
          if (audience) x.asks = x.asks!.map((a) => ({ ...a, audience }));
        });
        const check = await t.call('packages.check', d);
        expect(check, `${forum} ${audience ?? 'mixed'}`).toMatchObject({ ready: true, warnings: [] });
      }
    }
  });

  it('ignores unticked asks: an unticked ask to a company raises no UPR warning', async () => {
    t = await unlockedCore();
    const d = await draft((x) => {
      x.forumMechanismId = 'upr';
      x.asks = x.asks!.map((a) => (a.audience === 'company' ? { ...a, included: false } : a));
    });
    const check = await t.call('packages.check', d);
    expect(audienceWarnings(check.warnings)).toEqual([]);
    expect(check.asksWritten).toBe(2);
  });
});

describe('the toolkit’s counts are guidance', () => {
  it('warns, with the reason, on one finding, on four, and on asks other than five, and still lets the package be ready', async () => {
    t = await unlockedCore();
    const base = await draft(() => undefined);
    const one = await t.call('packages.check', { ...base, findings: base.findings!.slice(0, 1) });
    expect(one.ready).toBe(true);
    expect(one.warnings.map((w) => w.message)).toEqual([
      '1 finding is chosen. The toolkit suggests two or three concrete findings: partners can carry a few strong findings further than many. This is advice, not a rule.',
    ]);

    const four = await t.call('packages.check', { ...base, findings: [...base.findings!, { ...base.findings![0]!, id: uuid(), title: 'Fourth' }] });
    expect(four).toMatchObject({ ready: true, findingsWritten: 4 });
    expect(four.warnings.map((w) => w.field)).toEqual(['findings']);

    const sevenAsks = [...base.asks!, { id: uuid(), audience: 'company' as const, text: 'Restore the wrongly removed posts.' }, { id: uuid(), audience: 'government' as const, text: 'Publish takedown orders.' }];
    const saved = await t.call('packages.save', { ...base, asks: sevenAsks });
    const seven = await t.call('packages.check', saved);
    expect(seven).toMatchObject({ ready: true, asksWritten: 7 });
    expect(seven.warnings.map((w) => w.message)).toEqual([
      '7 asks are chosen. The toolkit suggests five clear asks to companies and governments; use fewer or more when the forum calls for it.',
    ]);
  });

  it('still refuses a package with no finding or no ask chosen', async () => {
    t = await unlockedCore();
    const base = await draft(() => undefined);
    const none = await t.call('packages.check', { ...base, findings: base.findings!.map((f) => ({ ...f, included: false })), asks: base.asks!.map((a) => ({ ...a, included: false })) });
    expect(none.ready).toBe(false);
    expect(none.problems.map((p) => p.field)).toEqual(['findings', 'asks']);
  });
});

describe('a forum the directory does not list', () => {
  it('saves, checks and prints a forum named in words, and asks for one when neither is given', async () => {
    t = await unlockedCore();
    const pkg = await t.call('packages.save', await draft((d) => ((d.forumMechanismId = null), (d.forumName = 'ASEAN People’s Forum 2026'))));
    expect(pkg).toMatchObject({ forumMechanismId: null, forumName: 'ASEAN People’s Forum 2026' });
    expect(await t.call('packages.check', pkg)).toMatchObject({ ready: true, warnings: [] });
    expect((await t.call('packages.list', null))[0]).toMatchObject({ forumMechanismId: null, forumName: 'ASEAN People’s Forum 2026', ready: true });
    expect(flat(await exportedText(t, pkg.id, 'markdown'))).toContain('Forum | ASEAN People’s Forum 2026 — Bangkok session');

    const none = await t.call('packages.check', { ...pkg, forumName: '  ' });
    expect(none.problems).toEqual([
      { field: 'forum', message: 'Choose the forum from the directory, or name it if the directory does not list it.', key: 'plans:packageCheck.noForum' },
    ]);
    expect(await t.raw('packages.save', { ...pkg, forumMechanismId: 'not-a-forum' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', fields: ['forumMechanismId'] } });
  });
});
