// Child process for memory-after-lock.test.ts: uses a vault through the dispatcher the way the
// app does (create, save, read, search, stage a draft), locks, collects garbage and reports
// whether the record text, one word of it or the passphrase can still be found in the JavaScript
// heap. The word is also looked for before lock, once record search has read the index's
// vocabulary, so a snapshot that could not see it is noticed.
// The secrets arrive hex-encoded and are decoded only inside a function that returns, so this
// script holds no reference to them itself.
// Usage: node --import tsx memory-child.ts <dataDir> <markerHex> <passphraseHex> <wordHex>
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { createCore } from '../../../electron/core';
import { TEST_KDF } from '../../helpers/core';

const [dataDir, markerHex, passphraseHex, wordHex] = process.argv.slice(2) as [string, string, string, string];
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

const core = createCore({ dataDir, resourcesDir: 'resources', mode: 'browser', version: '0.0.0-test', openExternal: async () => false, kdf: TEST_KDF });
async function call(method: string, input: unknown): Promise<unknown> {
  const result = await core.dispatch(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

async function useTheVault(): Promise<void> {
  const marker = Buffer.from(markerHex, 'hex').toString('utf8');
  const passphrase = Buffer.from(passphraseHex, 'hex').toString('utf8');
  await call('vault.create', { name: 'Notes', passphrase });
  const company = (await call('companies.save', { name: 'Example Co', sector: 'telecom', policies: marker })) as { id: string };
  await call('companies.get', { id: company.id });
  await call('companies.list', null);
  await call('records.search', { q: marker.split(' ')[2] });
  await call('search.all', { q: marker.split(' ')[2] });
  await call('drafts.stage', { key: 'company:new', content: { policies: marker } });
  await call('vault.lock', null);
  await call('vault.unlock', { id: ((await call('vault.list', null)) as Array<{ id: string }>)[0]!.id, passphrase });
  await call('companies.get', { id: company.id });
  await call('vault.changePassphrase', { current: passphrase, next: `${passphrase} again` });
  await call('vault.lock', null);
  await call('vault.unlock', { id: ((await call('vault.list', null)) as Array<{ id: string }>)[0]!.id, passphrase: `${passphrase} again` });
}

/** Writes a heap snapshot and reports which of the hex-encoded strings it holds. */
function heapHolds(hexes: Record<string, string>): Record<string, boolean> {
  for (let i = 0; i < 3; i++) gc();
  const file = v8.writeHeapSnapshot(path.join(dataDir, 'heap.heapsnapshot'));
  const snapshot = fs.readFileSync(file);
  fs.rmSync(file);
  return Object.fromEntries(Object.entries(hexes).map(([name, hex]) => [name, snapshot.includes(Buffer.from(hex, 'hex'))]));
}

await useTheVault();
// Record search reads the index's words on a worker after unlock, and keeps them on this thread.
await new Promise((resolve) => setTimeout(resolve, 3000));
const beforeLock = heapHolds({ word: wordHex });
// A save just before lock: record search then waits to store its lists, with its vocabulary held.
await call('notes.save', { title: 'Last note', body: 'Saved just before the lock.' });
core.lock('user');
// Let the backup a lock starts on a worker finish, then collect everything unreachable.
await new Promise((resolve) => setTimeout(resolve, 1500));
const afterLock = heapHolds({ marker: markerHex, passphrase: passphraseHex, word: wordHex });
process.stdout.write(`${JSON.stringify({ wordBeforeLock: beforeLock.word, ...afterLock })}\n`);
await core.close();
process.exit(0);
