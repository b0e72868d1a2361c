// @vitest-environment jsdom
// The OECD routing panel, rendered against a real core and vault: core writes the route's sentence,
// notes and country names, so the panel asks in the interface language, and asks again when the
// user switches language, rather than keeping the English it first got.
import fs from 'node:fs';
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import i18next from 'i18next';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import '../../helpers/i18n';
import { OecdAdherence } from '../../../renderer/src/features/plans/shared/OecdAdherence';
import { unlockedCore, type TestCore } from '../../helpers/core';

let t: TestCore;
const asked: unknown[] = [];
const QUESTION = { hqCountry: 'US', harmCountries: ['VN'], operatingCountries: ['AU'], entityCountries: [] };

beforeAll(async () => {
  t = await unlockedCore();
  window.workbench = {
    invoke: (method, payload) => {
      if (method === 'plans.oecd') asked.push(payload);
      return t.core.dispatch(method, payload);
    },
    onEvent: (listener) => t.core.events.on((event) => listener(event.name, event.payload)),
  };
  for (const code of ['th', 'vi']) {
    i18next.addResourceBundle(code, 'plans', JSON.parse(fs.readFileSync(`renderer/src/i18n/locales/${code}/plans.json`, 'utf8')) as object, true, true);
  }
}, 60_000);
afterEach(async () => {
  cleanup();
  await i18next.changeLanguage('en');
});
afterAll(() => t.core.close());

describe('the OECD routing panel', () => {
  it('is asked for in the interface language, and again in a newly chosen one', async () => {
    const english = await t.call('plans.oecd', { ...QUESTION, locale: 'en' });
    const thai = await t.call('plans.oecd', { ...QUESTION, locale: 'th' });
    const vietnamese = await t.call('plans.oecd', { ...QUESTION, locale: 'vi' });
    render(<OecdAdherence country="US" harmCountries={['VN']} operatingCountries={['AU']} />);
    const panel = await screen.findByTestId('oecd-adherence', {}, { timeout: 10_000 });
    expect(panel.textContent).toContain(english.sentence);

    await act(() => i18next.changeLanguage('th'));
    await waitFor(() => expect(screen.getByTestId('oecd-adherence').textContent).toContain(thai.sentence), { timeout: 10_000 });
    expect(screen.getByTestId('oecd-adherence').textContent).toContain(thai.notes[0]);
    expect(screen.getByTestId('oecd-adherence').textContent).not.toContain(english.sentence);

    await act(() => i18next.changeLanguage('vi'));
    await waitFor(() => expect(screen.getByTestId('oecd-adherence').textContent).toContain(vietnamese.sentence), { timeout: 10_000 });
    expect(asked.map((payload) => (payload as { locale: string }).locale)).toEqual(['en', 'th', 'vi']);
  }, 30_000);
});
