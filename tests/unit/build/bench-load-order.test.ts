// The start-up bench's load order: each load pays for tearing down the page before it, so every
// kind must follow every kind (itself included) equally often, or one contender is favoured.
import { describe, expect, it } from 'vitest';
import { everyPairOnce } from '../../../bench/shell.bench';

describe('everyPairOnce', () => {
  it.each([2, 3, 4])('orders %i kinds so that, round the cycle, each follows each exactly once', (kinds) => {
    const cycle = everyPairOnce(kinds);
    expect(cycle).toHaveLength(kinds * kinds);
    const pairs = cycle.map((kind, i) => `${cycle[(i + cycle.length - 1) % cycle.length]}>${kind}`);
    expect(new Set(pairs).size).toBe(kinds * kinds);
    // And so each kind is loaded as often as the others.
    for (let kind = 0; kind < kinds; kind++) expect(cycle.filter((k) => k === kind)).toHaveLength(kinds);
  });

  it('gives two kinds the cycle the bench alternated in before it (blank, app, app, blank, rotated)', () => {
    expect(everyPairOnce(2)).toEqual([0, 0, 1, 1]);
  });
});
