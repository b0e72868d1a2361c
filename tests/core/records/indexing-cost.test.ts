// Indexing cost on unspaced text: a record of Thai or Chinese without spaces used to make the
// chunker rescan everything before each cut for a space, so one large partner bundle held every
// call (lock included) for most of a minute. Cost must now grow with the text, not its square.
import { describe, expect, it } from 'vitest';
import { indexedText, MAX_INDEXED_CHARS, segmentForIndex } from '../../../electron/core/records/search-index';
import { wordSpans } from '../../../electron/shared/search/normalise';
import { unlockedCore } from '../../helpers/core';

const THAI = 'การคุกคามทางออนไลน์เพิ่มขึ้นความเป็นส่วนตัวของผู้ใช้ถูกละเมิดบัญชีของนักข่าวถูกระงับรัฐบาลขอให้เซ็นเซอร์โพสต์';
const CHINESE = '平台删除了人权捍卫者的帖子政府要求审查内容记者的账户被限制了三个月我们收到了钓鱼邮件账号被封禁后无法申诉';

/** About `bytes` of UTF-8 text with no space after the first character (the rescanning worst case). */
function unspaced(sentence: string, bytes: number): string {
  const chars = Math.round(bytes / 3);
  return ` ${sentence.repeat(Math.ceil(chars / sentence.length)).slice(0, chars)}`;
}

/**
 * The fastest of a few runs of each, taken in turn so that a busy moment of the machine falls on
 * both sizes alike; other work on the machine only ever adds time, so the minimum is the cost.
 */
function fastestMs(runs: number, fns: Array<() => unknown>): number[] {
  const best = fns.map(() => Infinity);
  for (let i = 0; i < runs; i++) {
    fns.forEach((fn, at) => {
      const start = performance.now();
      fn();
      best[at] = Math.min(best[at]!, performance.now() - start);
    });
  }
  return best;
}

describe('indexing unspaced text', () => {
  for (const [script, sentence] of [
    ['Thai', THAI],
    ['Chinese', CHINESE],
  ] as const) {
    it(`segments 1 MB of ${script} in about ten times the time of 100 KB`, () => {
      const small = unspaced(sentence, 100_000);
      const large = unspaced(sentence, 1_000_000);
      segmentForIndex(small); // warm ICU's dictionary
      const [smallMs, largeMs] = fastestMs(3, [() => segmentForIndex(small), () => segmentForIndex(large)]) as [number, number];
      // Linear would be 10×; quadratic 100×. Measured 10–15× here (a larger text also costs the
      // allocator and the caches more), so 25× still tells linear from quadratic with room.
      expect(largeMs / smallMs).toBeLessThan(25);
    }, 60_000);
  }

  it('never cuts a character outside the Basic Multilingual Plane in two', () => {
    // 𠀀 (U+20000) is two UTF-16 units; 999 of them put a pair across every 1000-unit boundary.
    const text = '𠀀'.repeat(1500);
    const tokens = wordSpans(text).map((span) => span.token);
    expect(tokens.join('')).toBe(text);
    expect(tokens.every((token) => !/[\ud800-\udfff]/u.test(token.replace(/\p{Script=Han}/gu, '')))).toBe(true);
  });

  it('indexes at most the cap of one record, cut between characters', () => {
    const text = `${'平'.repeat(MAX_INDEXED_CHARS - 1)}𠀀 tail`;
    const kept = indexedText([text]);
    expect(kept.length).toBe(MAX_INDEXED_CHARS - 1);
    expect(kept.endsWith('平')).toBe(true);
  });

  it('saves a 180,000-character unspaced note quickly and finds the words before the cap', async () => {
    const t = await unlockedCore();
    const company = await t.call('companies.save', { name: 'Example Platform', sector: 'social-media' });
    const notes = `${'鬻'.repeat(10)}${unspaced(CHINESE, 540_000).slice(1)}ท้ายสุดของบันทึก`;
    const start = performance.now();
    const saved = await t.call('engagements.save', { occurredAt: '2026-11-02T09:00:00Z', companyId: company.id, channel: 'meeting', notes, concerns: [], commitments: [] });
    expect(performance.now() - start).toBeLessThan(5_000);
    expect((await t.call('records.search', { q: '鬻鬻', limit: 5 })).map((hit) => hit.id)).toEqual([saved.id]);
    // The Thai words at the very end lie past the cap: the record is whole, the index is not.
    expect(await t.call('records.search', { q: 'ท้ายสุด', limit: 5 })).toHaveLength(0);
    await t.core.close();
  }, 60_000);
});
