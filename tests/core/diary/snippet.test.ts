import { describe, expect, it } from 'vitest';
import { buildSnippet, foldKeepingIndexes } from '../../../electron/core/search/snippet';

const marked = (snippet: { text: string; marks: Array<[number, number]> }) => snippet.marks.map(([a, b]) => snippet.text.slice(a, b));

describe('snippets built in code', () => {
  it('folds Vietnamese without moving any character', () => {
    const text = 'Nền tảng đã gỡ bỏ nội dung';
    expect(foldKeepingIndexes(text)).toHaveLength(text.length);
    expect(foldKeepingIndexes(text)).toBe('nen tang da go bo noi dung');
  });

  it('marks each query word, with or without diacritics', () => {
    expect(marked(buildSnippet('Nền tảng đã gỡ bỏ nội dung của nhà báo', 'go bo noi dung'))).toEqual(['gỡ', 'bỏ', 'nội', 'dung']);
    expect(marked(buildSnippet('Nền tảng đã gỡ bỏ nội dung', 'gỡ bỏ'))).toEqual(['gỡ', 'bỏ']);
  });

  it('marks whole words only, and the whole word a prefix starts', () => {
    expect(marked(buildSnippet('The reviewer will review it before escalation', 'review escalat'))).toEqual(['review', 'escalation']);
  });

  it('finds words inside unspaced Thai and Chinese', () => {
    expect(marked(buildSnippet('เนื้อหาถูกลบโดยไม่มีเหตุผล', 'ถูกลบ'))).toEqual(['ถูกลบ']);
    expect(marked(buildSnippet('账号被封禁后无法申诉', '封禁'))).toEqual(['封禁']);
  });

  it('shows the window with the most matches, cut with an ellipsis', () => {
    const text = `${'Unrelated words about something else entirely. '.repeat(20)}The phishing messages and more phishing links reached staff.`;
    const snippet = buildSnippet(text, 'phishing');
    expect(snippet.text.startsWith('…')).toBe(true);
    expect(marked(snippet)).toEqual(['phishing', 'phishing']);
    expect(snippet.text.length).toBeLessThanOrEqual(170);
  });

  it('gives the start of the text when no word matches in it', () => {
    expect(buildSnippet('Nothing to see here', 'absent')).toEqual({ text: 'Nothing to see here', marks: [] });
  });
});
