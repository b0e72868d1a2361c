import { afterEach, describe, expect, it } from 'vitest';
import { testCore, TEST_PASSPHRASE, type TestCore } from '../helpers/core';

let t: TestCore;
afterEach(() => t?.core.close());

describe('the Get started checklist', () => {
  it('is kept only in the page while no vault is open', async () => {
    t = testCore();
    expect(await t.call('home.checklist.set', { done: ['step-1'] })).toEqual({ stored: false });
    expect(await t.call('home.checklist.get', null)).toEqual({ done: [], stored: false });
  });

  it('is kept in the vault across a lock and an unlock', async () => {
    t = testCore();
    const { vault } = await t.call('vault.create', { name: 'Notes', passphrase: TEST_PASSPHRASE });
    expect(await t.call('home.checklist.set', { done: ['step-1', 'step-3', 'step-1'] })).toEqual({ stored: true });
    await t.call('vault.lock', null);
    expect((await t.call('home.checklist.get', null)).done).toEqual([]);
    await t.call('vault.unlock', { id: vault!.id, passphrase: TEST_PASSPHRASE });
    expect(await t.call('home.checklist.get', null)).toEqual({ done: ['step-1', 'step-3'], stored: true });
  });
});
