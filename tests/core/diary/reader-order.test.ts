// The diary grouped by company and the tag lists come back in the reader's language, from a real
// encrypted vault through the dispatcher: Vietnamese puts Á with A and Đ after D, Thai skips the
// leading vowels เ แ โ ใ ไ. SQLite's NOCASE, which these lists used, puts every one of those
// names after Z or by its vowel. Paging in that order loses and repeats no entry, whichever way a
// page is reached, with pages ending anywhere inside a company's entries.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngagementRow, InterfaceLanguage } from '@shared/api/diary';
import { unlockedCore, type TestCore } from '../../helpers/core';

// Each list in the order its language reads it; code-point order (what NOCASE gives non-ASCII
// names) differs from it in both.
const VIETNAMESE = ['An Phát', 'Ánh Dương', 'Ăn Ngon', 'Âu Lạc', 'Ba Huân', 'Bảo Việt', 'Dệt May', 'Đông Á Bank', 'Zalo'];
const THAI = ['กสิกรไทย', 'แกรมมี่', 'ทรู คอร์ปอเรชั่น', 'โทเทิ่ล แอ็คเซ็ส', 'ไทยพาณิชย์', 'ใบหยก', 'เอไอเอส'];
const VIETNAMESE_TAGS = ['an ninh', 'ánh sáng', 'ân hạn', 'bảo mật', 'dữ liệu', 'đàn áp', 'xoá bài'];
const THAI_TAGS = ['กฎหมาย', 'โฆษณา', 'เซ็นเซอร์', 'นักข่าว', 'ใบสั่ง', 'ไม่ตอบ', 'แอปพลิเคชัน'];

