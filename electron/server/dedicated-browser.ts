// How `npm run web` opens the app (unless --everyday-browser or --no-open): in Chromium or Chrome
// with a throwaway profile in a private window, so the user's everyday browser profile keeps no
// history entry, cache or form data from the workbench. The profile folder is deleted when the
// workbench stops.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function chromiumCandidates(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string[] {
  const fromEnv = env.CHROMIUM_PATH ? [env.CHROMIUM_PATH] : [];
  if (platform === 'darwin') {
    return [...fromEnv, '/Applications/Chromium.app/Contents/MacOS/Chromium', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'];
  }
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((root): root is string => Boolean(root));
    return [...fromEnv, ...roots.map((root) => path.join(root, 'Google', 'Chrome', 'Application', 'chrome.exe')), ...roots.map((root) => path.join(root, 'Chromium', 'Application', 'chrome.exe'))];
  }
  return [...fromEnv, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/snap/bin/chromium'];
}

export function findChromium(candidates = chromiumCandidates(), exists: (file: string) => boolean = fs.existsSync): string | null {
  return candidates.find((file) => exists(file)) ?? null;
}

/** Switches for the dedicated window: a fresh profile, private, and quiet on the network. */
export function dedicatedBrowserArgs(profileDir: string, url: string): string[] {
  return [
    `--user-data-dir=${profileDir}`,
    '--incognito',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-sync',
    '--disable-background-networking',
    '--disable-component-update',
    '--password-store=basic',
    '--new-window',
    url,
  ];
}

export interface DedicatedBrowser {
  close(): void;
}

/**
 * Preferences of the throwaway profile: no password manager, no autofill, no suggestions or
 * spelling service that would send typed text out. Chromium reads them at start.
 */
export const DEDICATED_PREFERENCES = {
  credentials_enable_service: false,
  profile: { password_manager_enabled: false },
  autofill: { enabled: false, profile_enabled: false, credit_card_enabled: false },
  search: { suggest_enabled: false },
  spellcheck: { use_spelling_service: false },
  translate: { enabled: false },
};

export function openDedicatedBrowser(executable: string, url: string): DedicatedBrowser {
  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'workbench-browser-'));
  fs.mkdirSync(path.join(profileDir, 'Default'), { mode: 0o700 });
  fs.writeFileSync(path.join(profileDir, 'Default', 'Preferences'), JSON.stringify(DEDICATED_PREFERENCES), { mode: 0o600 });
  const removeProfile = () => fs.rmSync(profileDir, { recursive: true, force: true });
  const child: ChildProcess = spawn(executable, dedicatedBrowserArgs(profileDir, url), { shell: false, stdio: 'ignore', windowsHide: false });
  child.once('error', removeProfile);
  child.once('exit', removeProfile);
  return {
    close() {
      if (child.exitCode === null) child.kill();
      removeProfile();
    },
  };
}
