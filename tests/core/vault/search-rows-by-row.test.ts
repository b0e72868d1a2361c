// Migration 021 on a vault written at version 20: diary entries in several scripts, notes indexed
// with skewed words, edits and deletions (gaps in the row numbers), and the top rows a session
// stored for the next unlock. After it: the same rows under the same numbers, the same search
// results and snippets, the stored top rows still answering the first searches before any build,
// fewer bytes; then saves, deletions and a rebuild keep every search the full bm25 ranking.
import { describe, expect, it } from 'vitest';
import { CompanyDraft, EngagementDraft } from '@shared/api/diary';
import { companyDrafts, engagementDraft, seeded as seededDrafts } from '../../../bench/generate';
import { SEARCH_QUERIES } from '../../../bench/scale.bench';
import { DiaryService } from '../../../electron/core/diary/service';
import { recordIndex } from '../../../electron/core/search/record-texts';
import { closeTopRows, startTopRows, topRowsProgress, type OpenReader } from '../../../electron/core/search/top-rows';
import { migrations } from '../../../electron/core/vault/migrations';
import type { VaultDatabase } from '../../../electron/core/vault/open';
import { addNotesTo, expectFullRankingIn, QUERIES, seeded } from '../search/top-rows-fixture';
import { createVault, harness, PASSPHRASE, type Harness } from './helpers';

const ENTRIES = 300;
const LIMIT = 20;
const TOP_ROWS = { commonRows: 100, topRows: 40, deepRows: 80, scoredFromRows: 100 };
const ALL_QUERIES = [...QUERIES, ...SEARCH_QUERIES];

const usedBytes = (db: VaultDatabase) =>
  ((db.pragma('page_count', { simple: true }) as number) - (db.pragma('freelist_count', { simple: true }) as number)) * (db.pragma('page_size', { simple: true }) as number);

/** Every row of the table, by number, and every search as a reader gets it. */
function snapshot(db: VaultDatabase) {
  return {
    rows: db.prepare('SELECT row, entity, entity_id, title, at FROM record_search_rows ORDER BY row').all(),
    search: ALL_QUERIES.map((q) => recordIndex.search(db, q, LIMIT)),
    stored: db.prepare('SELECT totals, lists FROM record_search_top_rows').all(),
  };
}

/** Starts the top rows as the app does after unlock, with the thresholds lowered for this small vault. */
function startBuild(h: Harness): void {
  const reader: OpenReader = (program, onMessage) => h.service.openReader(program, onMessage);
  startTopRows(h.service.database(), reader, TOP_ROWS);
}