/** Names as NOCASE ordered them, to show the expected orders are not that one. */
const codePointOrder = (names: string[]) => [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/** The companies of `rows` in the order their runs appear (each company must be one run). */
function companyRuns(rows: EngagementRow[]): string[] {
  const runs: string[] = [];
  for (const row of rows) if (runs.at(-1) !== row.companyName) runs.push(row.companyName);
  return runs;
}

describe('the diary grouped by company in the reader\'s language', () => {
  let t: TestCore;
  const idOf = new Map<string, string>();
  let count = 0;

  beforeAll(async () => {
    t = await unlockedCore();
    // Shuffled, so neither insertion order nor ids give the expected order by chance.
    const names = [...VIETNAMESE, ...THAI].sort((a, b) => a.length - b.length || (a < b ? 1 : -1));
    for (const name of names) idOf.set(name, (await t.call('companies.save', { name, sector: 'other' })).id);
    // 1 to 5 entries per company, several at the same minute, so pages end inside companies and
    // the entry id must break ties.
    for (const [i, name] of names.entries()) {
      for (let k = 0; k < 1 + (i % 5); k++) {
        await t.call('engagements.save', {
          occurredAt: new Date(Date.UTC(2026, 2, 1 + Math.floor(k / 2), 9, 0)).toISOString(),
          companyId: idOf.get(name)!,
          channel: 'meeting',
          title: `${name} ${k}`,
          tags: [VIETNAMESE_TAGS[(i + k) % VIETNAMESE_TAGS.length]!, THAI_TAGS[(i + 2 * k) % THAI_TAGS.length]!],
        });
        count++;
      }
    }
    await t.call('notes.save', { title: 'Tags', body: 'Tags in two scripts.', tags: [...THAI_TAGS].reverse() });
    await t.call('notes.save', { title: 'Thẻ', body: 'Thẻ tiếng Việt.', tags: [...VIETNAMESE_TAGS].reverse() });
  }, 120_000);
  afterAll(() => t.core.close());

  async function walk(locale: InterfaceLanguage, limit: number): Promise<EngagementRow[]> {
    const rows: EngagementRow[] = [];
    let cursor: string | undefined;
    for (;;) {
      const page = await t.call('engagements.list', { sort: 'company', locale, limit, ...(cursor ? { cursor } : {}) });
      expect(page.total).toBe(count);
      rows.push(...page.items);
      if (!page.next) return rows;
      cursor = page.next;
    }
  }

  it('puts Á with A and Đ after D in Vietnamese, and skips Thai leading vowels in Thai', async () => {
    expect(codePointOrder(VIETNAMESE)).not.toEqual(VIETNAMESE);
    expect(codePointOrder(THAI)).not.toEqual(THAI);
    const vietnamese = companyRuns((await t.call('engagements.list', { sort: 'company', locale: 'vi', limit: 1000 })).items);
    expect(vietnamese.filter((name) => VIETNAMESE.includes(name))).toEqual(VIETNAMESE);
    const thai = companyRuns((await t.call('engagements.list', { sort: 'company', locale: 'th', limit: 1000 })).items);
    expect(thai.filter((name) => THAI.includes(name))).toEqual(THAI);
    // Each company is one run: its entries are together.
    expect(vietnamese).toHaveLength(VIETNAMESE.length + THAI.length);
    expect(thai).toHaveLength(VIETNAMESE.length + THAI.length);
  });

  it.each([
    ['vi', 1],
    ['vi', 4],
    ['th', 3],
    ['th', 7],
  ] as const)('reaches every entry once by cursor in %s, %i a page, newest first within each company', async (locale, limit) => {
    const rows = await walk(locale, limit);
    expect(rows).toHaveLength(count);
    expect(new Set(rows.map((row) => row.id)).size).toBe(count);
    const whole = (await t.call('engagements.list', { sort: 'company', locale, limit: 1000 })).items;
    expect(rows.map((row) => row.id)).toEqual(whole.map((row) => row.id));
    for (let i = 1; i < rows.length; i++) {
      const [before, row] = [rows[i - 1]!, rows[i]!];
      if (before.companyId !== row.companyId) continue;
      expect(before.occurredAt > row.occurredAt || (before.occurredAt === row.occurredAt && before.id > row.id), `${before.title} before ${row.title}`).toBe(true);
    }
  });

  it('gives the same rows by position as by cursor', async () => {
    for (const locale of ['vi', 'th'] as const) {
      const whole = (await t.call('engagements.list', { sort: 'company', locale, limit: 1000 })).items;
      for (const offset of [1, 5, 17, count - 2]) {
        const page = await t.call('engagements.list', { sort: 'company', locale, offset, limit: 4 });
        expect(page.index).toBe(offset);
        expect(page.items.map((row) => row.id)).toEqual(whole.slice(offset, offset + 4).map((row) => row.id));
      }
    }
  });

  it('keeps each language\'s order apart when pages in two languages interleave', async () => {
    const alone = { vi: await walk('vi', 5), th: await walk('th', 5) };
    const rows: Record<'vi' | 'th', EngagementRow[]> = { vi: [], th: [] };
    const cursors: Record<'vi' | 'th', string | null | undefined> = { vi: undefined, th: undefined };
    while (cursors.vi !== null || cursors.th !== null) {
      for (const locale of ['vi', 'th'] as const) {
        if (cursors[locale] === null) continue;
        const page = await t.call('engagements.list', { sort: 'company', locale, limit: 5, ...(cursors[locale] ? { cursor: cursors[locale]! } : {}) });
        rows[locale].push(...page.items);
        cursors[locale] = page.next;
      }
    }
    expect(rows.vi.map((row) => row.id)).toEqual(alone.vi.map((row) => row.id));
    expect(rows.th.map((row) => row.id)).toEqual(alone.th.map((row) => row.id));
  });

  it('applies the filters inside the order', async () => {
    const tag = THAI_TAGS[1]!;
    const rows = (await t.call('engagements.list', { sort: 'company', locale: 'th', tag, limit: 1000 })).items;
    const all = (await t.call('engagements.list', { sort: 'company', locale: 'th', limit: 1000 })).items;
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.map((row) => row.id)).toEqual(all.filter((row) => row.tags.includes(tag)).map((row) => row.id));
  });

  it('sorts tags of entries and of notes in the reader\'s language', async () => {
    expect(codePointOrder(VIETNAMESE_TAGS)).not.toEqual(VIETNAMESE_TAGS);
    expect(codePointOrder(THAI_TAGS)).not.toEqual(THAI_TAGS);
    const entryTags = await t.call('engagements.tags', { locale: 'vi' });
    expect(entryTags.filter((tag) => VIETNAMESE_TAGS.includes(tag))).toEqual(VIETNAMESE_TAGS);
    expect((await t.call('engagements.tags', { locale: 'th' })).filter((tag) => THAI_TAGS.includes(tag))).toEqual(THAI_TAGS);
    expect((await t.call('notes.tags', { locale: 'vi' })).filter((tag) => VIETNAMESE_TAGS.includes(tag))).toEqual(VIETNAMESE_TAGS);
    expect((await t.call('notes.tags', { locale: 'th' })).filter((tag) => THAI_TAGS.includes(tag))).toEqual(THAI_TAGS);
    // Without a language, the same tags in English order.
    expect(new Set(await t.call('engagements.tags', null))).toEqual(new Set(entryTags));
  });

  it('refuses an unknown language with a sentence', async () => {
    const result = await t.raw('engagements.list', { sort: 'company', locale: 'fr', limit: 5 });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('the company order after the companies change', () => {
  let t: TestCore;
  afterAll(() => t.core.close());

  it('places a renamed or new company at once, and refuses a cursor whose company is gone', async () => {
    t = await unlockedCore();
    const save = async (name: string, id?: string) => (await t.call('companies.save', { ...(id ? { id } : {}), name, sector: 'other' })).id;
    const entry = async (companyId: string, day: number) => t.call('engagements.save', { occurredAt: `2026-04-${String(day).padStart(2, '0')}T10:00:00Z`, companyId, channel: 'call' });
    const zalo = await save('Zalo');
    const dong = await save('Đông Á Bank');
    for (const [i, id] of [zalo, zalo, dong].entries()) await entry(id, i + 1);
    const order = async () => companyRuns((await t.call('engagements.list', { sort: 'company', locale: 'vi', limit: 100 })).items);
    expect(await order()).toEqual(['Đông Á Bank', 'Zalo']);

    await save('Ánh Dương', zalo);
    expect(await order()).toEqual(['Ánh Dương', 'Đông Á Bank']);
    await entry(await save('Bảo Việt'), 9);
    expect(await order()).toEqual(['Ánh Dương', 'Bảo Việt', 'Đông Á Bank']);

    // A page that ends on Đông Á Bank's only entry; then that entry and the company go.
    const last = await t.call('engagements.list', { sort: 'company', locale: 'vi', limit: 4 });
    expect(last.items.at(-1)!.companyId).toBe(dong);
    await t.call('engagements.delete', { id: last.items.at(-1)!.id });
    await t.call('companies.delete', { id: dong });
    const after = await t.raw('engagements.list', { sort: 'company', locale: 'vi', limit: 4, cursor: last.next });
    expect(after).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', key: 'diary.staleListPosition', message: expect.stringMatching(/Reload the list/) } });
  });
});
