// Record search answers common words from each phrase's top rows (search/top-rows.ts) instead of
// scoring every match. The promise: the rows shown are the full bm25 ranking's, in its order, before
// the top rows exist, once they do, after saves and deletions made since, and after another
// connection writes. Against a real encrypted vault, with thresholds lowered so a vault of a few
// thousand generated notes has common words, partial lists and proofs that fail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CANDIDATES_SQL, ROWS_SQL } from '../../../electron/core/records/search-index';
import { recordIndex } from '../../../electron/core/search/record-texts';
import { clearStoredTopRows } from '../../../electron/core/search/stored-top-rows';
import { startTopRows, topRowsProgress, type OpenReader } from '../../../electron/core/search/top-rows';
import { vaultPaths } from '../../../electron/core/vault/layout';
import type { VaultDatabase } from '../../../electron/core/vault/open';
import { createVault, harness, openWithKey, vaultKey, type Harness } from '../vault/helpers';
import { addNotesTo, expectFullRankingIn, QUERIES, seeded } from './top-rows-fixture';

const OPTIONS = { commonRows: 100, topRows: 40, deepRows: 80, scoredFromRows: 100 };
/** The worker that builds, as the app opens it: the vault service's reader on the open vault. */
const reader: OpenReader = (program, onMessage) => h.service.openReader(program, onMessage);
const NOTES = 2_500;
const LIMIT = 20;

let h: Harness;
let db: VaultDatabase;
let schemaBefore: unknown[];
const schema = () => db.prepare('SELECT type, name, sql FROM sqlite_schema ORDER BY name').all();

const expectFullRanking = (q: string) => expectFullRankingIn(db, q, LIMIT);

async function built(): Promise<void> {
  await expect.poll(() => topRowsProgress(db), { timeout: 60_000, interval: 50 }).toMatchObject({ vocabulary: true, waiting: 0 });
}

const addNotes = (count: number, random: () => number) => addNotesTo(db, count, random);

beforeAll(async () => {
  h = harness();
  await createVault(h);
  db = h.service.database();
  addNotes(NOTES, seeded(7));
  schemaBefore = schema();
});
afterAll(() => h.service.lock('user'));

