// A deleted record's words left the search index only when FTS5 happened to merge the segment
// holding them: decrypting the vault file after a deletion and a lock found them. Now a deletion
// marks the index for a purge, which runs while the vault is idle and is finished at lock; a
// panic leaves it to the next unlock. Each test decrypts the real file and reads it raw.
import { afterEach, describe, expect, it } from 'vitest';
import { holdsTombstones, purgePending, purgeSlice } from '../../../electron/core/search/purge';
import { vaultPaths } from '../../../electron/core/vault/layout';
import { TEST_PASSPHRASE, unlockedCore, type TestCore } from '../../helpers/core';
import { decryptedCopy, openWithKey, vaultKey } from '../vault/helpers';

// Words no other note holds, folded as the index keeps them (lowercase, no diacritics).
const NAME = 'Vuong Thi Zylanh';
const FOLDED = ['vuong', 'zylanh', 'kerbrook'];

let t: TestCore;
afterEach(async () => {
  await t.core.close();
});

async function vaultWithSecretNote() {
  t = await unlockedCore();
  const id = (await t.call('vault.status', null)).vault!.id;
  // Many saves, so the note's words sit in a segment among others, as in a vault in use.
  for (let i = 0; i < 40; i++) await t.call('notes.save', { title: `Meeting ${i}`, body: 'Content removal and appeals, with the regional lead.' });
  const secret = await t.call('notes.save', { title: 'Source', body: `${NAME} met us near Kerbrook market.` });
  for (let i = 0; i < 40; i++) await t.call('notes.save', { title: `Follow-up ${i}`, body: 'The platform promised an answer on appeals.' });
  await t.call('vault.lock', null);
  await t.core.settled();
  const file = vaultPaths(t.dataDir, id).db;
  const key = await vaultKey(t.dataDir, id, TEST_PASSPHRASE);
  const raw = () => decryptedCopy(file, key);
  const held = (bytes: Buffer) => FOLDED.filter((word) => bytes.includes(Buffer.from(word)));
  // The index keeps the words, folded: this is what must go with the note.
  expect(held(raw())).toEqual(FOLDED);
  await t.call('vault.unlock', { id, passphrase: TEST_PASSPHRASE });
  return { id, secret, raw, held, file, key };
}

describe('deleted words leave the search index', () => {
  it('at lock, even when the vault was never idle after the deletion', async () => {
    const { secret, raw, held } = await vaultWithSecretNote();
    await t.call('notes.delete', { id: secret.id });
    expect(await t.call('records.search', { q: 'zylanh', limit: 20 })).toEqual([]);
    await t.call('vault.lock', null);
    await t.core.settled();
    expect(held(raw())).toEqual([]);
  }, 120_000);

  it('after a panic, which does not wait for it: the next unlock purges while idle', async () => {
    const { id, secret, raw, held, file, key } = await vaultWithSecretNote();
    await t.call('notes.delete', { id: secret.id });
    await t.call('app.panic', null);
    await t.core.settled();
    // The fault this guards against: deleted, locked, and still in the file.
    expect(held(raw())).toEqual(FOLDED);

    await t.call('vault.unlock', { id, passphrase: TEST_PASSPHRASE });
    const reader = openWithKey(file, key);
    expect(purgePending(reader)).toBe(true);
    await expect.poll(() => purgePending(reader), { timeout: 30_000, interval: 100 }).toBe(false);
    expect(holdsTombstones(reader)).toBe(false);
    reader.close();
    // Searches still find what is left.
    expect((await t.call('records.search', { q: 'appeals', limit: 100 })).length).toBe(80);
    await t.call('app.panic', null);
    await t.core.settled();
    expect(held(raw())).toEqual([]);
  }, 120_000);

  it('merges in slices, each stopping once its time is up', async () => {
    const { secret, raw, held, file, key } = await vaultWithSecretNote();
    await t.call('notes.delete', { id: secret.id });
    await t.call('app.panic', null);
    await t.core.settled();
    const db = openWithKey(file, key);
    let slices = 1;
    while (!purgeSlice(db, 0)) slices++;
    expect(slices).toBeGreaterThan(1);
    expect(purgePending(db)).toBe(false);
    expect(holdsTombstones(db)).toBe(false);
    db.close();
    expect(held(raw())).toEqual([]);
  }, 120_000);
});
