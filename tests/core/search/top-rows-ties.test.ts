// A phrase's top rows are read best first, a few more than it keeps, and read again further when
// rows tied with the last kept one run past what was read (search/top-rows.ts, bestRows). The
// promise: every row tied with the last kept one is kept, the bound is the first worse row's
// score, the count of rows holding the phrase is FTS5's own, and searches stay exact. Against a
// real encrypted vault with 150 identical short notes (all tied) and 400 longer ones that score
// worse, so the first two reads end inside the tie.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { recordIndex } from '../../../electron/core/search/record-texts';
import { startTopRows, topRowsProgress } from '../../../electron/core/search/top-rows';
import type { VaultDatabase } from '../../../electron/core/vault/open';
import { createVault, harness, type Harness } from '../vault/helpers';

const TIED = 150;
const WORSE = 400;

let h: Harness;
let db: VaultDatabase;

beforeAll(async () => {
  h = harness();
  await createVault(h);
  db = h.service.database();
  db.transaction(() => {
    for (let i = 0; i < TIED; i++) recordIndex.put(db, 'note', `tied-${i}`, 'samenote', [''], null);
    // Longer texts score lower for the word; each filler word is its own, so none is common.
    for (let i = 0; i < WORSE; i++) recordIndex.put(db, 'note', `worse-${i}`, 'samenote', [`filler${i} `.repeat(2 + (i % 7))], null);
  })();
});
afterAll(() => h.service.lock('user'));

/** The full ranking's bm25 scores for the word, best first. */
const fullScores = (limit: number) =>
  db.prepare(`SELECT bm25(record_search, 5.0, 1.0) FROM record_search WHERE record_search MATCH '"samenote"' ORDER BY 1 LIMIT ?`).pluck().all(limit) as number[];

it('keeps every row tied with the last one it keeps, past the rows read first, and stays exact', async () => {
  // Keeps 5: the first read takes 69 rows and the second 138, both inside the tie of 150.
  startTopRows(db, (program, onMessage) => h.service.openReader(program, onMessage), { commonRows: 100, topRows: 5, deepRows: 10, scoredFromRows: 100 });
  await expect.poll(() => topRowsProgress(db), { timeout: 60_000, interval: 50 }).toMatchObject({ vocabulary: true, waiting: 0 });
  // One common word, kept with its whole tie and nothing below it.
  expect(topRowsProgress(db)).toMatchObject({ phrases: 1, keptRows: TIED });

  const before = topRowsProgress(db)!;
  const hits = recordIndex.search(db, 'samenote', 20);
  expect(hits.every((hit) => hit.id.startsWith('tied-'))).toBe(true);
  // Answered from the kept scores: the bound (the first worse row) proves nothing else reaches the top.
  expect(topRowsProgress(db)!.kept).toBe(before.kept + 1);

  // Past the tie, the rows below the bound come from FTS5, in the full ranking's order.
  const scores = fullScores(TIED + 30);
  expect(scores[TIED - 1]).toBe(scores[0]);
  expect(scores[TIED]).toBeGreaterThan(scores[0]!);
  const deeper = recordIndex.search(db, 'samenote', TIED + 30);
  expect(deeper).toHaveLength(TIED + 30);
  expect(deeper.slice(TIED).every((hit) => hit.id.startsWith('worse-'))).toBe(true);
}, 120_000);
