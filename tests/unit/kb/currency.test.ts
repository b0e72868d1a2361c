import { describe, expect, it } from 'vitest';
import { hasLapsed, isStale, latestDay, todayIso } from '@shared/domain/kb-currency';

describe('how current a knowledge-base entry is', () => {
  const today = '2026-12-01';

  it('warns about a check more than twelve months old, not about one within a year', () => {
    expect(isStale('2026-12-01', today)).toBe(false);
    expect(isStale('2025-12-01', today)).toBe(false);
    expect(isStale('2025-11-30', today)).toBe(true);
    expect(isStale('2013', today)).toBe(true);
  });

  it('counts a month or a year from its first day, so an imprecise date warns early', () => {
    expect(isStale('2025-12', today)).toBe(false);
    expect(isStale('2025-11', today)).toBe(true);
    expect(isStale('2025', today)).toBe(true);
  });

  it('treats a fact as lapsed only after the last day its end date can mean', () => {
    expect(hasLapsed('2026-07-31', today)).toBe(true);
    expect(hasLapsed('2026-12-01', today)).toBe(false);
    expect(hasLapsed('2026-12', today)).toBe(false);
    expect(hasLapsed('2026-11', today)).toBe(true);
    expect(hasLapsed(null, today)).toBe(false);
    expect(latestDay('2024-02')).toBe('2024-02-29');
  });

  it('reads today in UTC', () => {
    expect(todayIso(new Date('2026-12-01T23:30:00-05:00'))).toBe('2026-12-02');
  });
});
