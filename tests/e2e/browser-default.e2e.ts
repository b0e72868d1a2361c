// `npm run web` with no switch opens the workbench on a throwaway profile, not in the person's
// everyday browser profile, and deletes that profile when the workbench stops. The browser here is
// a stand-in (CHROMIUM_PATH) that records how it was started, as a real Chromium would be.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp';

describe('browser mode started with no switch', () => {
  it('opens a private window on a throwaway profile, and removes the profile when it stops', async () => {
    const dir = tempDir('workbench-browser-default-');
    const seen = path.join(dir, 'args.txt');
    const browser = path.join(dir, 'browser.sh');
    fs.writeFileSync(browser, `#!/bin/sh\nprintf '%s\\n' "$@" > "${seen}"\nexec sleep 60\n`, { mode: 0o700 });
    const child = spawn(process.execPath, ['out/server/index.js', '--data-dir', path.join(dir, 'data')], {
      env: { ...process.env, CHROMIUM_PATH: browser, BROWSER: '/bin/false' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    try {
      const ready = await new Promise<{ url: string }>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('browser mode did not start')), 20_000);
        readline.createInterface({ input: child.stdout! }).on('line', (line) => {
          clearTimeout(timer);
          resolve(JSON.parse(line) as { url: string });
        });
      });
      await expect.poll(() => fs.existsSync(seen) && fs.readFileSync(seen, 'utf8').includes(ready.url), { timeout: 10_000 }).toBe(true);
      const args = fs.readFileSync(seen, 'utf8').trim().split('\n');
      expect(args).toContain('--incognito');
      expect(args.at(-1)).toBe(ready.url);
      const profile = args.find((arg) => arg.startsWith('--user-data-dir='))!.slice('--user-data-dir='.length);
      expect(fs.existsSync(path.join(profile, 'Default', 'Preferences'))).toBe(true);
      child.kill('SIGTERM');
      await exited;
      expect(fs.existsSync(profile)).toBe(false);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
