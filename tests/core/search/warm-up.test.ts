// The search warm-up after unlock: it runs once the unlock call has answered, on the vault still
// open then, reads no record (its word is in no record, even in a vault full of notes), and
// leaves alone a vault that was locked before it ran. Against a real encrypted vault file.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RecordIndex } from '../../../electron/core/records/search-index';
import { recordIndex } from '../../../electron/core/search/record-texts';
import type { OpenReader } from '../../../electron/core/search/top-rows';
import { warmRecordSearchSoon } from '../../../electron/core/search/warm-up';
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

  it('does nothing while no vault is open', async () => {
    const { index, searches } = watchedIndex();
    warmRecordSearchSoon(() => null, index, reader);
    await nextTurn();
    expect(searches).toEqual([]);
  });
});
