// @vitest-environment jsdom
// The frameworks table with a partial Thai translation: translated entries carry their language,
// every field left in English is marked so where it is shown, and the notice names the translation.
import { cleanup, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Framework } from '@shared/api/kb';
import '../../helpers/i18n';
import { compileKb } from '../../../electron/core/kb/compile/compile-kb';
import { KbService } from '../../../electron/core/kb/service';
import { FrameworksTable } from '../../../renderer/src/features/kb/FrameworksTable';
import { tempDir } from '../../helpers/temp';
import { sourcesWith, THAI } from './framework-fixture';

const MARKER = 'Not translated yet: shown in English';

describe('the frameworks table in a language with some entries translated', () => {
  let thai: Framework[];
  let english: Framework[];
  beforeAll(() => {
    const out = tempDir('kb-frameworks-table-');
    compileKb(sourcesWith(THAI), out);
    const kb = new KbService(out);
    thai = kb.listFrameworks('th');
    english = kb.listFrameworks();
  });
  afterEach(cleanup);

  const show = (frameworks: Framework[], language: string, selected = 'gc-16') =>
    render(
      <MemoryRouter initialEntries={[`/kb/frameworks/${selected}`]}>
        <FrameworksTable frameworks={frameworks} language={language} />
      </MemoryRouter>,
    );
  const row = (id: string) => document.getElementById(`framework-${id}`)!;

  it('says once, above the table, that the translation is not reviewed, with a link to the English', () => {
    show(thai, 'th');
    const notices = document.querySelectorAll('.kb-translation-notice');
    expect(notices).toHaveLength(1);
    expect(notices[0]!.textContent).toContain('Translation not yet reviewed by a native speaker');
    expect(within(notices[0] as HTMLElement).getByRole('link', { name: 'Read the English original' }).getAttribute('href')).toBe('/kb/frameworks/gc-16?lang=en');
  });

  it('marks each field a translated entry leaves in English, and nothing in a fully translated one', () => {
    show(thai, 'th');
    const partial = row('gc-16');
    expect(partial.getAttribute('lang')).toBe('th');
    expect(within(partial).getAllByText(MARKER)).toHaveLength(5);
    const gc16 = english.find((f) => f.id === 'gc-16')!;
    const instrument = within(partial).getByText(gc16.instrument);
    expect(instrument.closest('[lang]')!.getAttribute('lang')).toBe('en');
    expect(within(partial).getByText(gc16.whyItMatters).closest('.kb-in-english')).not.toBeNull();
    expect(within(partial).getByText(THAI.frameworks['gc-16']!.protects!).closest('.kb-in-english')).toBeNull();
    expect(within(row('udhr-iccpr-19')).queryByText(MARKER)).toBeNull();
  });

  it('marks an entry the translation does not cover as English from end to end', () => {
    show(thai, 'th');
    const untranslated = row('ungps');
    expect(untranslated.getAttribute('lang')).toBe('en');
    expect(within(untranslated).getAllByText(MARKER)).toHaveLength(1);
  });

  it('shows no notice and no marker in English', () => {
    show(english, 'en');
    expect(document.querySelector('.kb-translation-notice')).toBeNull();
    expect(screen.queryByText(MARKER)).toBeNull();
    expect(row('gc-16').getAttribute('lang')).toBeNull();
  });
});