describe('search rows keyed by row (migration 021)', () => {
  it('moves a vault written at version 20: same rows, results and stored top rows, fewer bytes; writes and a rebuild stay exact', async () => {
    const old = harness({ migrations: migrations.filter((m) => m.version <= 20), checkAfterUnlock: false, beforeClose: closeTopRows });
    const id = await createVault(old);
    let db = old.service.database();
    const diary = new DiaryService({ database: () => old.service.database(), index: recordIndex, now: () => new Date(old.clock.now) });
    const random = seededDrafts(21);
    const companyIds = companyDrafts(random).slice(0, 5).map((draft) => diary.saveCompany(CompanyDraft.parse(draft)).id);
    const saved = Array.from({ length: ENTRIES }, (_, index) =>
      diary.saveEngagement(EngagementDraft.parse(engagementDraft(random, { index, count: ENTRIES, today: Date.UTC(2026, 11, 1), companyIds }))),
    );
    const notes = addNotesTo(db, 2_000, seeded(21));
    // Edits and deletions leave the numbers with gaps, as years of use do.
    for (const entry of saved.slice(0, 10)) diary.saveEngagement(EngagementDraft.parse({ ...entry, title: `Revised ${entry.title}` }));
    for (const entry of saved.slice(10, 15)) diary.deleteEngagement(entry.id);
    for (const note of notes.slice(0, 40)) recordIndex.remove(db, 'note', note);
    startBuild(old);
    await expect.poll(() => topRowsProgress(db), { timeout: 60_000, interval: 50 }).toMatchObject({ vocabulary: true, waiting: 0 });
    await expect.poll(() => db.prepare('SELECT count(*) FROM record_search_top_rows').pluck().get(), { timeout: 10_000, interval: 50 }).toBe(1);

    expect(db.pragma('user_version', { simple: true })).toBe(20);
    const before = snapshot(db);
    expect(before.search.filter((hits) => hits.length > 0).length).toBeGreaterThan(ALL_QUERIES.length / 2);
    expect(before.search.flat().some((hit) => hit.title.startsWith('Revised '))).toBe(true);
    const bytesBefore = usedBytes(db);
    old.service.lock('user');
    await old.service.settled();

    const current = harness({ dataDir: old.dataDir, checkAfterUnlock: false, beforeClose: closeTopRows });
    await current.service.unlock(id, PASSPHRASE);
    db = current.service.database();
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(21);
    // The stored lists come through untouched and answer before any build: no worker is started yet.
    startBuild(current);
    const after = snapshot(db);
    expect(topRowsProgress(db)!.kept + topRowsProgress(db)!.scored).toBeGreaterThan(0);
    expect(topRowsProgress(db)!.vocabulary).toBe(false);
    expect(after).toEqual(before);
    const bytesAfter = usedBytes(db);
    console.log(`migration 021 on ${ENTRIES} entries and 2,000 notes: ${bytesBefore} bytes in use before, ${bytesAfter} after`);
    expect(bytesAfter).toBeLessThanOrEqual(bytesBefore);

    // The row is the table's key; a record has one row, found through its own unique index.
    const columns = db.prepare("SELECT name, pk FROM pragma_table_info('record_search_rows') ORDER BY cid").all();
    expect(columns).toEqual([
      { name: 'row', pk: 1 },
      { name: 'entity', pk: 0 },
      { name: 'entity_id', pk: 0 },
      { name: 'title', pk: 0 },
      { name: 'at', pk: 0 },
    ]);
    const indexes = db.prepare("SELECT name, \"unique\" AS isUnique FROM pragma_index_list('record_search_rows')").all();
    expect(indexes).toEqual([{ name: 'record_search_rows_by_record', isUnique: 1 }]);
    expect(db.prepare("SELECT name FROM pragma_index_info('record_search_rows_by_record') ORDER BY seqno").pluck().all()).toEqual(['entity', 'entity_id']);
    expect(() => db.prepare("INSERT INTO record_search_rows (row, entity, entity_id, title) VALUES (?, 'engagement', ?, 'x')").run(10_000_000, saved[20]!.id)).toThrow(/UNIQUE/);

    // Writes after the move: an edit, new records and a deletion.
    const diaryAfter = new DiaryService({ database: () => current.service.database(), index: recordIndex, now: () => new Date(current.clock.now) });
    diaryAfter.saveEngagement(EngagementDraft.parse({ ...saved[20]!, title: 'Edited after the move' }));
    const added = addNotesTo(db, 50, seeded(22));
    recordIndex.remove(db, 'note', added[0]!);
    diaryAfter.deleteEngagement(saved[21]!.id);
    expect(recordIndex.search(db, 'Edited after the move', LIMIT).map((hit) => hit.id)).toContain(saved[20]!.id);
    expect(db.prepare('SELECT count(*) FROM record_search_rows WHERE entity_id IN (?, ?)').pluck().get(added[0], saved[21]!.id)).toBe(0);
    for (const q of QUERIES) expectFullRankingIn(db, q, LIMIT);

    // A rebuild numbers the rows anew from the records themselves (the notes above are index rows
    // only, with no record behind them, so they go): the same diary entries, ranked in full.
    const entries = () => db.prepare("SELECT entity_id, title, at FROM record_search_rows WHERE entity = 'engagement' ORDER BY entity_id").all();
    const entriesBefore = entries();
    expect(entriesBefore.length).toBe(ENTRIES - 6);
    await recordIndex.rebuild(db);
    expect(entries()).toEqual(entriesBefore);
    expect(db.prepare("SELECT count(*) FROM record_search_rows WHERE entity = 'note'").pluck().get()).toBe(0);
    for (const q of SEARCH_QUERIES) expectFullRankingIn(db, q, LIMIT);
    current.service.lock('user');
    await current.service.settled();
  }, 300_000);
});
