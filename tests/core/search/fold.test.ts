// The snippet's fold keeps one UTF-16 unit per unit of the text, so mark offsets found in the
// folded text stay true in the original. It is computed once per unit and then read from a
// table; this checks every unit of the Basic Multilingual Plane and the surrogate halves against
// the plain definition (lowercase, the first unit of the canonical decomposition, đ → d).
import { describe, expect, it } from 'vitest';
import { buildSnippet, foldKeepingIndexes } from '../../../electron/core/search/snippet';

function foldByDefinition(unit: string): string {
  const code = unit.charCodeAt(0);
  if (code < 0x80) return unit.toLowerCase();
  if (code >= 0xd800 && code <= 0xdfff) return unit;
  if (unit === 'đ' || unit === 'Đ') return 'd';
  const base = unit.normalize('NFD')[0]!.toLowerCase();
  return base.length === 1 ? base : unit;
}

describe('folding text for snippets', () => {
  it('folds every UTF-16 unit as the definition does, one unit for one unit, on first and later use', () => {
    const every = Array.from({ length: 0x10000 }, (_, code) => String.fromCharCode(code)).join('');
    const expected = Array.from(every, (unit) => foldByDefinition(unit)).join('');
    for (let pass = 0; pass < 2; pass++) {
      const folded = foldKeepingIndexes(every);
      expect(folded.length).toBe(every.length);
      expect(folded === expected).toBe(true);
    }
  });

  it('keeps characters outside the BMP and their indexes', () => {
    const text = 'Đơn 😀 khiếu nại 𠀀 gửi';
    expect(foldKeepingIndexes(text)).toBe('don 😀 khieu nai 𠀀 gui');
  });

  it('marks the same words in a long multilingual note as before, at the same offsets', () => {
    const note = `${'Nền tảng đã gỡ bỏ nội dung của nhà báo. '.repeat(400)}账号被封禁 ${'เนื้อหาถูกลบ '.repeat(50)}`;
    const snippet = buildSnippet(note, 'go bo');
    expect(snippet.marks.map(([a, b]) => snippet.text.slice(a, b))).toEqual(['gỡ', 'bỏ', 'gỡ', 'bỏ', 'gỡ', 'bỏ', 'gỡ', 'bỏ']);
  });
});
