// The common phrases' top rows stored in the vault (search/stored-top-rows.ts) answer the searches
// of the next unlock before the build. The promise: those answers are the full bm25 ranking's,
// whether the store was written with nothing changed since the lists were built, with saves and
// deletions made since, or was cleared by a later save; and the vault holds only common phrases.
// Against a real encrypted vault, locked and unlocked, with thresholds lowered as in top-rows.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordIndex } from '../../../electron/core/search/record-texts';
import { readStoredTopRows } from '../../../electron/core/search/stored-top-rows';
import { closeTopRows, startTopRows, topRowsProgress, type OpenReader } from '../../../electron/core/search/top-rows';
import { vaultPaths } from '../../../electron/core/vault/layout';
import type { VaultDatabase } from '../../../electron/core/vault/open';
import { createVault, decryptedCopy, harness, PASSPHRASE, vaultKey, type Harness } from '../vault/helpers';
import { addNotesTo, expectFullRankingIn, QUERIES, seeded } from './top-rows-fixture';

const OPTIONS = { commonRows: 100, topRows: 40, deepRows: 80, scoredFromRows: 100 };
const LIMIT = 20;

let h: Harness;
let id: string;
let db: VaultDatabase;
/** When the worker was opened, for each unlock; empty while no build has started. */
let opened: number[] = [];

const reader: OpenReader = (program, onMessage) => (opened.push(Date.now()), h.service.openReader(program, onMessage));
const stored = () => db.prepare('SELECT count(*) FROM record_search_top_rows').pluck().get() as number;
/** What the vault stores, read as the next unlock would. */
const storedNow = () => readStoredTopRows(db, db.prepare('SELECT block FROM record_search_data WHERE id = 1').pluck().get() as Uint8Array);

async function builtAndStored(): Promise<void> {
  await expect.poll(() => topRowsProgress(db), { timeout: 60_000, interval: 50 }).toMatchObject({ vocabulary: true, waiting: 0 });
  await expect.poll(stored, { timeout: 10_000, interval: 50 }).toBe(1);
}

/** Locks and unlocks, then starts the top rows as the app does after unlock. */
async function reopen(): Promise<void> {
  h.service.lock('user');
  await h.service.settled();
  await h.service.unlock(id, PASSPHRASE);
  db = h.service.database();
  opened = [];
  startTopRows(db, reader, OPTIONS);
}

/**
 * Every query is answered with the full ranking before the build starts; those answered from
 * stored lists (from their scores alone, or by FTS5 scoring their rows and the rows changed since).
 */
function searchBeforeTheBuild(): string[] {
  const fromStored: string[] = [];
  const answered = () => topRowsProgress(db)!.kept + topRowsProgress(db)!.scored;
  for (const q of QUERIES) {
    const before = answered();
    expectFullRankingIn(db, q, LIMIT);
    if (answered() > before) fromStored.push(q);
  }
  expect(opened).toEqual([]);
  return fromStored;
}

/**
 * Deletes every record holding the least held common word that begins no other word (one the
 * store holds), in one transaction, which clears the store; returns the word.
 */
function deleteEveryHolderOfACommonWord(): string {
  db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.terms USING fts5vocab(main, 'record_search', 'row')");
  const word = db
    .prepare("SELECT term FROM temp.terms t WHERE doc >= 100 AND term GLOB '[a-z]*' AND NOT EXISTS (SELECT 1 FROM temp.terms o WHERE o.term > t.term AND o.term GLOB t.term || '*') ORDER BY doc LIMIT 1")
    .pluck()
    .get() as string;
  expect([...storedNow()!.lists.keys()]).toContain(`"${word}"`);
  const holders = recordIndex.search(db, `${word} `, 10_000).map((hit) => hit.id);
  db.transaction(() => {
    for (const note of holders) recordIndex.remove(db, 'note', note);
  })();
  expect(stored()).toBe(0);
  expect(recordIndex.search(db, `${word} `, 1)).toEqual([]);
  return word;
}

/** What the vault stores again holds lists, none of them for `word` or its prefix. */
function expectNotStored(word: string): void {
  const phrases = [...storedNow()!.lists.keys()];
  expect(phrases.length).toBeGreaterThan(10);
  expect(phrases.filter((phrase) => phrase.startsWith(`"${word}"`))).toEqual([]);
}

beforeAll(async () => {
  // As the app closes a vault (createCore's beforeClose).
  h = harness({ checkAfterUnlock: false, beforeClose: closeTopRows });
  id = await createVault(h);
  db = h.service.database();
  addNotesTo(db, 2_500, seeded(7));
  startTopRows(db, reader, OPTIONS);
});
afterAll(() => h.service.lock('user'));

