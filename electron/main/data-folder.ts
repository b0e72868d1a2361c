// The desktop app and browser mode keep their vaults in the same folder by default. Electron's
// single-instance lock keeps out a second desktop copy only, so the shell also takes the data
// folder lock browser mode takes, before core opens anything there.
import { DataFolderInUse, lockDataFolder, type DataFolderLock } from '../core/data-folder-lock';

export interface ClaimShell {
  showErrorBox(title: string, content: string): void;
  quit(): void;
}

/** The folder's lock, or null after telling the user that another copy has it and quitting. */
export function claimDataFolder(dataDir: string, shell: ClaimShell): DataFolderLock | null {
  try {
    return lockDataFolder(dataDir);
  } catch (error) {
    if (!(error instanceof DataFolderInUse)) throw error;
    // Shown before any window, so before the chosen language is known (it lives in the window's storage).
    shell.showErrorBox('Advocacy Workbench is already open', error.message);
    shell.quit();
    return null;
  }
}
