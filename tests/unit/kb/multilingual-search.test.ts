import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { KB_TRANSLATION_LANGUAGES } from '@shared/api/kb';
import { buildIndex, serialiseIndex, termFor } from '../../../electron/core/kb/lunr-index';
import { indexFileName } from '../../../electron/core/kb/search/index-files';
import { readSearchIndex } from '../../../electron/core/kb/search/load';
import { adjacentShare } from '../../../electron/core/kb/search/proximity';
import { planQuery, type PlanVocabulary } from '../../../electron/core/kb/search/query-plan';
import { stemmer as stemIndonesian } from '@orama/stemmers/indonesian';
import type { KbService } from '../../../electron/core/kb/service';
import { openBuiltKb } from './built-kb';

/** A vocabulary that holds every term, for planning without an index. */
const everything: PlanVocabulary = { has: () => true, completions: () => [], near: () => [] };

describe('knowledge-base search per language', () => {
  let kb: KbService;
  let dir: string;
  beforeAll(() => {
    ({ service: kb, dir } = openBuiltKb());
  });

  it('writes one index per language, English alone in index.json', () => {
    const english = readSearchIndex(JSON.parse(fs.readFileSync(path.join(dir, indexFileName('en')), 'utf8')));
    expect(english.index.refs.length).toBeGreaterThan(0);
    expect(english.index.refs.every((ref) => !ref.includes('@'))).toBe(true);
    for (const language of KB_TRANSLATION_LANGUAGES) {
      const { index } = readSearchIndex(JSON.parse(fs.readFileSync(path.join(dir, indexFileName(language)), 'utf8')));
      expect(index.refs.length, language).toBeGreaterThan(0);
      expect(index.refs.every((ref) => ref.endsWith(`@${language}`)), language).toBe(true);
    }
  });

  it('finds a Thai question in the Thai passage with the interface in English, by its script', () => {
    const [first] = kb.search('ประเมินความเสี่ยงก่อนพบบริษัท', { limit: 3 }).hits;
    expect(first?.language).toBe('th');
  });

  it("answers in the reader's language and English only, so other translations do not compete", () => {
    const hits = kb.search('OECD', { limit: 30, language: 'km' }).hits;
    expect(hits.length).toBeGreaterThan(3);
    expect(hits.every((hit) => hit.language === 'km' || hit.language === 'en')).toBe(true);
    expect(hits.some((hit) => hit.language === 'km')).toBe(true);
  });

  it('drops a language\'s function words from a question: "if … what must be done" in Thai', () => {
    expect(planQuery('ถ้าการเจรจาโดยตรงไม่สำเร็จต้องทำอย่างไร', everything, 'th').map((group) => group.word)).toEqual(['เจรจา', 'โดยตรง', 'สําเร็จ']);
  });

  it('reads "who" as a question for people in each language, Burmese joined again after the segmenter cut it', () => {
    const [who] = planQuery('မည်သူ့ကို ဆက်သွယ်ရမည်နည်း', everything, 'my');
    expect(who?.word).toBe('မည်သူ့');
    expect([...who!.terms.keys()]).toEqual(expect.arrayContaining(['သူများ', 'ဝန်ထမ်း', 'အဖွဲ့']));
    const [thai] = planQuery('ใคร', everything, 'th');
    expect([...thai!.terms.keys()]).toContain('คน');
  });

  it('stems Indonesian as Indonesian: a verb, its noun and its root meet', () => {
    expect(['mencatat', 'catatan', 'catat'].map(stemIndonesian)).toEqual(['catat', 'catat', 'catat']);
    expect(stemIndonesian('bekerja')).toBe('kerja');
    expect(stemIndonesian('bersama')).toBe('sama');
    expect(stemIndonesian('perusahaannya')).toBe(stemIndonesian('perusahaan'));
    // Two syllables or fewer are left alone: "data", "hak" (right).
    expect(stemIndonesian('data')).toBe('data');
    expect(stemIndonesian('hak')).toBe('hak');
    // The English stemmer stays with English.
    expect(termFor('regional', 'id')).toBe('regional');
    expect(termFor('regional', 'en')).toBe('region');
  });

  it("gives the passage that says the question's phrase the whole proximity share, and one that breaks it less", () => {
    const documents = [
      { ref: 'side-by-side', title: '', heading: '', body: 'Đánh giá rủi ro trước và sau khi tiếp xúc.' },
      { ref: 'scattered', title: '', heading: '', body: 'Rủi ro lớn. Tác động cần đánh giá.' },
    ];
    const { index, lexicon } = readSearchIndex(JSON.parse(JSON.stringify(serialiseIndex(buildIndex(documents, 'vi'), documents, 'vi'))));
    const vocabulary: PlanVocabulary = { has: (term) => index.has(term), completions: (p, l) => lexicon.completions(p, l), near: (w) => lexicon.near(w) };
    const groups = planQuery('đánh giá rủi ro ', vocabulary, 'vi');
    expect(adjacentShare(index, index.refs.indexOf('side-by-side'), groups)).toBe(1);
    // "đánh giá" and "rủi ro" stand whole in both; only the first says "giá rủi".
    expect(adjacentShare(index, index.refs.indexOf('scattered'), groups)).toBeCloseTo(2 / 3);
  });
});
