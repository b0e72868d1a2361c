// Opens an address in the user's browser without a shell. On Windows the old `cmd /c start "" url`
// let `&` in an accepted address run a second command; here every system gets the address as one
// argument of a program started directly, so nothing in it is ever interpreted.
import { spawn as nodeSpawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

type Spawn = (command: string, args: string[], options: SpawnOptions) => ChildProcess;

/** The program and arguments that open `url` on `platform`; no shell anywhere. */
export function browserCommand(url: string, platform: NodeJS.Platform = process.platform): [string, string[]] {
  if (platform === 'win32') return ['rundll32.exe', ['url.dll,FileProtocolHandler', url]];
  if (platform === 'darwin') return ['open', [url]];
  return ['xdg-open', [url]];
}

/** Only plain http(s) addresses, re-serialised so no quote or space survives. */
export function normaliseWebUrl(raw: string): string | null {
  try {
    const url = new URL(raw);
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password) return null;
    return url.href;
  } catch {
    return null;
  }
}

/** Starts the browser and lets it run on its own; true once the opener has started. */
export function openInBrowser(raw: string, spawn: Spawn = nodeSpawn, platform: NodeJS.Platform = process.platform): Promise<boolean> {
  const url = normaliseWebUrl(raw);
  if (!url) return Promise.resolve(false);
  const [command, args] = browserCommand(url, platform);
  return new Promise((resolve) => {
    const child = spawn(command, args, { shell: false, stdio: 'ignore', detached: true, windowsHide: true });
    child.once('spawn', () => resolve(true));
    child.once('error', () => resolve(false));
    child.unref();
  });
}
