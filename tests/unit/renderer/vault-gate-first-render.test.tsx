// @vitest-environment jsdom
// The vault gate's status is asked for at start-up, before the page's code runs. When its answer
// is in by the time the gate first renders, that render shows the open vault's page (or, for a
// locked vault, the unlock screen): no loading line, no second render, no second question to
// core. When nothing was asked early, the gate asks by itself. Against a real vault, through the
// desktop transport.
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../helpers/i18n';
import { testCore, TEST_PASSPHRASE, type TestCore } from '../../helpers/core';

let t: TestCore | undefined;
afterEach(async () => {
  cleanup();
  await t?.core.close();
  t = undefined;
  delete window.workbench;
});

/** A core with one vault (open or locked) behind window.workbench, counting the calls that reach it. */
async function gateOver(state: 'unlocked' | 'locked') {
  t = testCore();
  await t.call('vault.create', { name: 'Field office', passphrase: TEST_PASSPHRASE });
  if (state === 'locked') await t.call('vault.lock', null);
  const core = t;
  const calls: string[] = [];
  window.workbench = {
    invoke: async (method, payload) => {
      calls.push(method);
      return core.raw(method, payload);
    },
    onEvent: () => () => undefined,
  };
  // A fresh module graph per test: the early answer lives in early-status.ts's module state.
  vi.resetModules();
  const early = await import('../../../renderer/src/features/vault/early-status');
  const { VaultGate } = await import('../../../renderer/src/features/vault/VaultGate');
  const show = () =>
    render(
      <MemoryRouter>
        <VaultGate>
          <p>The open vault’s page</p>
        </VaultGate>
      </MemoryRouter>,
    );
  return { early, show, calls };
}

const statusCalls = (calls: string[]) => calls.filter((method) => method === 'vault.status').length;

describe('the vault gate’s first render', () => {
  it('shows the open vault’s page when the early status is already in, and asks core nothing more', async () => {
    const gate = await gateOver('unlocked');
    gate.early.askForVaultStatus();
    await waitFor(() => expect(gate.early.arrivedVaultStatus()?.view).toBe('unlocked'));
    gate.show();
    // The first render, before any effect has had a turn to ask or set state.
    expect(screen.getByText('The open vault’s page')).toBeTruthy();
    expect(screen.queryByText('Checking the vault…')).toBeNull();
    await act(async () => undefined);
    expect(statusCalls(gate.calls)).toBe(1);
    // Taken: a gate mounted later (another page) asks afresh.
    expect(gate.early.takeVaultStatus()).toBeNull();
  });

  it('shows the unlock screen on its first render when the early answers say the vault is locked', async () => {
    const gate = await gateOver('locked');
    gate.early.askForVaultStatus();
    await waitFor(() => expect(gate.early.arrivedVaultStatus()?.view).toBe('locked'));
    gate.show();
    expect(screen.getByLabelText('Passphrase')).toBeTruthy();
    expect(screen.queryByText('The open vault’s page')).toBeNull();
    await act(async () => undefined);
    expect(statusCalls(gate.calls)).toBe(1);
  });

  it('waits for an early status still on its way instead of asking again', async () => {
    const gate = await gateOver('unlocked');
    gate.early.askForVaultStatus();
    gate.show();
    expect(screen.getByText('Checking the vault…')).toBeTruthy();
    expect(await screen.findByText('The open vault’s page')).toBeTruthy();
    expect(statusCalls(gate.calls)).toBe(1);
  });

  it('asks core itself when nothing was asked early', async () => {
    const gate = await gateOver('unlocked');
    gate.show();
    expect(screen.getByText('Checking the vault…')).toBeTruthy();
    expect(await screen.findByText('The open vault’s page')).toBeTruthy();
    expect(statusCalls(gate.calls)).toBe(1);
  });
});
