import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fsyncDir, fsyncFile } from './durable-fs';
import type { VaultPaths } from './layout';

/**
 * Erases a vault for good. The keyfile is overwritten with random bytes first: without the wrapped
 * key, the database and its backups are unreadable even if their blocks are later recovered from
 * the disk. Then the folder goes.
 */
export function eraseVault(paths: VaultPaths): void {
  try {
    const size = fs.statSync(paths.keyfile).size;
    fs.writeFileSync(paths.keyfile, crypto.randomBytes(Math.max(size, 256)));
    fsyncFile(paths.keyfile);
  } catch {
    // No keyfile left to overwrite: removing the folder below still erases what is there.
  }
  fs.rmSync(paths.dir, { recursive: true, force: true });
  fsyncDir(path.dirname(paths.dir));
}
