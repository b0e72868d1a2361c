// The word lists record search ranks common words from (search/term-index.ts), on real encrypted
// vaults of generated multilingual notes: the words and counts they hold are exactly FTS5's, they
// stay so through saves, edits and deletes, and the top 20 they give overlap the full bm25 ranking
// FTS5 computes over every match. Lists are kept short here (40 records a word, ranked whenever a
// word is in more than 40) so a few hundred records reach the same paths as 100,000 do.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompanyDraft, EngagementDraft } from '@shared/api/diary';
import { companyDrafts, engagementDraft, seeded } from '../../../bench/generate';
import { SEARCH_QUERIES } from '../../../bench/scale.bench';
import { DiaryService } from '../../../electron/core/diary/service';
import { EventBus } from '../../../electron/core/events';
import { createRecordIndex, matchExpression, queryChunks } from '../../../electron/core/records/search-index';
import { recordTexts, TEXT_SOURCES } from '../../../electron/core/search/record-texts';
import { rankByTerms } from '../../../electron/core/search/term-index';
import type { VaultDatabase } from '../../../electron/core/vault/open';
import { VaultService } from '../../../electron/core/vault/service';
import { TEST_KDF, TEST_PASSPHRASE } from '../../helpers/core';
import { tempDir } from '../../helpers/temp';

const OPTIONS = { listLength: 40, directBelow: 40 };
const ENTRIES = 400;
const index = createRecordIndex(recordTexts(TEXT_SOURCES), OPTIONS);

let vault: VaultService;
let diary: DiaryService;
let db: VaultDatabase;
let engagementIds: string[];

beforeAll(async () => {
  vault = new VaultService({ dataDir: tempDir(), events: new EventBus(), kdf: TEST_KDF, checkAfterUnlock: false });
  await vault.create('Terms', TEST_PASSPHRASE);
  db = vault.database();
  diary = new DiaryService({ database: () => vault.database(), index });
  const random = seeded(7);
  const companyIds = companyDrafts(random).slice(0, 6).map((draft) => diary.saveCompany(CompanyDraft.parse(draft)).id);
  engagementIds = [];
  db.transaction(() => {
    for (let i = 0; i < ENTRIES; i++) {
      engagementIds.push(diary.saveEngagement(EngagementDraft.parse(engagementDraft(random, { index: i, count: ENTRIES, today: Date.UTC(2026, 11, 1), companyIds }))).id);
    }
  })();
}, 240_000);
afterAll(() => vault.lock('user'));

/** Every word FTS5 holds with the number of records holding it, against the lists' counts. */
function vocabularies() {
  db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.record_search_vocab USING fts5vocab(main, record_search, 'row')");
  const fts = new Map((db.prepare('SELECT term, doc FROM temp.record_search_vocab').all() as Array<{ term: string; doc: number }>).map((r) => [r.term, r.doc]));
  const ours = new Map((db.prepare('SELECT term, df FROM record_search_terms WHERE df > 0').all() as Array<{ term: string; df: number }>).map((r) => [r.term, r.df]));
  return { fts, ours };
}

/** The top 20 by FTS5's bm25 over every match, and what the index returns. */
function overlaps(): Array<[string, number, boolean]> {
  const full = db.prepare(
    `SELECT r.entity_id FROM record_search s JOIN record_search_rows r ON r.row = s.rowid
      WHERE record_search MATCH ? ORDER BY bm25(record_search, 5.0, 1.0) LIMIT 20`,
  ).pluck();
  return SEARCH_QUERIES.map((q) => {
    const expected = full.all(matchExpression(q)!) as string[];
    const got = new Set(index.search(db, q, 20).map((hit) => hit.id));
    const listed = rankByTerms(db, queryChunks(q), 20, OPTIONS) !== null;
    return [q, expected.length === 0 ? 1 : expected.filter((id) => got.has(id)).length / expected.length, listed];
  });
}

