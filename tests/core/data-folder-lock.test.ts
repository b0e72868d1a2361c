// One copy of the workbench per data folder: a second start is refused while the first runs, and a
// lock left by a killed copy is taken over. The desktop shell's side is tests/unit/main/data-folder.test.ts.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataFolderInUse, LOCK_FILE, lockDataFolder } from '../../electron/core/data-folder-lock';
import { otherProcess } from '../helpers/other-process';
import { tempDir } from '../helpers/temp';

describe('the data folder lock', () => {
  it('refuses a second server while the first one runs, and lets the next one in once it is killed', async () => {
    const dataDir = tempDir();
    const first = await otherProcess();
    try {
      lockDataFolder(dataDir, first.pid);
      expect(fs.statSync(path.join(dataDir, LOCK_FILE)).mode & 0o777).toBe(0o600);
      expect(() => lockDataFolder(dataDir)).toThrow(DataFolderInUse);
      expect(() => lockDataFolder(dataDir)).toThrow(/already using this data folder/);
    } finally {
      await first.kill();
    }
    const lock = lockDataFolder(dataDir);
    expect(fs.readFileSync(path.join(dataDir, LOCK_FILE), 'utf8').trim()).toBe(String(process.pid));
    lock.release();
    expect(fs.existsSync(path.join(dataDir, LOCK_FILE))).toBe(false);
  });

  it('takes over an unreadable lock file, and releases only its own', () => {
    const dataDir = tempDir();
    fs.writeFileSync(path.join(dataDir, LOCK_FILE), 'not a process id');
    const lock = lockDataFolder(dataDir);
    // Someone else's lock written over ours (after a takeover elsewhere) is left alone.
    fs.writeFileSync(path.join(dataDir, LOCK_FILE), '999999999\n');
    lock.release();
    expect(fs.existsSync(path.join(dataDir, LOCK_FILE))).toBe(true);
  });
});
