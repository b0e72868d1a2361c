import { describe, expect, it } from 'vitest';
import { typedDate } from '../../../renderer/src/app/date-typing';

describe('a whole date typed into a date field', () => {
  it('reads ISO dates with or without dashes', () => {
    expect(typedDate('2026-10-15')).toBe('2026-10-15');
    expect(typedDate('20261015')).toBe('2026-10-15');
  });

  it('refuses days that do not exist and sequences that are not a full date', () => {
    expect(typedDate('2026-02-30')).toBeNull();
    expect(typedDate('2026-13-01')).toBeNull();
    expect(typedDate('2026-10')).toBeNull();
    // Day-first and month-first digits typed into the native parts never read as ISO.
    expect(typedDate('15102026')).toBeNull();
    expect(typedDate('10152026')).toBeNull();
    expect(typedDate('01022026')).toBeNull();
  });
});
