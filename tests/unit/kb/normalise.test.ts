import { describe, expect, it } from 'vitest';
import { foldForSearch, searchTokens, wordSpans } from '@shared/search/normalise';
import { termFor } from '../../../electron/core/kb/lunr-index';

describe('the shared search normaliser', () => {
  it('folds Vietnamese so words typed without diacritics match', () => {
    expect(searchTokens('Nhân quyền và nhà báo ở Đà Nẵng')).toEqual(['nhan', 'quyen', 'va', 'nha', 'bao', 'o', 'da', 'nang']);
    expect(searchTokens('nhan quyen')).toEqual(searchTokens('NHÂN QUYỀN'));
    // Decomposed input (as some keyboards send it) folds the same as precomposed.
    expect(foldForSearch('quyền'.normalize('NFD'))).toBe(foldForSearch('quyền'.normalize('NFC')));
  });

  it('keeps whole Vietnamese words that the default lunr trimmer would cut', () => {
    expect(searchTokens('vệ phủ giữ nhà')).toEqual(['ve', 'phu', 'giu', 'nha']);
  });

  it('segments Chinese into words without spaces', () => {
    const tokens = searchTokens('人权捍卫者记录了侵权行为');
    expect(tokens).toContain('人权');
    expect(tokens).toContain('记录');
    expect(tokens.join('')).toBe('人权捍卫者记录了侵权行为');
  });

  it('segments Thai and keeps its vowel and tone marks', () => {
    const tokens = searchTokens('ผู้พิทักษ์สิทธิมนุษยชนได้บันทึกการละเมิด');
    expect(tokens).toContain('ผู้');
    expect(tokens).toContain('บันทึก');
    expect(tokens.join('')).toBe('ผู้พิทักษ์สิทธิมนุษยชนได้บันทึกการละเมิด');
  });

  it('segments Burmese and Khmer', () => {
    expect(searchTokens('လူ့အခွင့်အရေးကာကွယ်သူများသည်')).toContain('အခွင့်အရေး');
    expect(searchTokens('អ្នកការពារសិទ្ធិមនុស្សបានកត់ត្រា')).toContain('សិទ្ធិមនុស្ស');
  });

  it('reports where each word sits in the original text, for highlighting', () => {
    const text = 'Nhà báo: 人权 and Meta’s report';
    for (const span of wordSpans(text)) {
      expect(foldForSearch(text.slice(span.start, span.start + span.length))).toBe(span.token);
    }
  });

  it('splits web addresses and possessives the way people search for them', () => {
    expect(searchTokens("Meta's team at ohchr.org")).toEqual(['meta', 'team', 'at', 'ohchr', 'org']);
    expect(searchTokens('Article 19(3), 3.5 million')).toEqual(['article', '19', '3', '3.5', 'million']);
  });

  it('unifies full-width letters and ligatures', () => {
    expect(searchTokens('ＯＥＣＤ ﬁle')).toEqual(['oecd', 'file']);
  });

  it('stems English words in the knowledge-base index but leaves other scripts alone', () => {
    expect(termFor('complaints')).toBe(termFor('complaint'));
    expect(termFor('escalation')).toBe(termFor('escalate'));
    expect(termFor('the')).toBeUndefined();
    expect(termFor('人权')).toBe('人权');
    expect(termFor('บันทึก')).toBe('บันทึก');
  });
});
