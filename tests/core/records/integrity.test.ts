// "Verify integrity" in the background: it walks the chain in batches, reports progress, answers
// other calls (and accepts saves) while it runs, and still finds tampering.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushEvent } from '@shared/api/events';
import { unlockedCore, type TestCore } from '../../helpers/core';

describe('verifying integrity in the background', () => {
  let t: TestCore;
  let companyId: string;

  beforeAll(async () => {
    t = await unlockedCore();
    companyId = (await t.call('companies.save', { name: 'Example Platform', sector: 'social-media' })).id;
    for (let i = 0; i < 2_500; i++) {
      await t.call('engagements.save', { occurredAt: new Date(Date.UTC(2024, 0, 1) + i * 3_600_000).toISOString(), companyId, channel: 'call', notes: `note ${i}` });
    }
  }, 120_000);
  afterAll(() => t.core.close());

  it('reports progress and answers other calls while it runs', async () => {
    const progress: PushEvent[] = [];
    const off = t.core.events.on((event) => event.name === 'integrity.progress' && progress.push(event));
    let verified = false;
    const verifying = t.call('integrity.verify', null).then((report) => {
      verified = true;
      return report;
    });
    // Answered before the check ends: the check gives the event loop back between batches.
    const page = await t.call('engagements.list', { limit: 5 });
    expect(verified).toBe(false);
    expect(page.total).toBe(2_500);
    const report = await verifying;
    off();
    expect(report).toMatchObject({ ok: true, checked: 2_501, firstBroken: null });
    const chain = progress.filter((event) => (event.payload as { phase: string }).phase === 'chain');
    expect(chain.length).toBeGreaterThanOrEqual(3);
    expect(chain.at(-1)!.payload).toEqual({ phase: 'chain', done: 2_501, total: 2_501 });
  });

  it('accepts a save made while it runs and still reports a sound chain', async () => {
    const verifying = t.call('integrity.verify', null);
    await t.call('engagements.save', { occurredAt: '2026-01-01T10:00:00Z', companyId, channel: 'email', notes: 'saved during the check' });
    expect(await verifying).toMatchObject({ ok: true, firstBroken: null });
  });
});
