// The one search box against a real encrypted vault and the built knowledge base: a record that
// holds every word typed (exactly, or with the diacritics left off) is shown before knowledge-base
// passages found only by correcting a typo or loosening a word, while an exact passage keeps its
// place; each passage says how it matched, so the box can label typo matches.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unlockedCore, type TestCore } from '../../helpers/core';

let t: TestCore;
beforeAll(async () => {
  t = await unlockedCore();
  const company = await t.call('companies.save', { name: 'Zalo', sector: 'social-media' });
  await t.call('notes.save', { title: 'Phản hồi của Zalo về gỡ bỏ nội dung', body: 'Họ hứa trả lời trong 14 ngày.', companyId: company.id });
  await t.call('notes.save', { title: 'Drapak reading group', body: 'Our own name for the weekly reading circle.' });
  await t.call('notes.save', { title: 'OECD complaint draft', body: 'Points for the national contact point.' });
});
afterAll(() => t.core.close());

const search = (q: string) => t.call('search.all', { q, limit: 12 });

describe('search ranking across the knowledge base and the user\'s records', () => {
  it('puts the user\'s exact record above knowledge-base passages found only by correcting a typo, and marks those', async () => {
    const result = await search('drapak');
    expect(result.records.map((hit) => hit.title)).toEqual(['Drapak reading group']);
    // The knowledge base still answers, through the near spelling "DRAPAC".
    expect(result.kb[0]).toMatchObject({ id: 'drapac', match: 'typo' });
    expect(result.kb.every((hit) => hit.match === 'typo')).toBe(true);
    expect(result.first).toBe('records');
  });

  it('puts a record matched without its diacritics first when the knowledge base has no exact passage', async () => {
    const result = await search('phan hoi go bo');
    expect(result.records[0]).toMatchObject({ entity: 'note', title: 'Phản hồi của Zalo về gỡ bỏ nội dung' });
    expect(result.kb.some((hit) => hit.match === 'exact')).toBe(false);
    expect(result.first).toBe('records');
  });

  it('keeps the knowledge base first when it matches every word exactly', async () => {
    const result = await search('OECD complaint');
    expect(result.records.map((hit) => hit.title)).toContain('OECD complaint draft');
    expect(result.kb[0]!.match).toBe('exact');
    expect(result.first).toBe('kb');
  });

  it('counts the word still being typed as matched when a passage completes it, as the record search does', async () => {
    const typing = await search('santa clar');
    expect(typing.kb[0]).toMatchObject({ id: 'santa-clara', match: 'exact' });
  });

  it('returns a passage that matched in several languages in the reader\'s language', async () => {
    // "UPR" is kept in every translation, so the passage matches in all of them.
    const english = await t.call('search.all', { q: 'UPR', limit: 12 });
    const vietnamese = await t.call('search.all', { q: 'UPR', limit: 12, language: 'vi' });
    expect(english.kb.find((hit) => hit.id === 'upr')).toMatchObject({ language: 'en' });
    expect(vietnamese.kb.find((hit) => hit.id === 'upr')).toMatchObject({ language: 'vi' });
  });

  it('shows the knowledge base first, even a typo match, when no record holds the words', async () => {
    const result = await search('escalaton');
    expect(result.records).toEqual([]);
    expect(result.kb[0]!.match).toBe('typo');
    expect(result.first).toBe('kb');
  });
});
