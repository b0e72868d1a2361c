// @vitest-environment jsdom
// Errors from core reach the screen in the chosen language: the app's own i18n start-up in the
// pseudo-locale, a real core behind the desktop bridge, and the unlock form showing what a wrong
// passphrase returns. Text still in plain English here would mean core's sentence was shown as is.
import fs from 'node:fs';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../renderer/src/api/client';
import { errorText } from '../../../renderer/src/api/error-text';
import { UnlockScreen } from '../../../renderer/src/features/vault/UnlockScreen';
import { PSEUDO_LOCALE, pseudoLocalise } from '../../../renderer/src/i18n/pseudo';
import { unlockedCore, type TestCore } from '../../helpers/core';

const { default: i18next } = await import('../../../renderer/src/i18n');

type Catalogue = Record<string, Record<string, string>>;
const english = JSON.parse(fs.readFileSync('renderer/src/i18n/locales/en/errors.json', 'utf8')) as Catalogue;
const fill = (template: string, values: Record<string, string>) => template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? '');

let t: TestCore;

beforeAll(async () => {
  t = await unlockedCore();
  await t.call('vault.lock', null);
  window.workbench = { invoke: (method, payload) => t.core.dispatch(method, payload), onEvent: () => () => undefined };
  await i18next.changeLanguage(PSEUDO_LOCALE);
});
afterEach(cleanup);
afterAll(async () => {
  await i18next.changeLanguage('en');
  t.core.close();
});

describe('core errors in the chosen language', () => {
  it('shows a wrong passphrase in the pseudo-locale on the unlock form', async () => {
    const vaults = await t.call('vault.list', null);
    const { container } = render(<UnlockScreen vaults={vaults} onUnlocked={() => {}} onCreateAnother={() => {}} />);
    fireEvent.change(container.querySelector('#unlock-passphrase')!, { target: { value: 'not the passphrase at all' } });
    await act(async () => fireEvent.submit(container.querySelector('form')!));
    const alert = await screen.findByRole('alert', undefined, { timeout: 10_000 });
    expect(alert.textContent).toBe(pseudoLocalise(english.vault!.wrongPassphrase!));
    expect(alert.textContent).not.toContain('Wrong passphrase');
  });

  it('says a validation problem inside the sentence naming the field, both translated', async () => {
    const result = await t.core.dispatch('notes.save', { title: 'x'.repeat(301) });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const error = new ApiError(result.error);
    expect(error.key).toBe('validation.tooLong');
    const problem = fill(pseudoLocalise(english.validation!.tooLong_other!), { count: '300' });
    expect(error.message).toBe(fill(pseudoLocalise(english.invalidInput!.fields_one!), { fields: 'title', problem }));
  });

  it('fills a plural and a variant (the kind of file) from the params', () => {
    const text = errorText({ code: 'RATE_LIMITED', key: 'vault.tooManyAttempts', params: { count: 1 }, message: 'Too many wrong passphrases. Wait 1 seconds, then try again.' });
    expect(text).toBe(fill(pseudoLocalise(english.vault!.tooManyAttempts_one!), { count: '1' }));
    const bundle = errorText({ code: 'BAD_FILE', key: 'exchange.cutShort', params: { context: 'bundle' }, message: 'English.' });
    expect(bundle).toBe(pseudoLocalise(english.exchange!.cutShort_bundle!));
  });

  it('falls back to core’s English sentence for a key no catalogue has, and for errors made in the renderer', () => {
    expect(errorText({ code: 'CONFLICT', key: 'plans.notInAnyCatalogue', message: 'A sentence from a newer core.' })).toBe('A sentence from a newer core.');
    expect(new ApiError({ code: 'INTERNAL', message: 'Said by the renderer.' }).message).toBe('Said by the renderer.');
  });
});
