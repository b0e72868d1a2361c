import { afterEach, describe, expect, it } from 'vitest';
import { TEST_PASSPHRASE, unlockedCore, type TestCore } from '../../helpers/core';

let t: TestCore;
afterEach(async () => t?.core.close());

async function unlockAgain(): Promise<void> {
  const [vault] = await t.call('vault.list', null);
  await t.call('vault.unlock', { id: vault!.id, passphrase: TEST_PASSPHRASE });
}

describe('words typed just before a lock', () => {
  it.each(['user', 'idle', 'suspend'] as const)('are written into the vault when it locks (%s)', async (reason) => {
    t = await unlockedCore();
    // The editor stages every change at once; the delayed draft save never ran.
    await t.call('drafts.stage', { key: 'engagement:new', content: { title: 'Call with the platform', notes: 'They promised a reply by Friday' } });
    t.core.lock(reason);
    await unlockAgain();
    expect(await t.call('drafts.get', { key: 'engagement:new' })).toMatchObject({
      content: { title: 'Call with the platform', notes: 'They promised a reply by Friday' },
    });
  });

  it('are written when panic locks the vault', async () => {
    t = await unlockedCore();
    await t.call('drafts.stage', { key: 'plan:new', content: { objective: 'Escalate to the NCP' } });
    t.core.panic();
    await unlockAgain();
    expect((await t.call('drafts.get', { key: 'plan:new' }))?.content).toEqual({ objective: 'Escalate to the NCP' });
  });

  it('keep the newest change when an older draft save arrives after it', async () => {
    t = await unlockedCore();
    await t.call('drafts.stage', { key: 'engagement:new', content: { notes: 'first words and more' } });
    await t.call('drafts.save', { key: 'engagement:new', content: { notes: 'first words' } });
    t.core.lock('user');
    await unlockAgain();
    expect((await t.call('drafts.get', { key: 'engagement:new' }))?.content).toEqual({ notes: 'first words and more' });
  });

  it('are dropped with the draft when the user discards or saves the record', async () => {
    t = await unlockedCore();
    await t.call('drafts.stage', { key: 'engagement:new', content: { notes: 'not wanted' } });
    await t.call('drafts.discard', { key: 'engagement:new' });
    t.core.lock('user');
    await unlockAgain();
    expect(await t.call('drafts.get', { key: 'engagement:new' })).toBeNull();
  });

  it('are refused while locked, so nothing waits in memory for a vault that is closed', async () => {
    t = await unlockedCore();
    t.core.lock('user');
    expect(await t.raw('drafts.stage', { key: 'engagement:new', content: { notes: 'x' } })).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
  });
});
