import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** The steps of an atomic replace, in order; tests fail at each one to prove crash safety. */
export type AtomicStep = 'write-temp' | 'fsync-temp' | 'rename' | 'fsync-dir';

/** Called before each step; a test hook throws to simulate a crash at that point. */
export type AtomicHooks = { beforeStep?: (step: AtomicStep) => void };

/**
 * Replaces `file` so that after a crash at any moment it holds either the old or the new bytes:
 * write a temp file, fsync it, rename over the target, fsync the folder (so the rename itself is
 * durable). Files are 0600: other accounts on the machine must not read vault metadata.
 */
export function writeFileAtomic(file: string, data: Uint8Array | string, hooks: AtomicHooks = {}): void {
  const temp = `${file}.tmp`;
  hooks.beforeStep?.('write-temp');
  const fd = fs.openSync(temp, 'w', 0o600);
  try {
    fs.writeFileSync(fd, data);
    hooks.beforeStep?.('fsync-temp');
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  hooks.beforeStep?.('rename');
  fs.renameSync(temp, file);
  hooks.beforeStep?.('fsync-dir');
  fsyncDir(path.dirname(file));
}

/**
 * writeFileAtomic for files that hold key material: the version being replaced is overwritten in
 * place with random bytes once the new one is durably in its place, so a rename does not leave the
 * old wrapped key in freed disk blocks (on file systems that rewrite in place; see docs/safety.md).
 */
export function writeFileAtomicShreddingOld(file: string, data: Uint8Array | string, hooks: AtomicHooks = {}): void {
  // Windows refuses to rename over a file that is held open; there the old version is only unlinked.
  if (process.platform === 'win32') return writeFileAtomic(file, data, hooks);
  let old: number | null;
  try {
    old = fs.openSync(file, 'r+');
  } catch {
    old = null;
  }
  try {
    writeFileAtomic(file, data, hooks);
    if (old !== null) overwriteDescriptor(old);
  } finally {
    if (old !== null) fs.closeSync(old);
  }
}

const OVERWRITE_CHUNK_BYTES = 1024 * 1024;

/** Writes random bytes over every byte of an open file (same inode, same length) and fsyncs it. */
export function overwriteDescriptor(fd: number): void {
  const size = fs.fstatSync(fd).size;
  const chunk = Buffer.alloc(Math.min(OVERWRITE_CHUNK_BYTES, Math.max(size, 1)));
  for (let offset = 0; offset < size; offset += chunk.length) {
    const length = Math.min(chunk.length, size - offset);
    crypto.randomFillSync(chunk, 0, length);
    let written = 0;
    while (written < length) written += fs.writeSync(fd, chunk, written, length - written, offset + written);
  }
  fs.fsyncSync(fd);
}

/** Makes renames and creations in `dir` durable. Windows cannot open folders; NTFS journals renames. */
export function fsyncDir(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Removes a leftover temp file from an interrupted atomic write. */
export function removeStaleTemp(file: string): void {
  fs.rmSync(`${file}.tmp`, { force: true });
}
