// Migration 017 on a vault written at version 16, whose index already holds tombstoned postings
// (edits replaced texts; a deletion at that version left no mark): the vault comes out marked for
// a purge, with the same records, chain and search results; the purge then leaves no tombstone and
// the same results. The check the migration and every purge step run seeks by rowid, never scans
// the index's data table.
import { describe, expect, it, vi } from 'vitest';
import { CompanyDraft, EngagementDraft } from '@shared/api/diary';
import { companyDrafts, engagementDraft, seeded } from '../../../bench/generate';
import { SEARCH_QUERIES } from '../../../bench/scale.bench';
import { diaryRecords } from '../../../electron/core/diary/handlers';
import { DiaryService } from '../../../electron/core/diary/service';
import { verifyChain } from '../../../electron/core/records/revisions';
import { finishPurge, holdsTombstones, purgePending, TOMBSTONE_ROWIDS_FROM } from '../../../electron/core/search/purge';
import { recordIndex } from '../../../electron/core/search/record-texts';
import { migrations } from '../../../electron/core/vault/migrations';
import type { VaultDatabase } from '../../../electron/core/vault/open';
import { createVault, harness, PASSPHRASE } from '../vault/helpers';

// A vault at an older version was written by the app of its time, with the diary rows it had then.
vi.mock('../../../electron/core/diary/repository', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../electron/core/diary/repository')>();
  const { writerOfTheVaultsVersion } = await import('../../helpers/legacy-diary-rows');
  return { ...actual, insertOrReplaceEngagement: writerOfTheVaultsVersion(actual.insertOrReplaceEngagement) };
});

const ENTRIES = 150;

function snapshot(db: VaultDatabase) {
  return {
    search: SEARCH_QUERIES.map((q) => recordIndex.search(db, q, 20).map((hit) => ({ id: hit.id, title: hit.title, snippet: hit.snippet }))),
    records: db.prepare('SELECT id, doc FROM engagements ORDER BY id').all(),
    chain: verifyChain(db, () => diaryRecords(db)),
  };
}

const usedBytes = (db: VaultDatabase) =>
  ((db.pragma('page_count', { simple: true }) as number) - (db.pragma('freelist_count', { simple: true }) as number)) * (db.pragma('page_size', { simple: true }) as number);

describe('migration 017: the search purge mark', () => {
  it('marks a version 16 vault whose index holds replaced texts, and keeps its records, chain and results through the purge', async () => {
    const old = harness({ migrations: migrations.filter((m) => m.version <= 16), checkAfterUnlock: false });
    const id = await createVault(old);
    const diary = new DiaryService({ database: () => old.service.database(), index: recordIndex });
    const random = seeded(17);
    const companyIds = companyDrafts(random).slice(0, 5).map((draft) => diary.saveCompany(CompanyDraft.parse(draft)).id);
    const saved = [];
    for (let index = 0; index < ENTRIES; index++) {
      saved.push(diary.saveEngagement(EngagementDraft.parse(engagementDraft(random, { index, count: ENTRIES, today: Date.UTC(2026, 11, 1), companyIds }))));
    }
    for (const e of saved.slice(0, 10)) diary.saveEngagement(EngagementDraft.parse({ ...e, outcome: `Revised outcome for ${e.id}` }));
    const oldDb = old.service.database();
    expect(oldDb.pragma('user_version', { simple: true })).toBe(16);
    expect(holdsTombstones(oldDb)).toBe(true);
    const before = snapshot(oldDb);
    const bytesBefore = usedBytes(oldDb);
    expect(before.chain.ok).toBe(true);
    expect(before.search.filter((hits) => hits.length > 0).length).toBeGreaterThan(20);
    old.service.lock('user');
    await old.service.settled();

    const current = harness({ dataDir: old.dataDir, checkAfterUnlock: false });
    await current.service.unlock(id, PASSPHRASE);
    const db = current.service.database();
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(17);
    expect(purgePending(db)).toBe(true);
    expect(snapshot(db)).toEqual(before);

    finishPurge(db);
    expect(purgePending(db)).toBe(false);
    expect(holdsTombstones(db)).toBe(false);
    expect(snapshot(db)).toEqual(before);
    console.log(`migration 017 and a purge on ${ENTRIES} entries: ${bytesBefore} bytes in use before, ${usedBytes(db)} after`);

    const plan = (db.prepare(`EXPLAIN QUERY PLAN SELECT 1 FROM record_search_data WHERE id >= ${TOMBSTONE_ROWIDS_FROM}`).all() as Array<{ detail: string }>).map((row) => row.detail);
    expect(plan.join(' ')).toMatch(/SEARCH record_search_data USING INTEGER PRIMARY KEY \(rowid>\?\)/);
    current.service.lock('user');
    await current.service.settled();
  }, 120_000);

  it('leaves a version 16 vault without tombstones unmarked', async () => {
    const old = harness({ migrations: migrations.filter((m) => m.version <= 16), checkAfterUnlock: false });
    const id = await createVault(old);
    const diary = new DiaryService({ database: () => old.service.database(), index: recordIndex });
    diary.saveCompany(CompanyDraft.parse(companyDrafts(seeded(3))[0]!));
    old.service.lock('user');
    await old.service.settled();
    const current = harness({ dataDir: old.dataDir, checkAfterUnlock: false });
    await current.service.unlock(id, PASSPHRASE);
    expect(purgePending(current.service.database())).toBe(false);
    current.service.lock('user');
    await current.service.settled();
  });
});
