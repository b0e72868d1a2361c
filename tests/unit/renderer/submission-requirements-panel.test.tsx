// @vitest-environment jsdom
// The requirements panel as the user reads it: the live word count against the UPR limit (and by
// how much it is over), each item in words with where its rule comes from, "not verified" where the
// template could not confirm the fact, a missing field named by its label, a note the catalogue does
// not know yet in the template's own words, and a way to the identity check. In Thai: the
// catalogue's Thai sentences with Intl's numbers and Buddhist-era dates, Thai's one plural form,
// and the template's notes from its Thai translation, marked not reviewed, with the English a click away.
import fs from 'node:fs';
import { cleanup, render, screen, within } from '@testing-library/react';
import i18next from 'i18next';
import { MemoryRouter } from 'react-router';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import '../../helpers/i18n';
import type { Requirements, SubmissionTemplate, TemplateTranslation } from '../../../electron/shared/api/submissions';
import { formatDay, formatNumber } from '../../../renderer/src/i18n/locale-format';
import { RequirementsPanel } from '../../../renderer/src/features/submissions/RequirementsPanel';
import { templateWords } from '../../../renderer/src/features/submissions/template-words';

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

/** The panel once its catalogues are in (a page's catalogues load with its code, so the first render may wait). */
async function show(requirements: Requirements | null, words: number, exportAnchor: string | null = null) {
  render(
    <MemoryRouter>
      <RequirementsPanel requirements={requirements} template={TEMPLATE} words={words} joint={false} exportAnchor={exportAnchor} />
    </MemoryRouter>,
  );
  return screen.findByTestId('requirements-panel');
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
  it('counts words against the individual limit and says by how much the text is over', async () => {
    const panel = await show(OVER, 2900);
    const count = within(panel).getByTestId('word-count');
    expect(count.textContent).toBe('2,900 of 2,815 words (individual submission) 85 words over the limit.');
    expect(count.dataset.state).toBe('over');
    cleanup();
    expect((await show({ ...OVER, items: [], blocked: false }, 1)).querySelector('[data-state]')?.textContent).toBe('1 of 2,815 words (individual submission)');
  });

  it('counts words without a limit where the route has none, before the first check answers too', async () => {
    expect(within(await show(null, 1)).getByTestId('word-count').textContent).toBe('1 word');
    cleanup();
    const panel = await show(null, 1234);
    expect(within(panel).getByTestId('word-count').textContent).toBe('1,234 words');
    expect(panel.textContent).toContain('Checking the draft…');
  });

  it('groups blocks, warnings and notes, and says when the mechanism would refuse the draft', async () => {
    const panel = await show(OVER, 2900);
    expect(panel.textContent).toContain('The mechanism would not accept the draft as it is');
    expect(within(panel).getByRole('heading', { name: 'Blocks filing (1)' })).toBeTruthy();
    expect(within(panel).getByRole('heading', { name: 'Warnings (3)' })).toBeTruthy();
    expect(within(panel).getByRole('heading', { name: 'Notes (1)' })).toBeTruthy();
    expect(panel.textContent).toContain('Journalist A refused to be named, but their name is in the text.');
  });

  it('cites the rule’s source with the day it was checked, and says "not verified" where the template could not confirm it', async () => {
    const item = (await show(OVER, 2900)).querySelector('[data-requirement="wordLimit"]')!;
    expect(item.textContent).toContain('The text has 2,900 words; the limit for an individual submission is 2,815 (as recorded on Dec 1, 2026).');
    expect(within(item as HTMLElement).getByRole('link', { name: /UPR technical guidelines/ }).getAttribute('href')).toBe(SOURCE.url);
    expect(item.textContent).toContain('checked Dec 1, 2026 · not verified');
    const verified = document.querySelector('[data-requirement="exposure:brandNew"]')!;
    expect(verified.textContent).not.toContain('not verified');
  });

  it('names a missing field by its label and shows a note the catalogue lacks in the template’s words', async () => {
    const panel = await show(OVER, 2900);
    expect(panel.querySelector('[data-requirement="missing:perpetrators.stateActors"]')!.textContent).toBe('Fill in “Alleged perpetrators: State actors”.');
    expect(panel.querySelector('[data-requirement="exposure:brandNew"]')!.textContent).toContain('A note added by a knowledge update.');
  });

  it('offers the export check for the flags of a saved draft, and the people register while changes are unsaved', async () => {
    const saved = await show(OVER, 2900, 'submission-export');
    expect(within(saved).getByRole('button', { name: 'Review them in the export check' })).toBeTruthy();
    cleanup();
    const unsaved = await show(OVER, 2900, null);
    expect(within(unsaved).getByRole('link', { name: 'People to protect (Settings)' }).getAttribute('href')).toBe('/settings');
  });
});

