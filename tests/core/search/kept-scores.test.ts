// What kept scores prove, against a brute-force ranking of made-up scores: an answer given from
// the lists alone must be the exact top of the sums, and complete lists must always answer.
import { describe, expect, it } from 'vitest';
import { fromKept, listBound, topOf, type TopRows } from '../../../electron/core/search/kept-scores';
import { seeded } from './top-rows-fixture';

type Scores = Map<number, number>;

/** A phrase's top rows as the builder keeps them: its best `keep` rows and the next one's score as bound. */
function listOf(scores: Scores, keep: number): TopRows {
  const best = [...scores].sort((a, b) => b[1] - a[1]);
  const kept = best.slice(0, keep);
  const rows = Int32Array.from(kept.map(([row]) => row));
  return {
    phrase: 'p',
    rows,
    scores: Float64Array.from(kept.map(([, score]) => score)),
    byRow: Int32Array.from(rows.keys()).sort((a, b) => rows[a]! - rows[b]!),
    bound: best[keep]?.[1] ?? 0,
    df: scores.size,
    nRow: 1_000,
    avgdl: 50,
    since: 0,
    depth: keep,
  };
}

/** The top `limit` rows holding every phrase, by the sum of their scores, as bm25 (negative) gives them. */
function bruteForce(phrases: Scores[], limit: number): Array<{ rowid: number; score: number }> {
  const [first, ...rest] = phrases;
  return [...first!.keys()]
    .filter((row) => rest.every((scores) => scores.has(row)))
    .map((row) => ({ rowid: row, score: -phrases.reduce((sum, scores) => sum + scores.get(row)!, 0) }))
    .sort((a, b) => a.score - b.score)
    .slice(0, limit);
}

describe('kept scores', () => {
  it('answer only with the exact top of every match, and always when the lists are complete', () => {
    const random = seeded(11);
    let answered = 0;
    let partialAnswered = 0;
    const trials = 400;
    for (let trial = 0; trial < trials; trial++) {
      const rowCount = 20 + Math.floor(random() * 200);
      const phrases: Scores[] = Array.from({ length: 1 + Math.floor(random() * 3) }, () => {
        const share = 0.2 + random() * 0.7;
        const scores: Scores = new Map();
        for (let row = 1; row <= rowCount; row++) if (random() < share) scores.set(row, 0.1 + random() * 10);
        return scores;
      });
      const complete = random() < 0.25;
      const lists = phrases.map((scores) => listOf(scores, complete ? scores.size : 1 + Math.floor(random() * rowCount * 0.6)));
      const limit = 1 + Math.floor(random() * 20);
      const answer = fromKept(lists, limit);
      if (complete || lists.every((list) => list.bound === 0)) expect(answer).not.toBeNull();
      if (!answer) continue;
      answered++;
      if (lists.some((list) => list.bound > 0)) partialAnswered++;
      const expected = bruteForce(phrases, limit);
      expect(answer.map((hit) => hit.rowid)).toEqual(expected.map((hit) => hit.rowid));
      answer.forEach((hit, i) => expect(hit.score).toBeCloseTo(expected[i]!.score, 9));
    }
    // Not vacuous: many queries were answered, some of them from lists that left rows out (167 and
    // 45 of 400 with this seed).
    expect(answered).toBeGreaterThan(trials / 3);
    expect(partialAnswered).toBeGreaterThan(trials / 20);
  });

  it('cut a list to its best rows with the next score as its bound', () => {
    const list = listOf(new Map([[1, 9], [2, 7], [3, 5], [4, 3]]), 4);
    const top = topOf(list, 2);
    expect([...top.rows]).toEqual([1, 2]);
    expect(top.bound).toBe(5);
    expect(topOf(list, 10)).toBe(list);
  });

  it('loosen the bound as rows change and the average length grows, never below what was kept', () => {
    const list = listOf(new Map([[1, 9], [2, 7], [3, 5]]), 2);
    const now = { nRow: list.nRow, avgdl: list.avgdl };
    expect(listBound(list, 0, now)).toBeCloseTo(5, 12);
    expect(listBound(list, 2, now)).toBeGreaterThan(5);
    expect(listBound(list, 0, { ...now, avgdl: 100 })).toBeCloseTo(10, 12);
    expect(listBound(list, 0, { ...now, avgdl: 25 })).toBeCloseTo(5, 12);
    expect(listBound(listOf(new Map([[1, 9]]), 1), 50, now)).toBe(0);
  });
});
