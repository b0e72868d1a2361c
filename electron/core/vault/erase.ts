import fs from 'node:fs';
import path from 'node:path';
import { fsyncDir, overwriteDescriptor } from './durable-fs';
import type { VaultPaths } from './layout';

/**
 * Erases a vault for good: every file in its folder (keyfile first, then the database, its WAL,
 * shared memory and journal, backups, set-aside files) is overwritten in place with random bytes
 * over its full length and fsynced, and only then unlinked. Overwriting the same file, not writing
 * a new one, is what reaches the blocks that held the data on file systems that rewrite in place;
 * docs/safety.md says where no software can promise that (SSDs, copy-on-write, snapshots).
 * The keyfile goes first: without the wrapped key the rest is unreadable even if it survives.
 */
export function eraseVault(paths: VaultPaths): void {
  const files = filesUnder(paths.dir);
  const ordered = [...files.filter((file) => file === paths.keyfile), ...files.filter((file) => file !== paths.keyfile)];
  for (const file of ordered) {
    try {
      overwriteInPlace(file);
    } catch {
      // A file that cannot be opened for writing is still removed below; the key went first.
    }
  }
  fs.rmSync(paths.dir, { recursive: true, force: true });
  fsyncDir(path.dirname(paths.dir));
}

/** Opens the existing file (r+: same inode, no truncation), writes random bytes over every byte, fsyncs. */
export function overwriteInPlace(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    overwriteDescriptor(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function filesUnder(dir: string): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    // Symbolic links are not followed: erasing must never write outside the vault folder.
    if (entry.isDirectory()) out.push(...filesUnder(full));
    else if (entry.isFile()) out.push(full);
  }
  return out;
}
