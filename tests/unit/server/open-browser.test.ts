import { EventEmitter } from 'node:events';
import type { ChildProcess, SpawnOptions } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { browserCommand, normaliseWebUrl, openInBrowser } from '../../../electron/server/open-browser';

/** A stand-in for child_process.spawn that records each call and starts nothing. */
function fakeSpawn() {
  const calls: Array<{ command: string; args: string[]; options: SpawnOptions }> = [];
  const spawn = (command: string, args: string[], options: SpawnOptions) => {
    calls.push({ command, args, options });
    const child = new EventEmitter() as ChildProcess;
    child.unref = () => child;
    queueMicrotask(() => child.emit('spawn'));
    return child;
  };
  return { spawn, calls };
}

describe('opening links from browser mode', () => {
  const hostile = 'https://example.org/report?a=1&calc.exe&b=2|whoami';

  it('on Windows passes the address as one argument to rundll32, with no shell', async () => {
    const { spawn, calls } = fakeSpawn();
    expect(await openInBrowser(hostile, spawn, 'win32')).toBe(true);
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call!.command).toBe('rundll32.exe');
    expect(call!.command).not.toMatch(/cmd/i);
    expect(call!.args).toEqual(['url.dll,FileProtocolHandler', hostile]);
    expect(call!.options.shell).toBe(false);
  });

  it.each(['linux', 'darwin'] as const)('on %s runs the opener directly with the address as one argument', async (platform) => {
    const { spawn, calls } = fakeSpawn();
    await openInBrowser(hostile, spawn, platform);
    expect(calls[0]!.args).toEqual([hostile]);
    expect(calls[0]!.options.shell).toBe(false);
  });

  it('never builds a shell command on any platform', () => {
    for (const platform of ['win32', 'linux', 'darwin', 'freebsd'] as const) {
      const [command, args] = browserCommand(hostile, platform);
      expect(command).not.toMatch(/^(cmd|sh|bash|powershell)/i);
      expect(args.at(-1)).toBe(hostile);
    }
  });

  it('opens only plain http(s) addresses, re-serialised', async () => {
    const { spawn, calls } = fakeSpawn();
    for (const bad of ['file:///etc/passwd', 'javascript:alert(1)', 'https://user:pw@example.org/', 'not a url', '\\\\server\\share']) {
      expect(await openInBrowser(bad, spawn, 'win32')).toBe(false);
    }
    expect(calls).toHaveLength(0);
    expect(normaliseWebUrl('https://example.org/a b"c')).toBe('https://example.org/a%20b%22c');
  });
});