describe('the requirements panel in Thai', () => {
  const thai = JSON.parse(fs.readFileSync('renderer/src/i18n/locales/th/submissions.json', 'utf8')) as Record<string, Record<string, unknown>>;
  const template = JSON.parse(fs.readFileSync('resources/submissions/uprStakeholder.json', 'utf8')) as SubmissionTemplate;
  const translation = JSON.parse(fs.readFileSync('resources/submissions/translations/th.json', 'utf8')) as TemplateTranslation;
  const fill = (text: string, params: Record<string, string>) => text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => params[name]!);

  beforeAll(async () => {
    i18next.addResourceBundle('th', 'submissions', thai, true, true);
    await i18next.changeLanguage('th');
  });
  afterAll(async () => {
    await i18next.changeLanguage('en');
  });

  async function showInThai(showEnglish = false, onToggle: () => void = () => undefined, thaiTemplates = translation) {
    const items: Requirements['items'] = [
      { id: 'wordLimit', level: 'warn', key: 'overWordLimitIndividual', params: { words: 12900, limit: 2815, asOf: '2026-12-01' }, source: SOURCE },
      { id: 'identity', level: 'warn', key: 'identityFlags', params: { count: 1, undecided: 1 } },
      { id: 'exposure:summary', level: 'info', key: 'exposure.uprStakeholder.summary', params: {}, source: SOURCE },
      { id: 'rule:smart', level: 'info', key: 'rules.uprStakeholder.smart', params: {}, source: SOURCE },
    ];
    render(
      <MemoryRouter>
        <RequirementsPanel
          requirements={{ blocked: false, wordCount: { words: 12900, limit: 2815 }, items }}
          template={template}
          words={12900}
          joint={false}
          exportAnchor={null}
          templateText={templateWords(template, thaiTemplates, showEnglish)}
          onToggleEnglish={onToggle}
        />
      </MemoryRouter>,
    );
    return screen.findByTestId('requirements-panel');
  }

  it('says every check in Thai, with numbers and dates formatted for Thai readers and the plural form Thai has', async () => {
    const panel = await showInThai();
    const panelWords = thai.panel as Record<string, string>;
    const requirements = thai.requirements as Record<string, string>;
    // Numbers through Intl, never pasted in: 12,900 and 10,085 over.
    expect(within(panel).getByTestId('word-count').textContent).toBe(
      `${fill(panelWords.wordsOfIndividual!, { words: formatNumber(12900), limit: formatNumber(2815) })} ${fill(panelWords.overBy_other!, { over: formatNumber(10085) })}`,
    );
    expect(formatNumber(12900)).toBe('12,900');
    // The Buddhist-era year Thai readers expect, from the locale's calendar.
    const limit = panel.querySelector('[data-requirement="wordLimit"]')!.textContent!;
    expect(limit).toContain(fill(requirements.overWordLimitIndividual!, { words: '12,900', limit: '2,815', asOf: formatDay('2026-12-01') }));
    expect(formatDay('2026-12-01')).toContain('2569');
    // Thai has one plural form: one flag reads as the catalogue's only form, with the number in it.
    expect(panel.querySelector('[data-requirement="identity"]')!.textContent).toContain(fill(requirements.identityFlags_other!, { count: '1', undecided: '1' }));
    expect(within(panel).getByRole('heading', { name: fill((panelWords.level as unknown as Record<string, string>).warn!, { n: '2' }) })).toBeTruthy();
    // No English sentence is left.
    expect(panel.textContent).not.toMatch(/\b(words|The text has|identity check|Write each recommendation)\b/);
  });

  it('shows the template’s notes in the Thai translation, marked as not reviewed, with a way to the English original', async () => {
    let toggled = 0;
    const panel = await showInThai(false, () => toggled++);
    const note = panel.querySelector('[data-requirement="exposure:summary"] [lang="th"]')!;
    expect(note.textContent).toBe(translation.routes.uprStakeholder!.exposureNotes.summary);
    expect(panel.querySelector('[data-requirement="rule:smart"] [lang="th"]')!.textContent).toBe(translation.routes.uprStakeholder!.rules.smart);
    const notice = within(panel).getByRole('note');
    expect(notice.textContent).toContain((thai.translation as Record<string, string>).unreviewed);
    within(notice).getByRole('button', { name: (thai.translation as Record<string, string>).showEnglish }).click();
    expect(toggled).toBe(1);
    cleanup();
    const english = await showInThai(true);
    expect(english.querySelector('[data-requirement="exposure:summary"] [lang="en"]')!.textContent).toBe(template.exposureNotes[0]!.text);
    expect(within(english).getByRole('note').textContent).toContain((thai.translation as Record<string, string>).englishShown);
    cleanup();
    // A rule the translation lacks (a knowledge update added it) is shown in English, said to be untranslated.
    const upr = translation.routes.uprStakeholder!;
    const rules = Object.fromEntries(Object.entries(upr.rules).filter(([id]) => id !== 'smart'));
    const lacking = { ...translation, routes: { ...translation.routes, uprStakeholder: { ...upr, rules } } };
    const partial = await showInThai(false, () => undefined, lacking);
    const smart = partial.querySelector('[data-requirement="rule:smart"] [lang="en"]')!;
    expect(smart.textContent).toBe(`${template.rules.find((r) => r.id === 'smart')!.text} ${(thai.translation as Record<string, string>).untranslated}`);
    expect(smart.querySelector('[lang="th"]')!.textContent).toContain((thai.translation as Record<string, string>).untranslated);
  });
});
