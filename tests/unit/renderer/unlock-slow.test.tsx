// @vitest-environment jsdom
// An unlock that takes long (the first after an update migrates a large vault can take minutes)
// says why under the button after SLOW_UNLOCK_MS, in a live region that was there, empty, before,
// so the sentence is read out once; the sentence goes as soon as core answers or refuses. Panic
// stays at hand meanwhile: the page blanks at once although core, busy with the unlock, answers
// nothing. The API is stubbed so that core answers exactly when the test says.
import fs from 'node:fs';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { VaultSummary } from '@shared/api/vault';
import type { RpcResult } from '@shared/api/result';
import '../../helpers/i18n';
import { PanicButton } from '../../../renderer/src/features/safety/panic';
import { SLOW_UNLOCK_MS, UnlockScreen } from '../../../renderer/src/features/vault/UnlockScreen';

const english = JSON.parse(fs.readFileSync('renderer/src/i18n/locales/en/vault.json', 'utf8')) as { unlock: { slow: string } };
const SLOW = english.unlock.slow;
const safety = JSON.parse(fs.readFileSync('renderer/src/i18n/locales/en/safety.json', 'utf8')) as { panic: { button: string } };
const VAULTS: VaultSummary[] = [{ id: 'v1', name: 'Field office' } as VaultSummary];

/** Core's answers, given by the test: each call waits until the test settles it. */
let pending: Array<{ method: string; settle: (result: RpcResult<unknown>) => void }> = [];
const answer = (method: string, result: RpcResult<unknown>) => {
  const call = pending.find((p) => p.method === method);
  if (!call) throw new Error(`no pending ${method}`);
  pending = pending.filter((p) => p !== call);
  call.settle(result);
};

beforeAll(() => {
  window.workbench = {
    invoke: (method: string) => new Promise((settle) => pending.push({ method, settle })),
    onEvent: () => () => undefined,
  };
});
beforeEach(() => {
  pending = [];
  vi.useFakeTimers();
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  document.documentElement.style.visibility = '';
  delete document.documentElement.dataset.panic;
});

/** The live region under the buttons, found by what it is, not by its text. */
const liveRegionUnderButtons = (container: HTMLElement) => container.querySelector('form > [role="status"]:last-child');

async function startUnlock(onUnlocked = vi.fn()) {
  const view = render(<UnlockScreen vaults={VAULTS} onUnlocked={onUnlocked} onCreateAnother={() => {}} />);
  fireEvent.change(view.container.querySelector('#unlock-passphrase')!, { target: { value: 'a long enough passphrase' } });
  await act(async () => fireEvent.submit(view.container.querySelector('form')!));
  expect(pending.filter((p) => p.method === 'vault.unlock')).toHaveLength(1);
  return view;
}

const advance = (ms: number) => act(() => vi.advanceTimersByTime(ms));

describe('an unlock that takes long', () => {
  it('says why after the threshold, not before, in a live region present from the start, and stops when core answers', async () => {
    const onUnlocked = vi.fn();
    const { container } = await startUnlock(onUnlocked);
    const region = liveRegionUnderButtons(container);
    expect(region).not.toBeNull();
    expect(region!.textContent).toBe('');

    await advance(SLOW_UNLOCK_MS - 100);
    expect(screen.queryByText(SLOW)).toBeNull();
    await advance(100);
    const line = screen.getByText(SLOW);
    // Inside the region that was already there (added text is read once), under the buttons.
    expect(line.closest('[role="status"]')).toBe(region);
    expect(container.querySelector('button[type="submit"]')!.compareDocumentPosition(line) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    // It stays put (no ticking text to re-announce) however long the unlock runs.
    await advance(4 * 60_000);
    expect(region!.textContent).toBe(SLOW);

    await act(async () => answer('vault.unlock', { ok: true, value: { state: 'unlocked' } }));
    expect(onUnlocked).toHaveBeenCalledTimes(1);
    expect(screen.queryByText(SLOW)).toBeNull();
  });

  it('goes when the unlock fails, and waits the full threshold again on the next try', async () => {
    const { container } = await startUnlock();
    await advance(SLOW_UNLOCK_MS);
    expect(screen.getByText(SLOW)).toBeTruthy();
    await act(async () =>
      answer('vault.unlock', { ok: false, error: { code: 'VAULT_TOO_NEW', key: 'vault.tooNew', message: 'This vault was saved by a newer version.' } }),
    );
    expect(screen.queryByText(SLOW)).toBeNull();
    expect(screen.getByRole('alert')).toBeTruthy();

    fireEvent.change(container.querySelector('#unlock-passphrase')!, { target: { value: 'a long enough passphrase' } });
    await act(async () => fireEvent.submit(container.querySelector('form')!));
    await advance(SLOW_UNLOCK_MS - 100);
    expect(screen.queryByText(SLOW)).toBeNull();
    await advance(100);
    expect(screen.getByText(SLOW)).toBeTruthy();
  });

  it('is not shown for an unlock that answers before the threshold', async () => {
    const { container } = await startUnlock();
    await advance(SLOW_UNLOCK_MS / 2);
    await act(async () =>
      answer('vault.unlock', { ok: false, error: { code: 'WRONG_PASSPHRASE', key: 'vault.wrongPassphrase', message: 'Wrong passphrase.' } }),
    );
    // The screen re-reads the list after a wrong passphrase; the sentence must not come meanwhile.
    await advance(SLOW_UNLOCK_MS * 2);
    expect(liveRegionUnderButtons(container)!.textContent).toBe('');
    await act(async () => answer('vault.list', { ok: true, value: VAULTS }));
    expect(liveRegionUnderButtons(container)!.textContent).toBe('');
  });

  it('leaves panic working: the page blanks at once while core, busy unlocking, answers nothing', async () => {
    render(<PanicButton />);
    await startUnlock();
    await advance(SLOW_UNLOCK_MS);
    expect(screen.getByText(SLOW)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: safety.panic.button }));
    expect(document.documentElement.style.visibility).toBe('hidden');
    // Core is asked to lock although the unlock has not answered; the page does not wait for it.
    await advance(150);
    expect(pending.map((p) => p.method)).toContain('app.panic');
    expect(pending.map((p) => p.method)).toContain('vault.unlock');
  });
});
