// List rows never say one name twice: a platform named like its company, or an entry titled with
// its company's name, shows the name once.
import { describe, expect, it } from 'vitest';
import { distinctNames, sameName } from '../../../renderer/src/components/distinct-names';

describe('names in list rows', () => {
  it('keeps each name once, whatever its case or spacing, and drops empty ones', () => {
    expect(distinctNames(['Meta', 'meta '])).toEqual(['Meta']);
    expect(distinctNames(['Facebook', 'Meta'])).toEqual(['Facebook', 'Meta']);
    expect(distinctNames([null, 'Zalo', '', undefined])).toEqual(['Zalo']);
    expect(distinctNames(['ＺＡＬＯ', 'Zalo'])).toEqual(['ＺＡＬＯ']);
  });

  it('says when an entry title is only the company name', () => {
    expect(sameName('Example Platform', 'example platform')).toBe(true);
    expect(sameName('Call with Example Platform', 'Example Platform')).toBe(false);
    expect(sameName(null, 'Example Platform')).toBe(false);
  });
});
