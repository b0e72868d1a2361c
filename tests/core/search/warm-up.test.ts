// The search warm-up after unlock: it runs once the unlock call has answered, on the vault still
// open then, reads no record (its word is in no record, even in a vault full of notes), and
// leaves alone a vault that was locked before it ran. Then it reads the index's table of row
// lengths in slices, each in a turn of its own, unless they would not fit in the page cache, and
// stops at lock. Against a real encrypted vault file.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RecordIndex } from '../../../electron/core/records/search-index';
import { recordIndex } from '../../../electron/core/search/record-texts';
import type { OpenReader } from '../../../electron/core/search/top-rows';
import { warmDocLengths, warmRecordSearchSoon } from '../../../electron/core/search/warm-up';
import { runVaultReader } from '../../../electron/core/vault/background';
import { vaultPaths } from '../../../electron/core/vault/layout';
import type { VaultDatabase } from '../../../electron/core/vault/open';
import { TEST_PASSPHRASE, unlockedCore, type TestCore } from '../../helpers/core';
import { openWithKey, vaultKey } from '../vault/helpers';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

function watchedIndex(): { index: RecordIndex; searches: Array<{ query: string; hits: number }> } {
  const searches: Array<{ query: string; hits: number }> = [];
  return {
    searches,
    index: {
      ...recordIndex,
      search(db, query, limit) {
        const hits = recordIndex.search(db, query, limit);
        searches.push({ query, hits: hits.length });
        return hits;
      },
    },
  };
}

describe('warming record search after unlock', () => {
  let t: TestCore;
  let file: string;
  let key: Buffer;
  const reader: OpenReader = (program, onMessage) => runVaultReader(file, key, program, onMessage);

  beforeAll(async () => {
    t = await unlockedCore();
    for (const word of ['phishing', 'warm', 'warmup', 'qqzx']) await t.call('notes.save', { title: `Note about ${word}`, body: `The ${word} notes.` });
    const vault = (await t.call('vault.status', null)).vault!;
    file = vaultPaths(t.dataDir, vault.id).db;
    key = await vaultKey(t.dataDir, vault.id, TEST_PASSPHRASE);
  });
  afterAll(() => t.core.close());

  it('searches the open vault once, after the current call, and finds no record', async () => {
    const db: VaultDatabase = openWithKey(file, key);
    const { index, searches } = watchedIndex();
    warmRecordSearchSoon(() => db, index, reader);
    expect(searches).toEqual([]);
    await nextTurn();
    expect(searches).toHaveLength(1);
    expect(searches[0]!.hits).toBe(0);
    // The records are there and found by a real search on the same connection.
    expect(recordIndex.search(db, 'phishing', 5).map((hit) => hit.title)).toEqual(['Note about phishing']);
    db.close();
  });

  it('leaves alone a vault locked before the warm-up runs', async () => {
    const db: VaultDatabase = openWithKey(file, key);
    let open = true;
    const { index, searches } = watchedIndex();
    const logged = vi.spyOn(console, 'error');
    warmRecordSearchSoon(() => (open ? db : null), index, reader);
    open = false;
    db.close();
    await nextTurn();
    expect(searches).toEqual([]);
    expect(logged).not.toHaveBeenCalled();
    logged.mockRestore();
  });

  /** The ranges of ids each read of the lengths table asked for, on a connection that records them. */
  function watchedLengths(db: VaultDatabase): { db: VaultDatabase; ranges: Array<[number, number]> } {
    const ranges: Array<[number, number]> = [];
    const watched = new Proxy(db, {
      get(target, property) {
        if (property !== 'prepare') return Reflect.get(target, property, target);
        return (sql: string) => {
          const statement = target.prepare(sql);
          if (!sql.includes('WHERE id >')) return statement;
          return new Proxy(statement, {
            get: (st, name) => (name === 'get' ? (from: number, to: number) => (ranges.push([from, to]), st.get(from, to)) : Reflect.get(st, name, st)),
          });
        };
      },
    });
    return { db: watched, ranges };
  }

  it("reads the index's row lengths after the warm-up, a slice a turn, up to the last row", async () => {
    const db: VaultDatabase = openWithKey(file, key);
    db.transaction(() => {
      for (let i = 0; i < 45; i++) recordIndex.put(db, 'note', `lengths-${i}`, `Lengths ${i}`, ['words'.repeat(i + 1)], null);
    })();
    const last = db.prepare('SELECT max(id) FROM record_search_docsize').pluck().get() as number;
    expect(last).toBeGreaterThan(45);
    const { db: watched, ranges } = watchedLengths(db);
    warmDocLengths(() => watched, watched, 10);
    // The first slice at once, then one per turn: calls waiting meanwhile are answered between them.
    expect(ranges).toEqual([[0, 10]]);
    await nextTurn();
    expect(ranges).toEqual([[0, 10], [10, 20]]);
    for (let turn = 0; turn < 10; turn++) await nextTurn();
    expect(ranges.length).toBe(Math.ceil(last / 10));
    ranges.forEach(([from, to], i) => expect([from, to]).toEqual([i * 10, i * 10 + 10]));
    expect(ranges.at(-1)![1]).toBeGreaterThanOrEqual(last);
    db.close();
  });

  it('leaves the row lengths alone when they would not fit in the page cache', async () => {
    const db: VaultDatabase = openWithKey(file, key);
    db.transaction(() => {
      for (let i = 0; i < 80; i++) recordIndex.put(db, 'note', `cache-${i}`, `Cache ${i}`, ['words'], null);
    })();
    const last = db.prepare('SELECT max(id) FROM record_search_docsize').pluck().get() as number;
    // 1 KiB holds the lengths of 64 rows at the estimate; this table has more.
    expect(last).toBeGreaterThan(64);
    db.pragma('cache_size = -1');
    const small = watchedLengths(db);
    warmDocLengths(() => small.db, small.db, 10);
    for (let turn = 0; turn < 3; turn++) await nextTurn();
    expect(small.ranges).toEqual([]);
    // The same table with the default cache: read.
    db.pragma('cache_size = -2000');
    const usual = watchedLengths(db);
    warmDocLengths(() => usual.db, usual.db, 10);
    expect(usual.ranges).toEqual([[0, 10]]);
    db.close();
  });

  it('stops reading the row lengths once the vault is locked', async () => {
    const db: VaultDatabase = openWithKey(file, key);
    let open = true;
    const { db: watched, ranges } = watchedLengths(db);
    warmDocLengths(() => (open ? watched : null), watched, 10);
    await nextTurn();
    expect(ranges.length).toBe(2);
    open = false;
    for (let turn = 0; turn < 5; turn++) await nextTurn();
    expect(ranges.length).toBe(2);
    db.close();
  });

  it('does nothing while no vault is open', async () => {
    const { index, searches } = watchedIndex();
    warmRecordSearchSoon(() => null, index, reader);
    await nextTurn();
    expect(searches).toEqual([]);
  });
});
