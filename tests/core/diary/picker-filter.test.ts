// The record picker types into engagements.list: a date, or part of a title, company name or tag.
// Real encrypted vault; every answer comes from the same list query the diary uses.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unlockedCore, type TestCore } from '../../helpers/core';

describe('finding diary entries by what a person types in a picker', () => {
  let t: TestCore;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await unlockedCore();
    const meta = (await t.call('companies.save', { name: 'Example Platform', sector: 'social-media' })).id;
    const telco = (await t.call('companies.save', { name: 'Viễn thông Mẫu', sector: 'telecom' })).id;
    const entries: Array<[string, string, string, string[]]> = [
      ['call', meta, 'Video call with trust and safety', ['removals']],
      ['letter', meta, 'Letter on 100% takedowns', []],
      ['meeting', telco, 'Quarterly meeting', ['shutdowns']],
      ['other', telco, 'Notes_from_hallway', []],
    ];
    for (const [i, [key, companyId, title, tags]] of entries.entries()) {
      const notes = key === 'letter' ? 'Người dùng bị gỡ bỏ nội dung.' : '';
      const saved = await t.call('engagements.save', { occurredAt: new Date(Date.UTC(2026, 9 + i, 5, 9)).toISOString(), companyId, channel: 'meeting', title, tags, notes });
      ids[key] = saved.id;
    }
  });
  afterAll(() => t.core.close());

  const found = async (q: string, extra: object = {}) => (await t.call('engagements.list', { q, limit: 50, ...extra })).items.map((row) => row.title).sort();

  it('matches part of a title in any case', async () => {
    expect(await found('TRUST AND')).toEqual(['Video call with trust and safety']);
  });

  it('matches every entry of a company by part of its name', async () => {
    expect(await found('thông')).toEqual(['Notes_from_hallway', 'Quarterly meeting']);
  });

  it('matches a tag', async () => {
    expect(await found('shutdown')).toEqual(['Quarterly meeting']);
  });

  it('reads a year, a month or a day as a date range', async () => {
    expect(await found('2026')).toHaveLength(3);
    expect(await found('2026-11')).toEqual(['Letter on 100% takedowns']);
    expect(await found('2027-01-05')).toEqual(['Notes_from_hallway']);
    expect(await found('2026-13')).toEqual([]);
  });

  it('finds words of what was said, with or without diacritics', async () => {
    expect(await found('go bo noi dung')).toEqual(['Letter on 100% takedowns']);
    expect(await found('100%')).toEqual(['Letter on 100% takedowns']);
  });

  it('takes % and _ as the characters typed, not as wildcards', async () => {
    expect(await found('%')).toEqual([]);
    expect(await found('_')).toEqual([]);
    expect(await found('0%t')).toEqual([]);
  });

  it('counts what the text matches, and combines with the company filter', async () => {
    const page = await t.call('engagements.list', { q: 'platform', limit: 1 });
    expect(page.total).toBe(2);
    expect(page.next).not.toBeNull();
    const second = await t.call('engagements.list', { q: 'platform', limit: 3, cursor: page.next! });
    expect(second.items.map((row) => row.title)).toEqual(['Video call with trust and safety']);
    const company = (await t.call('engagements.get', { id: ids.meeting! })).companyId;
    expect(await found('meeting', { companyId: company })).toEqual(['Quarterly meeting']);
  });

  it('returns exactly the entries asked for by id, for the chips already linked', async () => {
    const page = await t.call('engagements.list', { ids: [ids.call!, ids.other!] });
    expect(page.items.map((row) => row.id).sort()).toEqual([ids.call, ids.other].sort());
    expect((await t.call('engagements.list', { ids: [] })).items).toEqual([]);
  });
});
