import os from 'node:os';
import path from 'node:path';

export const PRODUCT_NAME = 'Advocacy Workbench';

/**
 * The per-user data folder, the same one Electron's app.getPath('userData') gives the desktop app:
 * Linux  $XDG_CONFIG_HOME/Advocacy Workbench (default ~/.config/Advocacy Workbench)
 * macOS  ~/Library/Application Support/Advocacy Workbench
 * Windows %APPDATA%\Advocacy Workbench
 */
export function defaultDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  const home = os.homedir();
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', PRODUCT_NAME);
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), PRODUCT_NAME);
}
