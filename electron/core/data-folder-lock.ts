// One copy of the workbench per data folder: the desktop app and browser mode use the same folder
// by default, and two copies on one folder would each run backups, a passphrase change or an erase
// under the other's open connection, so a second one refuses to start. The lock is a file holding
// the owner's process id, created exclusively; a file left by a process that no longer runs (a
// crash, SIGKILL) is taken over.
import fs from 'node:fs';
import path from 'node:path';

export const LOCK_FILE = 'in-use.lock';

export interface DataFolderLock {
  release(): void;
}

export class DataFolderInUse extends Error {
  constructor(readonly pid: number) {
    super(`Another copy of the workbench (process ${pid}) is already using this data folder. Close it first.`);
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function ownerOf(file: string): number | null {
  try {
    const pid = Number.parseInt(fs.readFileSync(file, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

export function lockDataFolder(dataDir: string, pid = process.pid): DataFolderLock {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, `${pid}\n`, { flag: 'wx', mode: 0o600 });
      return {
        release() {
          if (ownerOf(file) === pid) fs.rmSync(file, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = ownerOf(file);
      if (owner !== null && owner !== pid && isRunning(owner)) throw new DataFolderInUse(owner);
      // Left behind by a process that is gone (or unreadable): take it over.
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error('The data folder could not be locked for this copy of the workbench. Try again.');
}
