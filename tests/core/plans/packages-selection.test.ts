// @vitest-environment jsdom
// The findings and asks the user chose, in the order chosen, are what a package prints, through the
// dispatcher with a real encrypted vault; findings left unticked (and their evidence) stay out of
// every format, the hash appendix included.
import { afterEach, describe, expect, it } from 'vitest';
import { unlockedCore, type TestCore } from '../../helpers/core';
import { diaryWithTwoCalls, fullPackage, uuid } from './fixtures';
import { exportedText, flat } from './package-exports';

let t: TestCore;
afterEach(async () => t?.core.close());

/** Every position of each needle in the text, in the order the needles are given; -1 when missing. */
const positions = (text: string, needles: string[]) => needles.map((needle) => text.indexOf(needle));

describe('choosing findings and asks', () => {
  it('prints only the ticked findings and asks, in the order the user put them, and keeps the rest in the draft', async () => {
    t = await unlockedCore();
    const { company, first, second, file } = await diaryWithTwoCalls(t);
    const base = fullPackage(company.id, [first.id, second.id], file.id);
    const [removals, restrictions, visibility] = base.findings!;
    const screenshot = await t.call('attachments.add', { engagementId: second.id, name: 'badge.txt', type: 'text/plain', data: Buffer.from('verified impersonator').toString('base64') });
    const extra = { ...restrictions!, id: uuid(), title: 'Fake verification badges', statement: 'Impersonators were verified.', evidence: [{ kind: 'attachment' as const, id: screenshot.id }] };
    // The user's order: visibility first, then removals; restrictions and the extra finding unticked.
    const findings = [visibility!, { ...restrictions!, included: false }, removals!, { ...extra, included: false }];
    const asks = [
      { id: uuid(), audience: 'government' as const, text: 'Repeal the decree on online content.' },
      { id: uuid(), audience: 'company' as const, text: 'Publish every government takedown request.' },
      { id: uuid(), audience: 'company' as const, text: 'Pay for outside audits.', included: false },
      { id: uuid(), audience: 'company' as const, text: 'Name a regional escalation contact for CSOs.' },
      { id: uuid(), audience: 'government' as const, text: 'Stop takedown orders without judicial review.' },
      { id: uuid(), audience: 'government' as const, text: 'Fund digital-security help for journalists.', included: false },
    ];
    const pkg = await t.call('packages.save', { ...base, findings, asks });

    const stored = await t.call('packages.get', { id: pkg.id });
    expect(stored.findings.map((f) => [f.title, f.included])).toEqual([
      ['Reduced visibility', true],
      ['Account restrictions', false],
      ['Wrongful removals', true],
      ['Fake verification badges', false],
    ]);
    expect(stored.asks.map((a) => a.included)).toEqual([true, true, false, true, true, false]);
    expect(await t.call('packages.check', stored)).toMatchObject({ ready: true, findingsWritten: 2, asksWritten: 4 });

    // The unticked finding's evidence is cited by no chosen finding: its hash must not be printed.
    expect(stored.findings[3]!.evidence).toEqual([expect.objectContaining({ hash: screenshot.sha256 })]);
    for (const format of ['markdown', 'html', 'docx'] as const) {
      const text = flat(await exportedText(t, pkg.id, format));
      const order = positions(text, ['Finding 1: Reduced visibility', 'Finding 2: Wrongful removals']);
      expect(order[0], format).toBeGreaterThanOrEqual(0);
      expect(order[1], format).toBeGreaterThan(order[0]!);
      expect(text, format).not.toContain('Finding 3');
      for (const left of ['Account restrictions', 'Accounts were restricted.', 'Fake verification badges', 'Impersonators were verified.', 'Pay for outside audits.', 'Fund digital-security help']) {
        expect(text, `${format}: ${left}`).not.toContain(left);
      }
      expect(text, format).not.toContain(screenshot.sha256);
      expect(text, format).not.toContain('badge.txt');
      // Asks: grouped by audience, each group in the user's order.
      const asked = positions(text, [
        'Publish every government takedown request.',
        'Name a regional escalation contact for CSOs.',
        'Repeal the decree on online content.',
        'Stop takedown orders without judicial review.',
      ]);
      expect(asked.every((p) => p >= 0), format).toBe(true);
      expect([...asked].sort((a, b) => a - b), format).toEqual(asked);
    }
    // The appendix cites the chosen findings under their printed numbers.
    const md = await exportedText(t, pkg.id, 'markdown');
    expect(md).toMatch(/Cited in\*\* \| Finding 1 \|[\s\S]*Cited in\*\* \| Finding 2 \|/);
    expect(md).not.toMatch(/Cited in\*\* \| Finding 3/);
  });
});
