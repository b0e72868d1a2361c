// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import '../../helpers/i18n';
import type { VaultStatus } from '@shared/api/vault';
import { ChangePassphraseForm } from '../../../renderer/src/features/vault/ChangePassphraseForm';
import { CreateVaultScreen } from '../../../renderer/src/features/vault/CreateVaultScreen';
import { testCore, type TestCore } from '../../helpers/core';

const WEAK = 'password1234';
const STRONG = 'lantern orchid monsoon ferry 42';
const ESTIMATE = { timeout: 15_000 };

let t: TestCore;

beforeAll(() => {
  // The forms talk to a real core through the same bridge the desktop preload exposes.
  t = testCore();
  window.workbench = { invoke: (method, payload) => t.core.dispatch(method, payload), onEvent: () => () => undefined };
});
afterEach(cleanup);

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const submit = (name: string) => screen.getByRole('button', { name }) as HTMLButtonElement;

describe('choosing a new passphrase', () => {
  it('shows the estimate and the advice, and will not create a vault behind password1234', { timeout: 30_000 }, async () => {
    let created: VaultStatus | null = null;
    render(<CreateVaultScreen onCreated={(status) => (created = status)} />);
    expect(screen.getByText(/four or more words chosen at random/)).toBeTruthy();
    type('Vault name', 'Notes');
    type('Passphrase', WEAK);
    type('Type the passphrase again', WEAK);
    fireEvent.click(screen.getByLabelText(/a lost passphrase cannot be recovered/));
    expect(await screen.findByText('Strength: Weak', undefined, ESTIMATE)).toBeTruthy();
    expect(screen.getByText(/Not strong enough yet/)).toBeTruthy();
    expect(screen.getByLabelText('Passphrase').getAttribute('aria-invalid')).toBe('true');
    expect(submit('Create vault').disabled).toBe(true);

    type('Passphrase', STRONG);
    type('Type the passphrase again', STRONG);
    expect(await screen.findByText('Strength: Strong', undefined, ESTIMATE)).toBeTruthy();
    expect(screen.queryByText(/Not strong enough yet/)).toBeNull();
    await waitFor(() => expect(submit('Create vault').disabled).toBe(false));
    await act(async () => fireEvent.click(submit('Create vault')));
    await waitFor(() => expect(created).not.toBeNull(), ESTIMATE);
    expect((await t.call('vault.list', null)).map((vault) => vault.name)).toEqual(['Notes']);
  });

  it('shows the estimate when changing the passphrase, and refuses a weak new one before asking core', { timeout: 30_000 }, async () => {
    // Unlocked by the previous test.
    render(<ChangePassphraseForm />);
    type('Current passphrase', STRONG);
    type('New passphrase', WEAK);
    type('Type the passphrase again', WEAK);
    expect(await screen.findByText('Strength: Weak', undefined, ESTIMATE)).toBeTruthy();
    expect(screen.getByText(/Not strong enough yet/)).toBeTruthy();
    expect(submit('Change passphrase').disabled).toBe(true);

    const next = 'harbour quilt saffron engine 17';
    type('New passphrase', next);
    type('Type the passphrase again', next);
    expect(await screen.findByText('Strength: Strong', undefined, ESTIMATE)).toBeTruthy();
    await waitFor(() => expect(submit('Change passphrase').disabled).toBe(false));
    await act(async () => fireEvent.click(submit('Change passphrase')));
    expect(await screen.findByText(/now use a new key under the new passphrase/, undefined, ESTIMATE)).toBeTruthy();
    await t.call('vault.lock', null);
    const [vault] = await t.call('vault.list', null);
    expect(await t.raw('vault.unlock', { id: vault!.id, passphrase: STRONG })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    await t.call('vault.unlock', { id: vault!.id, passphrase: next });
  });

  it('is refused by core too, whatever the client: a script cannot create a vault behind password1234', async () => {
    await t.call('vault.lock', null);
    expect(await t.raw('vault.create', { name: 'Scripted', passphrase: WEAK })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: ['passphrase'], message: expect.stringMatching(/four or more words/) },
    });
  });
});
