import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp';
import { createVault, harness, PASSPHRASE } from './helpers';
import { scriptChild } from '../../helpers/script-child';

const CHILD = path.join(import.meta.dirname, 'memory-child.ts');

/** The open session's key Buffer, read the way a memory dump would find it. */
const sessionKey = (service: unknown): Buffer => (service as { session: { key: Buffer } }).session.key;

type Found = { marker: boolean; passphrase: boolean; word: boolean; wordBeforeLock: boolean };

function runChild(marker: string, passphrase: string, word: string): Promise<Found> {
  const hex = (text: string) => Buffer.from(text, 'utf8').toString('hex');
  return new Promise((resolve, reject) => {
    const child = scriptChild(CHILD, [tempDir('vault-memory-'), hex(marker), hex(passphrase), hex(word)]);
    let output = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = output.trim().split('\n').at(-1) ?? '';
      if (code !== 0 || !line.startsWith('{')) return reject(new Error(`memory child failed (${code}): ${stderr.slice(-2000)}`));
      resolve(JSON.parse(line) as Found);
    });
  });
}

describe('memory after lock', () => {
  it('zeroes the vault key in place when the vault locks, by any route, and when the key is replaced', async () => {
    const h = harness();
    const id = await createVault(h);
    const first = sessionKey(h.service);
    expect(first.some((byte) => byte !== 0)).toBe(true);
    h.service.lock('user');
    expect(first.every((byte) => byte === 0)).toBe(true);

    await h.service.unlock(id, PASSPHRASE);
    const beforeChange = sessionKey(h.service);
    await h.service.changePassphrase(PASSPHRASE, 'a different long passphrase');
    expect(beforeChange.every((byte) => byte === 0)).toBe(true);
    const afterChange = sessionKey(h.service);
    h.service.lock('panic');
    expect(afterChange.every((byte) => byte === 0)).toBe(true);
    expect(() => h.service.database()).toThrow(/locked/);
  });

  it('leaves neither record text, nor a word of it, nor the passphrase reachable in the JavaScript heap after lock', { timeout: 300_000 }, async () => {
    // The word is one record search keeps in memory while the vault is open (its vocabulary).
    const found = await runChild('confidential witness statement kestrelfjord from the Mekong delta office', 'lantern orchid monsoon ferry 4471', 'kestrelfjord');
    expect(found).toEqual({ wordBeforeLock: true, marker: false, passphrase: false, word: false });
  });
});