describe('record search word lists', () => {
  it('hold exactly the words FTS5 indexed, each with the number of records that hold it', () => {
    const { fts, ours } = vocabularies();
    expect(fts.size).toBeGreaterThan(300);
    expect(ours).toEqual(fts);
    // Vietnamese folded without diacritics, Thai and Chinese words as FTS5 cut them.
    for (const word of ['khoan', 'đung', 'ลบ', '权']) expect(ours.has(word), word).toBe(fts.has(word));
  });

  it('rank the labelled queries from the lists with at least 90% of the full bm25 top 20', () => {
    const results = overlaps();
    for (const [q, overlap] of results) expect(overlap, q).toBeGreaterThanOrEqual(0.9);
    // Most common-word queries are answered from the lists, not by FTS5 over every match.
    expect(results.filter(([, , listed]) => listed).length).toBeGreaterThanOrEqual(10);
  });

  it('give the same ranking as FTS5 for a single common word, order included', () => {
    const full = db.prepare(
      `SELECT r.entity_id FROM record_search s JOIN record_search_rows r ON r.row = s.rowid
        WHERE record_search MATCH ? ORDER BY bm25(record_search, 5.0, 1.0), s.rowid LIMIT 20`,
    ).pluck();
    for (const q of ['account', 'platform', 'removal']) {
      expect(rankByTerms(db, queryChunks(q), 20, OPTIONS), q).not.toBeNull();
      expect(index.search(db, q, 20).map((hit) => hit.id), q).toEqual(full.all(matchExpression(q)!));
    }
  });

  it('stay exact through edits and deletes', { timeout: 120_000 }, () => {
    const random = seeded(99);
    const companyIds = diary.listCompanies().map((c) => c.id);
    db.transaction(() => {
      // Rewrite a third of the entries with new text, delete another sixth, add a few.
      engagementIds.forEach((id, i) => {
        if (i % 3 === 0) {
          const draft = EngagementDraft.parse({ ...engagementDraft(random, { index: i, count: ENTRIES, today: Date.UTC(2026, 11, 1), companyIds }), id });
          diary.saveEngagement(draft);
        } else if (i % 6 === 1) diary.deleteEngagement(id);
      });
      for (let i = 0; i < 30; i++) diary.saveEngagement(EngagementDraft.parse(engagementDraft(random, { index: i, count: 30, today: Date.UTC(2026, 11, 1), companyIds })));
    })();
    const { fts, ours } = vocabularies();
    expect(ours).toEqual(fts);
    // Every list entry is a live record's, and no word lists more than it holds.
    expect(db.prepare('SELECT count(*) FROM record_search_top t LEFT JOIN record_search_rows r ON r.row = t.row WHERE r.row IS NULL').pluck().get()).toBe(0);
    expect(
      db.prepare(
        `SELECT count(*) FROM record_search_terms t
          WHERE listed != (SELECT count(*) FROM record_search_top p WHERE p.term_id = t.id) OR listed > ?
             OR lowest != coalesce((SELECT min(impact) FROM record_search_top p WHERE p.term_id = t.id), 0)`,
      ).pluck().get(OPTIONS.listLength),
    ).toBe(0);
    for (const [q, overlap] of overlaps()) expect(overlap, q).toBeGreaterThanOrEqual(0.9);
  });

  it('are built again by a rebuild, and until a migrated vault is counted searches rank in FTS5', async () => {
    const before = index.search(db, 'account', 20).map((hit) => hit.id);
    db.exec('UPDATE record_search_term_state SET complete = 0; DELETE FROM record_search_top; DELETE FROM record_search_terms; DELETE FROM record_search_counts;');
    expect(rankByTerms(db, queryChunks('account'), 20, OPTIONS)).toBeNull();
    expect(index.search(db, 'account', 20).map((hit) => hit.id)).toEqual(before);
    // Counting stops when asked (a lock), and carries on from there later.
    expect(await index.completeTerms(db, () => true)).toBe(false);
    expect(await index.completeTerms(db, () => false)).toBe(true);
    expect(rankByTerms(db, queryChunks('account'), 20, OPTIONS)).not.toBeNull();
    expect(index.search(db, 'account', 20).map((hit) => hit.id)).toEqual(before);
    const { fts, ours } = vocabularies();
    expect(ours).toEqual(fts);

    await index.rebuild(db);
    expect(vocabularies().ours).toEqual(fts);
    expect(index.search(db, 'account', 20).map((hit) => hit.id)).toEqual(before);
  }, 180_000);
});
