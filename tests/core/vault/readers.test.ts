// A reader is a worker with a read-only connection of its own to the open vault (record search's
// top rows are built on one). Its promises, on a real encrypted file: it cannot write, it ends at
// every lock and before a passphrase change, a read it holds at lock does not leave a deleted
// record in the file, and (on Linux) it runs at the lowest CPU priority.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ReaderProgram } from '../../../electron/core/vault/background';
import { vaultPaths } from '../../../electron/core/vault/layout';
import { addNote, createVault, decryptedCopy, harness, notes, PASSPHRASE, vaultKey } from './helpers';

const SECRET = 'Nguồn tin: Trần Thị Mai, 0912 345 678';
const holds = (bytes: Buffer, text: string) => bytes.includes(Buffer.from(text, 'utf8'));

/**
 * Serialised into the worker: answers "count" with the notes it reads, "write" with the error it
 * meets, "hold" by opening a read it keeps, "busy" likewise and then by running a long statement.
 */
const program: ReaderProgram = (db, port) => {
  port.on('message', (message: string) => {
    if (message === 'count') port.postMessage(db.prepare('SELECT count(*) FROM test_notes').pluck().get());
    if (message === 'hold' || message === 'busy') {
      db.prepare('BEGIN').run();
      port.postMessage(db.prepare('SELECT count(*) FROM test_notes').pluck().get());
    }
    // A worker ends only once its statement returns.
    if (message === 'busy') db.prepare('WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 20000000) SELECT count(*) FROM c').get();
    if (message === 'write') {
      try {
        db.prepare("INSERT INTO test_notes (body) VALUES ('from the reader')").run();
        port.postMessage('written');
      } catch (error) {
        port.postMessage((error as { code?: string }).code);
      }
    }
  });
};

function openedReader(h: ReturnType<typeof harness>) {
  const replies: unknown[] = [];
  const reader = h.service.openReader(program, (message) => replies.push(message));
  if (!reader) throw new Error('the vault opened no reader');
  const ask = async (message: string) => {
    const before = replies.length;
    reader.post(message);
    await expect.poll(() => replies.length, { timeout: 10_000, interval: 10 }).toBe(before + 1);
    return replies.at(-1);
  };
  let ended = false;
  void reader.ended.then(() => (ended = true));
  return { reader, ask, ended: () => ended };
}

/** A thread's nice value, from /proc (Linux): the 19th field of its stat line. */
function niceOf(thread: string): number {
  const stat = fs.readFileSync(`/proc/self/task/${thread}/stat`, 'utf8');
  // The fields after the command name, which is in parentheses and may hold spaces.
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
}

/** The nice value of each thread of this process. */
const threadNiceness = (): number[] => fs.readdirSync('/proc/self/task').map(niceOf);

describe('readers of the open vault', () => {
  it.runIf(process.platform === 'linux')('run at the lowest CPU priority, leaving this thread as it was', async () => {
    const h = harness({ checkAfterUnlock: false });
    await createVault(h);
    addNote(h, SECRET);
    const before = threadNiceness().filter((nice) => nice === 19).length;
    const { ask } = openedReader(h);
    expect(await ask('count')).toBe(1);
    // The reader's thread (and any thread it starts, which inherits its priority).
    expect(threadNiceness().filter((nice) => nice === 19).length).toBeGreaterThan(before);
    // This thread (the test's, as core's would be) keeps its priority.
    expect(niceOf(fs.readlinkSync('/proc/thread-self').split('/').pop()!)).toBe(0);
    h.service.lock('user');
  });

  it('read what was committed, cannot write, and end at every lock', async () => {
    for (const reason of ['user', 'idle', 'panic'] as const) {
      const h = harness({ checkAfterUnlock: false });
      await createVault(h);
      addNote(h, SECRET);
      const { ask, ended } = openedReader(h);
      expect(await ask('count')).toBe(1);
      expect(await ask('write')).toBe('SQLITE_READONLY');
      expect(notes(h)).toHaveLength(1);
      h.service.lock(reason);
      await expect.poll(ended, { timeout: 10_000, interval: 10 }).toBe(true);
      expect(() => h.service.openReader(program, () => undefined)).toThrow(/locked/i);
    }
  });

  it('do not leave a deleted record in the file when they were reading at lock', async () => {
    const h = harness({ checkAfterUnlock: false });
    const id = await createVault(h);
    const file = vaultPaths(h.dataDir, id).db;
    const key = await vaultKey(h.dataDir, id);
    addNote(h, SECRET);
    h.service.lock('user');
    await h.service.settled();
    await h.service.unlock(id, PASSPHRASE);
    const { ask } = openedReader(h);
    // The reader keeps a snapshot that still holds the note, in a statement that outlasts the
    // lock: the checkpoint must wait for the reader to end.
    expect(await ask('busy')).toBe(1);
    h.service.database().prepare('DELETE FROM test_notes').run();
    h.service.lock('user');
    await h.service.settled();
    expect(holds(decryptedCopy(file, key), SECRET)).toBe(false);
    expect(fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0).toBe(0);
  });

  it('end before a passphrase change, which then succeeds, and none opens again until the next unlock', async () => {
    // Asked for while the file is being rekeyed (record search's build asks at any moment): a
    // connection under the old key then made the change fail as interrupted.
    const during: unknown[] = [];
    const h = harness({ checkAfterUnlock: false, changeHooks: { beforeStep: () => during.push(h.service.openReader(program, () => undefined)) } });
    const id = await createVault(h);
    addNote(h, SECRET);
    const { ask, ended } = openedReader(h);
    expect(await ask('hold')).toBe(1);
    await h.service.changePassphrase(PASSPHRASE, 'a different long passphrase');
    expect(ended()).toBe(true);
    expect(during.length).toBeGreaterThan(0);
    expect(during.every((reader) => reader === null)).toBe(true);
    expect(h.service.openReader(program, () => undefined)).toBeNull();
    h.service.lock('user');
    await h.service.unlock(id, 'a different long passphrase');
    expect(notes(h)).toHaveLength(1);
    expect(await openedReader(h).ask('count')).toBe(1);
    h.service.lock('user');
  });
});
