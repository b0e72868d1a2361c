// @vitest-environment jsdom
// The requirements panel as the user reads it: the live word count against the UPR limit (and by
// how much it is over), each item in words with where its rule comes from, "not verified" where the
// template could not confirm the fact, a missing field named by its label, a note the catalogue does
// not know yet in the template's own words, and a way to the identity check.
import { cleanup, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import '../../helpers/i18n';
import type { Requirements, SubmissionTemplate } from '../../../electron/shared/api/submissions';
import { RequirementsPanel } from '../../../renderer/src/features/submissions/RequirementsPanel';

afterEach(cleanup);

const SOURCE = { url: 'https://www.ohchr.org/en/hr-bodies/upr/upr-main', title: 'UPR technical guidelines', checked: '2026-12-01', verified: false };

const TEMPLATE = {
  route: 'uprStakeholder',
  name: 'UPR stakeholder submission',
  mechanismId: 'upr',
  layout: 'numberedParagraphs',
  languages: [],
  languagesSource: null,
  sections: [{ id: 'intro', heading: 'Introduction', guidance: 'Who submits.', prefill: 'none' }],
  fields: [],
  exposureNotes: [{ id: 'brandNew', text: 'A note added by a knowledge update.', source: { ...SOURCE, verified: true } }],
  rules: [],
} satisfies SubmissionTemplate;

function show(requirements: Requirements | null, words: number, exportAnchor: string | null = null) {
  render(
    <MemoryRouter>
      <RequirementsPanel requirements={requirements} template={TEMPLATE} words={words} joint={false} exportAnchor={exportAnchor} />
    </MemoryRouter>,
  );
  return screen.getByTestId('requirements-panel');
}

const OVER: Requirements = {
  blocked: true,
  wordCount: { words: 2900, limit: 2815 },
  items: [
    { id: 'victimRefused:1', level: 'block', key: 'victimNamedAgainstRefusal', params: { victim: 'Journalist A' } },
    { id: 'wordLimit', level: 'warn', key: 'overWordLimitIndividual', params: { words: 2900, limit: 2815, asOf: '2026-12-01' }, source: SOURCE },
    { id: 'missing:perpetrators.stateActors', level: 'warn', key: 'missingField', params: { field: 'perpetrators.stateActors' } },
    { id: 'exposure:brandNew', level: 'info', key: 'exposure.uprStakeholder.brandNew', params: {}, source: { ...SOURCE, verified: true } },
    { id: 'identity', level: 'warn', key: 'identityFlags', params: { count: 2, undecided: 1 } },
  ],
};

describe('the requirements panel', () => {
  it('counts words against the individual limit and says by how much the text is over', () => {
    const panel = show(OVER, 2900);
    const count = within(panel).getByTestId('word-count');
    expect(count.textContent).toBe('2,900 of 2,815 words (individual submission) 85 words over the limit.');
    expect(count.dataset.state).toBe('over');
    cleanup();
    expect(show({ ...OVER, items: [], blocked: false }, 1).querySelector('[data-state]')?.textContent).toBe('1 of 2,815 words (individual submission)');
  });

  it('counts words without a limit where the route has none, before the first check answers too', () => {
    expect(within(show(null, 1)).getByTestId('word-count').textContent).toBe('1 word');
    cleanup();
    const panel = show(null, 1234);
    expect(within(panel).getByTestId('word-count').textContent).toBe('1,234 words');
    expect(panel.textContent).toContain('Checking the draft…');
  });

  it('groups blocks, warnings and notes, and says when the mechanism would refuse the draft', () => {
    const panel = show(OVER, 2900);
    expect(panel.textContent).toContain('The mechanism would not accept the draft as it is');
    expect(within(panel).getByRole('heading', { name: 'Blocks filing (1)' })).toBeTruthy();
    expect(within(panel).getByRole('heading', { name: 'Warnings (3)' })).toBeTruthy();
    expect(within(panel).getByRole('heading', { name: 'Notes (1)' })).toBeTruthy();
    expect(panel.textContent).toContain('Journalist A refused to be named, but their name is in the text.');
  });

  it('cites the rule’s source with the day it was checked, and says "not verified" where the template could not confirm it', () => {
    const item = show(OVER, 2900).querySelector('[data-requirement="wordLimit"]')!;
    expect(item.textContent).toContain('The text has 2,900 words; the limit for an individual submission is 2,815 (as recorded on Dec 1, 2026).');
    expect(within(item as HTMLElement).getByRole('link', { name: /UPR technical guidelines/ }).getAttribute('href')).toBe(SOURCE.url);
    expect(item.textContent).toContain('checked Dec 1, 2026 · not verified');
    const verified = document.querySelector('[data-requirement="exposure:brandNew"]')!;
    expect(verified.textContent).not.toContain('not verified');
  });

  it('names a missing field by its label and shows a note the catalogue lacks in the template’s words', () => {
    const panel = show(OVER, 2900);
    expect(panel.querySelector('[data-requirement="missing:perpetrators.stateActors"]')!.textContent).toBe('Fill in “Alleged perpetrators: State actors”.');
    expect(panel.querySelector('[data-requirement="exposure:brandNew"]')!.textContent).toContain('A note added by a knowledge update.');
  });

  it('offers the export check for the flags of a saved draft, and the people register while changes are unsaved', () => {
    const saved = show(OVER, 2900, 'submission-export');
    expect(within(saved).getByRole('button', { name: 'Review them in the export check' })).toBeTruthy();
    cleanup();
    const unsaved = show(OVER, 2900, null);
    expect(within(unsaved).getByRole('link', { name: 'People to protect (Settings)' }).getAttribute('href')).toBe('/settings');
  });
});
