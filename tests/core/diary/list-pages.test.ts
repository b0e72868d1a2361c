// The diary list pages through the whole vault: every entry once, in order, whichever way a
// page is reached (the next cursor, a position, a date), with the total of the whole filter.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngagementFilter, EngagementRow } from '@shared/api/diary';
import { unlockedCore, type TestCore } from '../../helpers/core';

describe('paging through the whole diary', () => {
  let t: TestCore;
  const companies: string[] = [];
  const COUNT = 57;

  beforeAll(async () => {
    t = await unlockedCore();
    for (const name of ['beta', 'Alpha', 'gamma']) companies.push((await t.call('companies.save', { name, sector: 'other' })).id);
    for (let i = 0; i < COUNT; i++) {
      // Three entries share each minute, so the id must break ties between pages.
      const minute = Math.floor(i / 3);
      await t.call('engagements.save', {
        occurredAt: new Date(Date.UTC(2025, 0, 1 + minute, 9, 0)).toISOString(),
        companyId: companies[i % 3]!,
        channel: i % 2 ? 'call' : 'email',
        title: `Entry ${i}`,
      });
    }
  });
  afterAll(() => t.core.close());

  async function walk(filter: EngagementFilter, limit: number): Promise<{ rows: EngagementRow[]; totals: number[] }> {
    const rows: EngagementRow[] = [];
    const totals: number[] = [];
    let cursor: string | undefined;
    for (;;) {
      const page = await t.call('engagements.list', { ...filter, limit, ...(cursor ? { cursor } : {}) });
      rows.push(...page.items);
      totals.push(page.total);
      if (!page.next) return { rows, totals };
      cursor = page.next;
    }
  }

  it.each(['newest', 'oldest', 'company'] as const)('reaches every entry once by cursor, sorted %s', async (sort) => {
    const { rows, totals } = await walk({ sort }, 10);
    expect(rows).toHaveLength(COUNT);
    expect(new Set(rows.map((row) => row.id)).size).toBe(COUNT);
    expect(new Set(totals)).toEqual(new Set([COUNT]));
    const whole = (await t.call('engagements.list', { sort, limit: 1000 })).items;
    expect(rows.map((row) => row.id)).toEqual(whole.map((row) => row.id));
    if (sort === 'newest') expect(rows.map((r) => r.occurredAt)).toEqual([...rows.map((r) => r.occurredAt)].sort().reverse());
    if (sort === 'company') expect(rows[0]!.companyName).toBe('Alpha');
  });

  it.each(['newest', 'oldest', 'company'] as const)('gives the same rows by position as by cursor, sorted %s', async (sort) => {
    const whole = (await t.call('engagements.list', { sort, limit: 1000 })).items;
    for (const offset of [0, 1, 7, 30, 56]) {
      const page = await t.call('engagements.list', { sort, offset, limit: 5 });
      expect(page.index).toBe(offset);
      expect(page.items.map((row) => row.id)).toEqual(whole.slice(offset, offset + 5).map((row) => row.id));
    }
    expect((await t.call('engagements.list', { sort, offset: COUNT, limit: 5 })).items).toEqual([]);
  });

  it('jumps to the first entry of a day', async () => {
    const whole = (await t.call('engagements.list', { limit: 1000 })).items;
    const page = await t.call('engagements.list', { at: '2025-01-10', limit: 3 });
    expect(page.items[0]!.occurredAt.slice(0, 10)).toBe('2025-01-10');
    expect(whole[page.index]!.id).toBe(page.items[0]!.id);
    expect(whole[page.index - 1]!.occurredAt.slice(0, 10) > '2025-01-10').toBe(true);
    const oldest = await t.call('engagements.list', { sort: 'oldest', at: '2025-01-10', limit: 1 });
    expect(oldest.index).toBe(27);
  });

  it('keeps the filter and its total across pages', async () => {
    const { rows, totals } = await walk({ channel: 'call', companyId: companies[1]! }, 4);
    expect(rows.every((row) => row.channel === 'call' && row.companyId === companies[1])).toBe(true);
    expect(totals.every((total) => total === rows.length)).toBe(true);
    expect(rows.length).toBeGreaterThan(4);
  });

  it('refuses a forged cursor with a sentence', async () => {
    const result = await t.raw('engagements.list', { cursor: 'bm90IGEgY3Vyc29y' });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/Reload the list/) } });
  });
});

describe('counts kept between writes', () => {
  it('shows a new entry in the company counts and on the dashboard at once', async () => {
    const t = await unlockedCore();
    const company = await t.call('companies.save', { name: 'Example Platform', sector: 'other' });
    const before = await t.call('companies.list', null);
    expect(await t.call('companies.list', null)).toEqual(before);
    await t.call('engagements.save', {
      occurredAt: '2026-10-01T09:00:00Z',
      companyId: company.id,
      channel: 'call',
      commitments: [{ id: crypto.randomUUID(), text: 'Reply in writing', dueDate: '2026-10-10' }],
    });
    expect((await t.call('companies.list', null))[0]).toMatchObject({ engagements: 1, openCommitments: 1 });
    expect((await t.call('dashboard.due', { today: '2026-10-20' })).groups.overdue.total).toBe(1);
    await t.core.close();
  });
});
