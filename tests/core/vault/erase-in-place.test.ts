import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { overwriteInPlace } from '../../../electron/core/vault/erase';
import { vaultPaths } from '../../../electron/core/vault/layout';
import { tempDir } from '../../helpers/temp';
import { addNote, createVault, filesUnder, harness, PASSPHRASE } from './helpers';

const BLOCK = 4096;

/** An open descriptor keeps the original inode readable after the erase unlinks its name. */
function holdOpen(file: string): { file: string; fd: number; ino: number; before: Buffer } {
  const fd = fs.openSync(file, 'r');
  return { file, fd, ino: fs.fstatSync(fd).ino, before: readAll(fd) };
}

function readAll(fd: number): Buffer {
  const size = fs.fstatSync(fd).size;
  const out = Buffer.alloc(size);
  let read = 0;
  while (read < size) read += fs.readSync(fd, out, read, size - read, read);
  return out;
}

/** Blocks of `before` that are still present, byte for byte, at the same place in `after`. */
function survivingBlocks(before: Buffer, after: Buffer): number {
  let same = 0;
  for (let offset = 0; offset < before.length; offset += BLOCK) {
    const end = Math.min(offset + BLOCK, before.length);
    if (after.length >= end && before.subarray(offset, end).equals(after.subarray(offset, end))) same++;
  }
  return same;
}

describe('erasing a vault overwrites its files in place', () => {
  it('overwrites the keyfile, the database, its journal files and every backup on the same inode before unlinking', async () => {
    const h = harness({ eraseAfterFailures: () => 3 });
    const id = await createVault(h);
    for (let i = 0; i < 200; i++) addNote(h, `known plaintext ${i} `.repeat(30));
    await h.service.createBackup();
    h.service.lock('user');
    await h.service.settled();
    const paths = vaultPaths(h.dataDir, id);
    // A WAL and shared-memory file as a crash leaves them: their blocks must go too.
    fs.writeFileSync(`${paths.db}-wal`, Buffer.alloc(3 * BLOCK, 7));
    fs.writeFileSync(`${paths.db}-shm`, Buffer.alloc(BLOCK, 9));
    const files = filesUnder(paths.dir);
    expect(files).toEqual(expect.arrayContaining([paths.keyfile, paths.db, `${paths.db}-wal`, `${paths.db}-shm`]));
    expect(files.filter((file) => file.startsWith(paths.backups + path.sep)).length).toBeGreaterThanOrEqual(2);
    const held = files.map(holdOpen);

    for (let i = 0; i < 3; i++) {
      h.clock.now += 60 * 60_000;
      await h.service.unlock(id, 'not the passphrase').catch(() => undefined);
    }
    expect(fs.existsSync(paths.dir)).toBe(false);

    for (const original of held) {
      const after = readAll(original.fd);
      // Same inode, same length: overwritten where it was, not truncated and replaced.
      expect(fs.fstatSync(original.fd).ino).toBe(original.ino);
      expect(after.length, original.file).toBe(original.before.length);
      expect(survivingBlocks(original.before, after), original.file).toBe(0);
      expect(fs.fstatSync(original.fd).nlink, original.file).toBe(0);
      fs.closeSync(original.fd);
    }
    const keyfileText = held.find((file) => file.file === paths.keyfile)!.before.toString('utf8');
    expect(keyfileText).toContain('wrappedKey');
    // And nothing of it can be unlocked: the vault is gone from the list.
    expect(h.service.list()).toEqual([]);
    await expect(h.service.unlock(id, PASSPHRASE)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('writes random bytes over the whole length of a file without changing its size', () => {
    const dir = tempDir('overwrite-');
    const file = path.join(dir, 'data');
    const original = Buffer.alloc(3 * 1024 * 1024 + 17, 0x41);
    fs.writeFileSync(file, original);
    const fd = fs.openSync(file, 'r');
    overwriteInPlace(file);
    const after = readAll(fd);
    fs.closeSync(fd);
    expect(after.length).toBe(original.length);
    expect(survivingBlocks(original, after)).toBe(0);
    // Random, not a fill pattern: no byte value dominates.
    const counts = new Map<number, number>();
    for (const byte of after) counts.set(byte, (counts.get(byte) ?? 0) + 1);
    expect(Math.max(...counts.values()) / after.length).toBeLessThan(0.01);
  });
});
