// Migration 017 on a vault filled before it (version 16, FTS5 only): after the upgrade every
// search returns what it did, snippets included, first ranked by FTS5 while the records' words are
// counted, then from the word lists once they are; the lists hold exactly FTS5's words.
import { describe, expect, it } from 'vitest';
import { CompanyDraft, EngagementDraft } from '@shared/api/diary';
import { companyDrafts, engagementDraft, seeded } from '../../../bench/generate';
import { SEARCH_QUERIES } from '../../../bench/scale.bench';
import { DiaryService } from '../../../electron/core/diary/service';
import { createRecordIndex, queryChunks } from '../../../electron/core/records/search-index';
import { recordTexts, TEXT_SOURCES } from '../../../electron/core/search/record-texts';
import { rankByTerms, termsComplete } from '../../../electron/core/search/term-index';
import { migrations } from '../../../electron/core/vault/migrations';
import type { VaultDatabase } from '../../../electron/core/vault/open';
import { createVault, harness, PASSPHRASE } from '../vault/helpers';

const ENTRIES = 300;
const OPTIONS = { listLength: 40, directBelow: 40 };
const index = createRecordIndex(recordTexts(TEXT_SOURCES), OPTIONS);

const results = (db: VaultDatabase) => SEARCH_QUERIES.map((q) => index.search(db, q, 20).map((hit) => ({ id: hit.id, title: hit.title, snippet: hit.snippet })));

describe('record search word lists (migration 017)', () => {
  it('moves a vault filled at version 16: the same results before and after its words are counted', async () => {
    const old = harness({ migrations: migrations.filter((m) => m.version <= 16) });
    const id = await createVault(old);
    const diary = new DiaryService({ database: () => old.service.database(), index });
    const random = seeded(21);
    const companyIds = companyDrafts(random).slice(0, 6).map((draft) => diary.saveCompany(CompanyDraft.parse(draft)).id);
    const saved = [];
    for (let i = 0; i < ENTRIES; i++) saved.push(diary.saveEngagement(EngagementDraft.parse(engagementDraft(random, { index: i, count: ENTRIES, today: Date.UTC(2026, 11, 1), companyIds }))));
    diary.saveEngagement(EngagementDraft.parse({ ...saved[3]!, outcome: 'Revised outcome after the appeal' }));
    diary.deleteEngagement(saved[5]!.id);
    const oldDb = old.service.database();
    expect(oldDb.pragma('user_version', { simple: true })).toBe(16);
    const before = results(oldDb);
    expect(before.filter((hits) => hits.length > 0).length).toBeGreaterThan(20);
    old.service.lock('user');
    await old.service.settled();

    const current = harness({ dataDir: old.dataDir });
    await current.service.unlock(id, PASSPHRASE);
    const db = current.service.database();
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(17);
    // Not counted yet: FTS5 ranks, with the same results.
    expect(termsComplete(db)).toBe(false);
    expect(rankByTerms(db, queryChunks('account'), 20, OPTIONS)).toBeNull();
    expect(results(db)).toEqual(before);

    expect(await index.completeTerms(db, () => false)).toBe(true);
    expect(termsComplete(db)).toBe(true);
    expect(rankByTerms(db, queryChunks('account'), 20, OPTIONS)).not.toBeNull();
    expect(results(db)).toEqual(before);
    db.exec("CREATE VIRTUAL TABLE temp.record_search_vocab USING fts5vocab(main, record_search, 'row')");
    const fts = db.prepare('SELECT term, doc FROM temp.record_search_vocab ORDER BY term').all();
    expect(db.prepare('SELECT term, df AS doc FROM record_search_terms WHERE df > 0 ORDER BY term').all()).toEqual(fts);
    current.service.lock('user');
    await current.service.settled();
  }, 300_000);
});