describe('record search from top rows', () => {
  it('ranks every match in full, correctly, before the top rows exist', () => {
    for (const q of QUERIES) expectFullRanking(q);
    expect(topRowsProgress(db)).toBeNull();
  });

  it('answers common words from their top rows with the full ranking, and declines when it cannot prove it', async () => {
    startTopRows(db, reader, OPTIONS);
    await built();
    // Phrases typed for the first time (prefixes, phrases of several words) are built on request.
    for (const q of QUERIES) expectFullRanking(q);
    await built();
    const before = topRowsProgress(db)!;
    for (const q of QUERIES) expectFullRanking(q);
    const after = topRowsProgress(db)!;
    // Nothing changed since the build: answered from the kept scores, without asking FTS5.
    expect(after.kept - before.kept).toBeGreaterThanOrEqual(8);
    // Some proofs fail with lists this short: those queries were ranked in full, and still right.
    expect(after.declined - before.declined).toBeGreaterThan(0);
  }, 120_000);

  it('stays exact after saves and deletions made since the build', async () => {
    await built();
    const random = seeded(11);
    // New notes that outrank every kept row: short, the word repeated in the title.
    for (let i = 0; i < 3; i++) recordIndex.put(db, 'note', `new-${i}`, 'removal removal removal', ['removal account'], null);
    // The best-ranked note for a word loses it; another best one is deleted.
    const best = recordIndex.search(db, 'account', 2);
    recordIndex.put(db, 'note', best[0]!.id, 'nothing here', ['plain words'], null);
    recordIndex.remove(db, 'note', best[1]!.id);
    addNotes(30, random);
    const before = topRowsProgress(db)!;
    for (const q of QUERIES) expectFullRanking(q);
    expect(recordIndex.search(db, 'removal', 3).map((hit) => hit.id).sort()).toEqual(['new-0', 'new-1', 'new-2']);
    expect(recordIndex.search(db, 'account', LIMIT).map((hit) => hit.id)).not.toContain(best[0]!.id);
    // FTS5 scored the kept rows and the changed ones.
    expect(topRowsProgress(db)!.scored).toBeGreaterThan(before.scored);
    // The phrases those searches used are built again in the background; then kept scores answer.
    await built();
    const rebuilt = topRowsProgress(db)!;
    for (const q of QUERIES) expectFullRanking(q);
    expect(topRowsProgress(db)!.kept - rebuilt.kept).toBeGreaterThanOrEqual(5);
  }, 120_000);

  it('drops its top rows when another connection writes to the vault', async () => {
    await built();
    const vaultId = h.service.status().vault!.id;
    const other = openWithKey(vaultPaths(h.dataDir, vaultId).db, await vaultKey(h.dataDir, vaultId));
    // The other connection removes the best note for "removal" from the index.
    const best = recordIndex.search(db, 'removal', 1)[0]!;
    recordIndex.remove(other as VaultDatabase, 'note', best.id);
    other.close();
    expect(recordIndex.search(db, 'removal', LIMIT).map((hit) => hit.id)).not.toContain(best.id);
    expectFullRanking('removal');
    expect(topRowsProgress(db)!.vocabulary).toBe(false);
    await built();
    for (const q of QUERIES) expectFullRanking(q);
  }, 120_000);

  it('keeps at most the rows it may, dropping the phrases searched for longest ago, and stays exact', async () => {
    startTopRows(db, reader, { ...OPTIONS, maxKeptRows: 150 });
    await built();
    for (const q of QUERIES) expectFullRanking(q);
    await built();
    for (const q of QUERIES) expectFullRanking(q);
    expect(topRowsProgress(db)!.keptRows).toBeLessThanOrEqual(150);
    // The phrases of the last query searched are among those kept: it is answered from them.
    const before = topRowsProgress(db)!;
    expectFullRanking('removal');
    expectFullRanking('removal');
    expect(topRowsProgress(db)!.kept).toBeGreaterThan(before.kept);
    startTopRows(db, reader, OPTIONS);
  }, 120_000);

  it('keeps the lists of a search made while the common words are built, when those fill the room', async () => {
    // Room for the searched word's deep list alone: every common word built after it must not take its place.
    // Nothing stored in the vault answers the search meanwhile (stored-top-rows.test.ts).
    clearStoredTopRows(db);
    startTopRows(db, reader, { ...OPTIONS, maxKeptRows: OPTIONS.deepRows + OPTIONS.topRows - 1 });
    expectFullRanking('spyware');
    await built();
    expect(topRowsProgress(db)!.phrases).toBe(1);
    const before = topRowsProgress(db)!;
    expectFullRanking('spyware');
    expect(topRowsProgress(db)!.kept).toBe(before.kept + 1);
    startTopRows(db, reader, OPTIONS);
  }, 120_000);

  it('answers every query from kept scores once a search has made its phrases keep all their rows, with the full ranking', async () => {
    startTopRows(db, reader, { ...OPTIONS, deepRows: 100_000 });
    await built();
    // Phrases whose top rows proved nothing are built again with every row they hold.
    for (const q of QUERIES) expectFullRanking(q);
    await built();
    const before = topRowsProgress(db)!;
    for (const q of QUERIES) expectFullRanking(q);
    expect(topRowsProgress(db)!.kept - before.kept).toBe(QUERIES.length);
    startTopRows(db, reader, OPTIONS);
  }, 120_000);

  it('opens its worker no sooner than a second after the start, even when a search asks for a phrase at once', async () => {
    await built();
    // Nothing stored in the vault either, as when no build has finished before.
    clearStoredTopRows(db);
    const opened: number[] = [];
    const start = performance.now();
    startTopRows(db, (program, onMessage) => (opened.push(performance.now() - start), reader(program, onMessage)), OPTIONS);
    // A common word with no top rows yet: ranked in full, and its phrase asked for.
    expectFullRanking('removal');
    expect(topRowsProgress(db)!.waiting).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(opened).toEqual([]);
    await built();
    expect(opened).toHaveLength(1);
    expect(opened[0]).toBeGreaterThanOrEqual(990);
    expectFullRanking('removal');
  });

  it("leaves the vault's schema as it was before the build", async () => {
    await built();
    expect(schema()).toEqual(schemaBefore);
  });

  it('scores only the listed rows: FTS5 is given the MATCH alone, the list is looked up once per match', () => {
    const plan = db.prepare(`EXPLAIN QUERY PLAN ${CANDIDATES_SQL}`).all('"removal"*', '[1,2,3]', LIMIT) as Array<{ detail: string }>;
    const details = plan.map((step) => step.detail);
    // FTS5's index string: "M" for MATCH; a rowid constraint would add "=" and rerun the query per row.
    const scan = details.find((detail) => detail.startsWith('SCAN record_search VIRTUAL TABLE'));
    expect(scan, details.join(' | ')).toMatch(/VIRTUAL TABLE INDEX \d+:M/);
    expect(scan).not.toMatch(/=/);
    expect(details.some((detail) => /LIST SUBQUERY/.test(detail)), details.join(' | ')).toBe(true);
  });

  it('finds each row shown by its number, the table\'s own key: no index, no scan', () => {
    const plan = db.prepare(`EXPLAIN QUERY PLAN ${ROWS_SQL}`).all(1) as Array<{ detail: string }>;
    expect(plan.map((step) => step.detail)).toEqual(['SEARCH record_search_rows USING INTEGER PRIMARY KEY (rowid=?)']);
  });
});
