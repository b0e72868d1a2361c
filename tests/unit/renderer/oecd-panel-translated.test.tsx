// @vitest-environment jsdom
// The OECD routing panel in Vietnamese, rendered against a real core and vault reading the compiled
// knowledge base: the NCPs' names and practice notes show translated, each name with the official
// English one beside it, the cited pages keep their English titles marked as English, and the panel
// says the translation is not yet reviewed. Where notes are the English original, they say so.
import fs from 'node:fs';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import i18next from 'i18next';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import '../../helpers/i18n';
import { NCP_PRACTICE, OECD_ADHERENTS } from '../../../electron/core/plans/ncp-sources';
import { routeOecdComplaint } from '../../../electron/core/plans/oecd';
import { OecdAdherence } from '../../../renderer/src/features/plans/shared/OecdAdherence';
import { unlockedCore, type TestCore } from '../../helpers/core';

let t: TestCore;
/** When set, plans.oecd answers with this route instead of asking core (the English-fallback case). */
let answer: unknown = null;

const VI = JSON.parse(fs.readFileSync('resources/kb/translations/vi/ncps.json', 'utf8')) as { ncps: Record<string, { name: string; facts: string[] }>; general: { facts: string[] } };
const PLANS_VI = JSON.parse(fs.readFileSync('renderer/src/i18n/locales/vi/plans.json', 'utf8')) as { oecd: Record<string, string> };
const english = (iso2: string) => NCP_PRACTICE.ncps.find((n) => n.iso2 === iso2)!;

beforeAll(async () => {
  t = await unlockedCore();
  window.workbench = {
    invoke: (method, payload) => (method === 'plans.oecd' && answer ? Promise.resolve({ ok: true, value: answer }) : t.core.dispatch(method, payload)),
    onEvent: (listener) => t.core.events.on((event) => listener(event.name, event.payload)),
  } as typeof window.workbench;
  i18next.addResourceBundle('vi', 'plans', PLANS_VI, true, true);
  await act(() => i18next.changeLanguage('vi'));
}, 60_000);
afterEach(() => {
  cleanup();
  answer = null;
});
afterAll(async () => {
  await i18next.changeLanguage('en');
  await t.core.close();
});

describe('the OECD routing panel in Vietnamese', () => {
  it('shows each NCP\'s name and facts translated, the English name beside it and the sources as titled', async () => {
    render(<OecdAdherence country="US" harmCountries={['AU']} />);
    const cards = await screen.findAllByTestId('ncp-route', {}, { timeout: 10_000 });
    expect(cards.map((card) => card.dataset.iso2)).toEqual(['AU', 'US']);
    for (const card of cards) {
      const iso2 = card.dataset.iso2!;
      const heading = within(card).getByRole('heading', { level: 4 });
      expect(within(heading).getByText(VI.ncps[iso2]!.name).getAttribute('lang')).toBeNull();
      expect(within(heading).getByText(`(${english(iso2).name})`).getAttribute('lang')).toBe('en');
      for (const fact of VI.ncps[iso2]!.facts) expect(within(card).getByText(fact).getAttribute('lang')).toBeNull();
      for (const fact of english(iso2).facts) expect(card.textContent).not.toContain(fact.text);
      expect(within(card).queryByText(PLANS_VI.oecd.inEnglish!)).toBeNull();
      for (const source of english(iso2).sources) expect(within(card).getByText(source.title).closest('[lang]')?.getAttribute('lang')).toBe('en');
    }
    const panel = screen.getByTestId('oecd-adherence');
    for (const fact of VI.general.facts) expect(within(panel).getByText(fact)).toBeTruthy();
    expect(within(panel).getByTestId('ncp-translation-notice').textContent).toContain(PLANS_VI.oecd.unreviewed);
  }, 30_000);

  it('marks notes that are the English original, and gives them English as their language', async () => {
    // What core answers for a language without NCP notes: the route in Vietnamese, the notes in English.
    answer = routeOecdComplaint(OECD_ADHERENTS, NCP_PRACTICE, { hqCountry: 'US', harmCountries: ['AU'], operatingCountries: [], entityCountries: [] }, 'vi', null);
    render(<OecdAdherence country="US" harmCountries={['AU']} />);
    const [card] = await screen.findAllByTestId('ncp-route', {}, { timeout: 10_000 });
    const heading = within(card!).getByRole('heading', { level: 4 });
    expect(within(heading).getByText(english('AU').name).getAttribute('lang')).toBe('en');
    expect(within(card!).getAllByText(PLANS_VI.oecd.inEnglish!)).toHaveLength(2);
    expect(within(card!).getByText(english('AU').facts[0]!.text).getAttribute('lang')).toBe('en');
    expect(screen.queryByTestId('ncp-translation-notice')).toBeNull();
    // The general facts too, marked once above them.
    const general = screen.getByText(NCP_PRACTICE.general.facts[0]!.text);
    expect(general.getAttribute('lang')).toBe('en');
  }, 30_000);
});
