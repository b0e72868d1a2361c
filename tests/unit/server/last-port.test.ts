import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dedicatedBrowserArgs, findChromium, openDedicatedBrowser } from '../../../electron/server/dedicated-browser';
import { LAST_PORT_FILE, readLastPort, writeLastPort } from '../../../electron/server/last-port';
import { tempDir } from '../../helpers/temp';

describe('the remembered browser-mode port', () => {
  it('is kept per data folder, readable by the user only, outside every vault', () => {
    const dataDir = tempDir();
    expect(readLastPort(dataDir)).toBeNull();
    writeLastPort(dataDir, 41234);
    expect(readLastPort(dataDir)).toBe(41234);
    const file = path.join(dataDir, LAST_PORT_FILE);
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(path.dirname(file)).toBe(dataDir);
    expect(readLastPort(tempDir())).toBeNull();
  });

  it('ignores a damaged or edited file', () => {
    const dataDir = tempDir();
    for (const content of ['{', '{"port": "80"}', '{"port": 80}', '{"port": 70000}', '{"port": 4.5}', 'null']) {
      fs.writeFileSync(path.join(dataDir, LAST_PORT_FILE), content);
      expect(readLastPort(dataDir)).toBeNull();
    }
  });
});

describe('the dedicated browser profile', () => {
  it('starts a private window on a throwaway profile with background networking off', () => {
    const args = dedicatedBrowserArgs('/tmp/profile-x', 'http://127.0.0.1:5/#launch=abc');
    expect(args).toContain('--user-data-dir=/tmp/profile-x');
    expect(args).toContain('--incognito');
    expect(args).toContain('--disable-background-networking');
    expect(args.at(-1)).toBe('http://127.0.0.1:5/#launch=abc');
  });

  it('finds the first installed Chromium or Chrome', () => {
    expect(findChromium(['/a', '/b', '/c'], (file) => file !== '/a')).toBe('/b');
    expect(findChromium(['/a'], () => false)).toBeNull();
  });
});

describe('the dedicated browser window', () => {
  it('gets a profile that refuses autofill and passwords, and leaves no profile behind once closed', async () => {
    // A stand-in browser that records where its profile is and stays open until killed.
    const dir = tempDir();
    const seen = path.join(dir, 'args.txt');
    const browser = path.join(dir, 'browser.sh');
    fs.writeFileSync(browser, `#!/bin/sh\necho "$@" > "${seen}"\nexec sleep 30\n`, { mode: 0o700 });
    const opened = openDedicatedBrowser(browser, 'http://127.0.0.1:5/#launch=abc');
    await expect.poll(() => fs.existsSync(seen)).toBe(true);
    const profile = /--user-data-dir=(\S+)/.exec(fs.readFileSync(seen, 'utf8'))![1]!;
    const preferences = JSON.parse(fs.readFileSync(path.join(profile, 'Default', 'Preferences'), 'utf8'));
    expect(preferences).toMatchObject({ credentials_enable_service: false, autofill: { enabled: false } });
    opened.close();
    expect(fs.existsSync(profile)).toBe(false);
  });
});