describe('top rows stored in the vault', () => {
  it('hold only the phrases the vocabulary made common, never one a search asked for', async () => {
    recordIndex.search(db, 'rare spyware', LIMIT);
    await builtAndStored();
    db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.terms USING fts5vocab(main, 'record_search', 'row')");
    const terms = db.prepare('SELECT term FROM temp.terms WHERE doc >= 100').pluck().all() as string[];
    const common = new Set(terms.flatMap((term) => [`"${term}"`, `"${term}"*`]));
    const phrases = [...storedNow()!.lists.keys()];
    expect(phrases.length).toBeGreaterThan(10);
    for (const phrase of phrases) expect(common.has(phrase), phrase).toBe(true);
  });

  it('answer the first searches of the next unlock with the full ranking, before the build', async () => {
    await reopen();
    // The common words searched alone; phrases of several words need longer lists than are stored.
    // A word typed last is a prefix: "removal" and "account" have lists of their own as prefixes,
    // "spyware" and "rare" are answered by their word's list, as no other word begins with them.
    expect(searchBeforeTheBuild()).toEqual(expect.arrayContaining(['removal', 'account', 'spyware', 'rare']));
  });

  it('are cleared by a save in its own transaction, and stored again, with the rows changed since, once saves pause', async () => {
    await builtAndStored();
    const random = seeded(11);
    // Notes that outrank every kept row, an edited best row and a deleted one.
    db.transaction(() => {
      for (let i = 0; i < 3; i++) recordIndex.put(db, 'note', `new-${i}`, 'removal removal removal', ['removal account'], null);
      const best = recordIndex.search(db, 'account', 2);
      recordIndex.put(db, 'note', best[0]!.id, 'nothing here', ['plain words'], null);
      recordIndex.remove(db, 'note', best[1]!.id);
      expect(stored()).toBe(0);
    })();
    addNotesTo(db, 20, random);
    await expect.poll(stored, { timeout: 10_000, interval: 50 }).toBe(1);
    expect(storedNow()!.changed.length).toBeGreaterThan(20);
    await reopen();
    // Stored lists that predate the changes: every search is still the full ranking.
    expect(searchBeforeTheBuild()).not.toEqual([]);
  });

  it('are stored at lock when a save cleared them and saves had not paused, but not at panic', async () => {
    await builtAndStored();
    addNotesTo(db, 3, seeded(13));
    expect(stored()).toBe(0);
    await reopen();
    expect(stored()).toBe(1);
    expect(searchBeforeTheBuild()).toEqual(expect.arrayContaining(['removal', 'account']));

    await builtAndStored();
    addNotesTo(db, 3, seeded(14));
    // Panic must not wait for a write: the next unlock ranks in full until the build.
    h.service.lock('panic');
    await h.service.settled();
    await h.service.unlock(id, PASSPHRASE);
    db = h.service.database();
    expect(stored()).toBe(0);
    opened = [];
    startTopRows(db, reader, OPTIONS);
    expect(searchBeforeTheBuild()).toEqual([]);
  });

  it('never store a common word once every record holding it is deleted', async () => {
    await builtAndStored();
    const word = deleteEveryHolderOfACommonWord();
    await expect.poll(stored, { timeout: 10_000, interval: 50 }).toBe(1);
    expectNotStored(word);
  });

  it('never store a common word at lock once every record holding it is deleted', async () => {
    await builtAndStored();
    const word = deleteEveryHolderOfACommonWord();
    // Locked at once: the lists are stored at lock, not by the timer.
    await reopen();
    expect(stored()).toBe(1);
    expectNotStored(word);
  });

  it('are not used, and are stored again, when they do not read whole', async () => {
    // The cipher authenticates the row, so only a fault of the app's own could write such bytes.
    const damage: Record<string, (lists: Buffer) => Buffer> = {
      'cut inside the last scores': (lists) => lists.subarray(0, lists.length - 4),
      'cut by one score': (lists) => lists.subarray(0, lists.length - 8),
      'with bytes after the last list': (lists) => Buffer.concat([lists, Buffer.alloc(8)]),
      'with one list more than it holds': (lists) => Buffer.concat([Buffer.from([0xff, 0xff, 0, 0]), lists.subarray(4)]),
    };
    for (const [what, damaged] of Object.entries(damage)) {
      await builtAndStored();
      const lists = db.prepare('SELECT lists FROM record_search_top_rows').pluck().get() as Buffer;
      db.prepare('UPDATE record_search_top_rows SET lists = ?').run(damaged(lists));
      expect(storedNow, what).toThrow(RangeError);
      await reopen();
      expect(searchBeforeTheBuild(), what).toEqual([]);
      // Replaced once the build is done, though no write cleared it.
      await expect.poll(() => storedNow()?.lists.size ?? 0, { timeout: 60_000, interval: 50 }).toBeGreaterThan(10);
    }
  });

  it('are not used when the index was written without clearing them', async () => {
    await builtAndStored();
    // A write that bypasses the index's code, as a faulty migration might: the totals differ.
    db.prepare("INSERT INTO record_search (title, body) VALUES ('removal removal', 'removal account')").run();
    await reopen();
    expect(searchBeforeTheBuild()).toEqual([]);
    // Stored again for the index as it is, once built.
    await expect.poll(() => storedNow()?.lists.size ?? 0, { timeout: 60_000, interval: 50 }).toBeGreaterThan(10);
  });

  it('leave no copy of a deleted common word in the file, even after a panic right after the deletion', async () => {
    await builtAndStored();
    // The phrase as the stored row spells it: the index keeps its words without quotes.
    const spelled = (word: string) => Buffer.from(`"${word}"`);
    const file = vaultPaths(h.dataDir, id).db;
    const key = await vaultKey(h.dataDir, id);
    db.pragma('wal_checkpoint(TRUNCATE)');
    const word = deleteEveryHolderOfACommonWord();
    // Until the deletion's commit reaches the file, the stored row there holds the word.
    expect(decryptedCopy(file, key).includes(spelled(word))).toBe(true);
    // A panic stores nothing, and the close checkpoints the deletion into the file: decrypted, it
    // holds the word nowhere. (This guards the end state, not one mechanism: it also passed with
    // secure_delete off, as the deletion's own writes reuse the pages it freed.)
    h.service.lock('panic');
    await h.service.settled();
    expect(decryptedCopy(file, key).includes(spelled(word))).toBe(false);
    await h.service.unlock(id, PASSPHRASE);
    db = h.service.database();
    opened = [];
    startTopRows(db, reader, OPTIONS);
  });
});
