// The full check and the day's backup start a while after unlock (backgroundAfterUnlockMs), so the
// first screen after unlock is not drawn while their worker threads boot. The promises: nothing
// starts before that time, both start after it, a lock before it starts neither (the backup stays
// due for the next unlock), and settled() starts them at once. On real encrypted vault files.
import { describe, expect, it } from 'vitest';
import { listBackups } from '../../../electron/core/vault/backups';
import { vaultPaths } from '../../../electron/core/vault/layout';
import { createVault, harness, PASSPHRASE } from './helpers';

/** A locked vault with no daily backup yet, reopened by a service that waits `delayMs` after unlock. */
async function lockedVault(delayMs: number) {
  const created = harness();
  const id = await createVault(created);
  created.service.lock('user');
  await created.service.settled();
  const backups = vaultPaths(created.dataDir, id).backups;
  const daily = () => listBackups(backups).filter((backup) => backup.kind === 'auto').length;
  expect(daily()).toBe(0);
  const h = harness({ dataDir: created.dataDir, backgroundAfterUnlockMs: delayMs });
  return { h, id, daily };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the check and the daily backup after unlock', () => {
  it('start once the wait is over, not before', async () => {
    const { h, id, daily } = await lockedVault(400);
    await h.service.unlock(id, PASSPHRASE);
    await pause(150);
    expect(h.service.status().check).toEqual({ state: 'running', done: 0, total: 1 });
    expect(daily()).toBe(0);
    await expect.poll(() => h.service.status().check?.state, { timeout: 10_000, interval: 50 }).toBe('ok');
    await expect.poll(daily, { timeout: 10_000, interval: 50 }).toBe(1);
    h.service.lock('user');
    await h.service.settled();
  });

  it('do not start after a lock that came first; the backup stays due for the next unlock', async () => {
    const { h, id, daily } = await lockedVault(300);
    await h.service.unlock(id, PASSPHRASE);
    h.service.lock('user');
    await pause(600);
    await h.service.settled();
    expect(daily()).toBe(0);
    await h.service.unlock(id, PASSPHRASE);
    await h.service.settled();
    expect(daily()).toBe(1);
    h.service.lock('user');
    await h.service.settled();
  });

  it('start at once when settled() is awaited', async () => {
    const { h, id, daily } = await lockedVault(60_000);
    await h.service.unlock(id, PASSPHRASE);
    await h.service.settled();
    expect(h.service.status().check).toMatchObject({ state: 'ok' });
    expect(daily()).toBe(1);
    h.service.lock('user');
    await h.service.settled();
  });
});
