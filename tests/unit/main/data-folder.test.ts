// The desktop shell takes the same data folder lock as browser mode: with a browser-mode server (or
// any copy) running on the folder, the desktop app says so and quits before core opens a vault.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCK_FILE, lockDataFolder } from '../../../electron/core/data-folder-lock';
import { claimDataFolder } from '../../../electron/main/data-folder';
import { otherProcess } from '../../helpers/other-process';
import { tempDir } from '../../helpers/temp';

const recordingShell = () => {
  const calls: string[] = [];
  return { calls, showErrorBox: (title: string, content: string) => calls.push(`${title}: ${content}`), quit: () => calls.push('quit') };
};

describe('the desktop shell and the data folder', () => {
  it('quits with a message while another copy holds the folder, and starts once that copy is gone', async () => {
    const dataDir = tempDir();
    const server = await otherProcess();
    const shell = recordingShell();
    try {
      lockDataFolder(dataDir, server.pid);
      expect(claimDataFolder(dataDir, shell)).toBeNull();
      expect(shell.calls).toEqual([`Advocacy Workbench is already open: Another copy of the workbench (process ${server.pid}) is already using this data folder. Close it first.`, 'quit']);
    } finally {
      await server.kill();
    }
    const lock = claimDataFolder(dataDir, recordingShell());
    expect(fs.readFileSync(path.join(dataDir, LOCK_FILE), 'utf8').trim()).toBe(String(process.pid));
    // While the desktop app runs, browser mode on the same folder is refused.
    expect(() => lockDataFolder(dataDir, process.pid + 1)).toThrow(/already using this data folder/);
    lock!.release();
  });
});
