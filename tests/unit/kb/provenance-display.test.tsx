// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { KbService } from '../../../electron/core/kb/service';
import '../../helpers/i18n';
import { MechanismDetail } from '../../../renderer/src/features/kb/MechanismDetail';
import { PartyStatusTable } from '../../../renderer/src/features/kb/PartyStatus';
import { CheckedDate, DatedFacts, ToolkitBadge } from '../../../renderer/src/features/kb/Provenance';
import { Sources } from '../../../renderer/src/features/kb/SourceList';
import { openBuiltKb } from './built-kb';

const TODAY = '2026-12-01';

describe('what the knowledge base shows about how far to trust an entry', () => {
  let kb: KbService;
  beforeAll(() => {
    kb = openBuiltKb().service;
  });
  afterEach(cleanup);

  it('says when an entry was checked, and warns once that is more than twelve months ago', () => {
    render(<CheckedDate asOf="2026-12-01" today={TODAY} />);
    expect(screen.getByText(/^Checked/)).toHaveProperty('textContent', expect.stringMatching(/2026/));
    expect(screen.queryByText(/More than 12 months ago/)).toBeNull();
    cleanup();
    render(<CheckedDate asOf="2025-10" today={TODAY} />);
    expect(screen.getByText(/More than 12 months ago/)).toBeTruthy();
  });

  it('marks whether the toolkit names an entry or the app added it', () => {
    render(
      <>
        <ToolkitBadge inToolkit />
        <ToolkitBadge inToolkit={false} />
      </>,
    );
    expect(screen.getByText('In the toolkit')).toBeTruthy();
    expect(screen.getByText('Added by this app')).toBeTruthy();
  });

  it('shows a lapsed mandate as lapsed, never as the current holder', () => {
    const facts = kb.getMechanism('sr-freedom-of-expression').datedFacts;
    render(<DatedFacts facts={facts} today={TODAY} />);
    const item = screen.getByText(/No longer current/).closest('li')!;
    expect(item.textContent).toMatch(/six-year maximum ended/);
    expect(document.body.textContent).not.toMatch(/has held the mandate since/);
    cleanup();
    render(<DatedFacts facts={facts} today="2025-01-01" />);
    expect(document.body.textContent).toMatch(/has held the mandate since 1 August 2020/);
  });

  it('lists primary sources first and says so plainly when there is none', () => {
    render(<Sources sources={kb.getMechanism('komnas-ham').sources} />);
    expect(screen.getByText('No primary source found.')).toBeTruthy();
    cleanup();
    const bhrrc = kb.getMechanism('bhrrc').sources;
    render(<Sources sources={bhrrc} />);
    const headings = screen.getAllByRole('heading').map((h) => h.textContent);
    expect(headings).toEqual(['Primary sources', 'Background reading (secondary sources)']);
  });

  it('shows ICCPR party status with the line that companies must respect the rights regardless', () => {
    render(<PartyStatusTable status={kb.treatyStatus('iccpr')} today={TODAY} />);
    const row = (iso2: string) => document.querySelector(`tr[data-iso2="${iso2}"]`) as HTMLElement;
    expect(within(row('CN')).getByText('Signed, not ratified')).toBeTruthy();
    expect(within(row('VN')).getByText('Party since 1982')).toBeTruthy();
    expect(within(row('VN')).getAllByText('Not a party')).toHaveLength(1);
    for (const iso2 of ['MY', 'MM', 'SG', 'BN']) expect(within(row(iso2)).getAllByText('Not a party'), iso2).toHaveLength(2);
    expect(screen.getByText(/Companies are expected to respect these rights regardless/)).toBeTruthy();
  });

  it('puts the exposure and reprisal notes on the directory entry', () => {
    render(
      <MemoryRouter>
        <MechanismDetail mechanism={kb.getMechanism('upr')} today={TODAY} />
      </MemoryRouter>,
    );
    const exposure = screen.getByRole('region', { name: 'What using it exposes, and to whom' });
    expect(within(exposure).getByText('What becomes public')).toBeTruthy();
    expect(exposure.textContent).toMatch(/summary of stakeholders/);
    expect(exposure.textContent).toMatch(/joint submission/);
    expect(screen.getByText('In the toolkit')).toBeTruthy();
    expect(screen.queryByText('Not translated yet: shown in English')).toBeNull();
  });

  it('marks each field a translated entry still shows in English, and gives it English as its language', () => {
    const thai = kb.getMechanism('upr', 'th');
    const english = kb.getMechanism('upr');
    expect(thai.translation?.language).toBe('th');
    // Scope, who can use it and timing left out of the translation: each is the English original, marked where it stands.
    const partial = { ...thai, scope: english.scope, whoCanUse: english.whoCanUse, timing: english.timing, inEnglish: ['scope', 'whoCanUse', 'timing'] as const };
    render(
      <MemoryRouter>
        <MechanismDetail mechanism={{ ...partial, inEnglish: [...partial.inEnglish] }} today={TODAY} language="th" />
      </MemoryRouter>,
    );
    const exposure = screen.getByRole('region', { name: 'What using it exposes, and to whom' });
    expect(within(exposure).queryByText('Not translated yet: shown in English')).toBeNull();
    expect(screen.getAllByText('Not translated yet: shown in English')).toHaveLength(3);
    for (const text of [english.scope, english.whoCanUse, english.timing]) expect(screen.getByText(text).getAttribute('lang')).toBe('en');
    expect(screen.getByRole('heading', { level: 2 }).getAttribute('lang')).toBe('th');
    cleanup();

    // Notes a translation lacks are shown in English and marked, each where it stands.
    render(
      <MemoryRouter>
        <MechanismDetail mechanism={{ ...thai, exposure: english.exposure, reprisalNotes: english.reprisalNotes, inEnglish: ['exposure', 'reprisalNotes'] }} today={TODAY} language="th" />
      </MemoryRouter>,
    );
    const marked = screen.getByRole('region', { name: 'What using it exposes, and to whom' });
    expect(within(marked).getAllByText('Not translated yet: shown in English')).toHaveLength(2);
    expect(within(marked).getByText(english.exposure.whatIsPublic).getAttribute('lang')).toBe('en');
    expect(within(marked).getByText(english.reprisalNotes[0]!).closest('ul')?.getAttribute('lang')).toBe('en');
    cleanup();

    // Unverified notes and dated facts in English are marked too.
    render(
      <MemoryRouter>
        <MechanismDetail mechanism={{ ...english, translation: thai.translation, inEnglish: ['unverified', 'datedFacts'] }} today={TODAY} language="th" />
      </MemoryRouter>,
    );
    const shownInEnglish = (english.unverified.length > 0 ? 1 : 0) + (english.datedFacts.length > 0 ? 1 : 0);
    expect(screen.queryAllByText('Not translated yet: shown in English')).toHaveLength(shownInEnglish);
    if (english.unverified[0]) expect(screen.getByText(english.unverified[0]).closest('ul')?.getAttribute('lang')).toBe('en');
  });
});
