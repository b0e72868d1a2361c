// Panic pressed in browser mode while an unlock is migrating the vault. Core shares the server's
// thread, so nothing answers until the migration's transaction ends; the page blanks and, 300 ms
// later, navigates away, which drops its panic request. The request still reaches core once the
// thread is free, so the vault is locked right after the migration commits; without panic it stays
// open. A real server in a child process, over a real encrypted vault written at version 17, with
// migration 019 held for a few seconds as on a vault of many entries.
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../../../electron/core/vault/migrations';
import { addNote, createVault, harness, PASSPHRASE } from '../../core/vault/helpers';
import { rawExchange, request } from './raw-http';
import { scriptChild } from '../../helpers/script-child';

const CHILD = path.join(import.meta.dirname, 'slow-migration-server.ts');
const HOLD_MS = 3000;

let child: ChildProcess | undefined;
afterEach(() => {
  child?.kill('SIGKILL');
  child = undefined;
});

/** Starts the server; resolves with its port and launch token, and a promise of the "migrating" line. */
function startChild(dataDir: string) {
  child = scriptChild(CHILD, [dataDir, String(HOLD_MS)]);
  let output = '';
  let stderr = '';
  const waiters: Array<{ text: string; resolve: () => void }> = [];
  child.stdout!.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
    for (const waiter of waiters.filter((w) => output.includes(w.text))) waiter.resolve();
  });
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const seen = (text: string) =>
    new Promise<void>((resolve, reject) => {
      if (output.includes(text)) return resolve();
      waiters.push({ text, resolve });
      child!.once('exit', () => reject(new Error(`server exited: ${stderr}`)));
    });
  return {
    ready: seen('ready ').then(() => {
      const [, port, url] = /ready (\d+) (\S+)/.exec(output)!;
      return { port: Number(port), launch: /#launch=([A-Za-z0-9_-]+)$/.exec(url!)![1]! };
    }),
    migrating: () => seen('migrating\n'),
  };
}

/** A locked vault written at version 17, the server over it signed in, and an unlock that migrates it. */
async function unlockMigrating() {
  const h = harness({ migrations: migrations.filter((m) => m.version <= 17) });
  const id = await createVault(h);
  addNote(h, 'a record written before the update');
  h.service.lock('user');
  await h.service.settled();

  const server = startChild(h.dataDir);
  const { port, launch } = await server.ready;
  const origin = `http://127.0.0.1:${port}`;
  const signIn = await request(port, { method: 'POST', path: '/auth/session', headers: { authorization: `Launch ${launch}`, origin } });
  const token = (JSON.parse(signIn.body) as { value: { token: string } }).value.token;
  const headers = { authorization: `Bearer ${token}`, origin, 'content-type': 'application/json' };
  const call = async (method: string, body: unknown) => JSON.parse((await request(port, { method: 'POST', path: `/rpc/${method}`, headers, body: JSON.stringify(body) })).body) as unknown;

  const unlocking = call('vault.unlock', { id, passphrase: PASSPHRASE });
  await server.migrating();
  // The page's panic call, dropped after 300 ms without an answer as the page navigates away.
  const body = 'null';
  const panic = () =>
    rawExchange(
      port,
      [`POST /rpc/app.panic HTTP/1.1`, `host: 127.0.0.1:${port}`, `authorization: Bearer ${token}`, `origin: ${origin}`, 'content-type: application/json', `content-length: ${body.length}`, '', body].join('\r\n'),
      300,
    );
  return { unlocking, call, panic };
}

describe('panic in browser mode while an unlock migrates the vault', () => {
  it('locks the vault once the migration has committed, although the page left before its panic call was answered', { timeout: 120_000 }, async () => {
    const { unlocking, call, panic } = await unlockMigrating();
    const started = Date.now();
    expect(await panic()).toBe('');
    // Nothing answered while the migration held the thread.
    expect(Date.now() - started).toBeLessThan(HOLD_MS);
    expect(await unlocking).toMatchObject({ ok: true, value: { state: 'unlocked' } });
    expect(await call('vault.status', null)).toMatchObject({ ok: true, value: { state: 'locked' } });
  });

  it('without panic, the same unlock leaves the vault open: the lock above is panic’s', { timeout: 120_000 }, async () => {
    const { unlocking, call } = await unlockMigrating();
    expect(await unlocking).toMatchObject({ ok: true, value: { state: 'unlocked' } });
    expect(await call('vault.status', null)).toMatchObject({ ok: true, value: { state: 'unlocked' } });
  });
});
