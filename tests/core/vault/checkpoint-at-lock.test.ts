// A deleted record is overwritten in the vault file (secure_delete) only once its pages leave the
// WAL. Another connection reading an older snapshot (the background check, a backup) holds that
// checkpoint up; closing at lock then left the record whole in the file. The lock now finishes the
// checkpoint once that reader is gone, so the decrypted file no longer holds it.
import fs from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { vaultPaths } from '../../../electron/core/vault/layout';
import { applyKey } from '../../../electron/core/vault/open';
import { addNote, createVault, decryptedCopy, notes, harness, vaultKey } from './helpers';

const SECRET = 'Nguồn tin: Trần Thị Mai, 0912 345 678';

const holds = (bytes: Buffer, text: string) => bytes.includes(Buffer.from(text, 'utf8'));

describe('the checkpoint at lock', () => {
  for (const reason of ['user', 'idle'] as const) {
    it(`moves a deletion into the vault file even when another reader held it up at lock (${reason})`, async () => {
      const h = harness({ checkAfterUnlock: false });
      const id = await createVault(h);
      const file = vaultPaths(h.dataDir, id).db;
      const key = await vaultKey(h.dataDir, id);
      addNote(h, SECRET);
      h.service.lock('user');
      await h.service.settled();
      expect(holds(decryptedCopy(file, key), SECRET)).toBe(true);

      await h.service.unlock(id, 'correct horse battery staple');
      // A reader in the middle of a statement, read-only as the background check is on a large table
      // (a read-only connection does not checkpoint when it closes either).
      const reader = new Database(file, { readonly: true, fileMustExist: true });
      applyKey(reader, key);
      reader.prepare('BEGIN').run();
      reader.prepare('SELECT count(*) FROM sqlite_master').get();
      h.service.database().prepare('DELETE FROM test_notes').run();
      h.service.lock(reason);
      // The fault: at this moment the file itself still holds the deleted note.
      expect(holds(decryptedCopy(file, key), SECRET)).toBe(true);
      reader.prepare('COMMIT').run();
      reader.close();

      await h.service.settled();
      expect(holds(decryptedCopy(file, key), SECRET)).toBe(false);
      expect(fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0).toBe(0);
      // The vault opens as before, without the note.
      await h.service.unlock(id, 'correct horse battery staple');
      expect(notes(h)).toEqual([]);
      h.service.lock('user');
    });
  }

  it('leaves nothing to do when no other connection was reading', async () => {
    const h = harness({ checkAfterUnlock: false });
    const id = await createVault(h);
    const file = vaultPaths(h.dataDir, id).db;
    addNote(h, SECRET);
    h.service.database().prepare('DELETE FROM test_notes').run();
    h.service.lock('panic');
    expect(holds(decryptedCopy(file, await vaultKey(h.dataDir, id)), SECRET)).toBe(false);
  });
});
