// @vitest-environment jsdom
// The start page read in Thai, against a real core and vault: it offers, as the document's language,
// the languages the chosen route's body takes and the app can write (English, French and Spanish
// for a UN communication; Thai among them for an OECD NCP filing), starts on English whatever the
// interface speaks, says why and whether the body's own page confirmed it, and a Thai NCP draft
// started from it is written in Thai: headings, title and the phrases prefill puts around the
// vault's records.
import fs from 'node:fs';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import i18next from 'i18next';
import { MemoryRouter, Route, Routes, useParams } from 'react-router';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import '../../helpers/i18n';
import type { SubmissionTemplate, TemplateTranslation } from '../../../electron/shared/api/submissions';
import { PREFILL_PHRASES } from '../../../electron/core/submissions/document-labels';
import { StartSubmission } from '../../../renderer/src/features/submissions/StartSubmission';
import { unlockedCore, type TestCore } from '../../helpers/core';
import { diaryWithTwoCalls, fullPackage } from '../../core/plans/fixtures';

const read = <T,>(file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as T;
const thai = read<TemplateTranslation>('resources/submissions/translations/th.json');
const ncp = read<SubmissionTemplate>('resources/submissions/ncpSpecificInstance.json');
const languageName = (code: string) => new Intl.DisplayNames(['th'], { type: 'language' }).of(code)!;

let t: TestCore;
let packageId: string;
const started: unknown[] = [];

beforeAll(async () => {
  t = await unlockedCore();
  window.workbench = {
    invoke: (method, payload) => {
      if (method === 'submissions.start') started.push(payload);
      return t.core.dispatch(method, payload);
    },
    onEvent: (listener) => t.core.events.on((event) => listener(event.name, event.payload)),
  };
  const { company, first, second, file } = await diaryWithTwoCalls(t);
  packageId = (await t.call('packages.save', fullPackage(company.id, [first.id, second.id], file.id))).id;
  i18next.addResourceBundle('th', 'submissions', read<object>('renderer/src/i18n/locales/th/submissions.json'), true, true);
  await i18next.changeLanguage('th');
}, 60_000);
afterEach(cleanup);
afterAll(async () => {
  await i18next.changeLanguage('en');
  await t?.core.close();
});

function Opened() {
  return <p data-testid="opened">{useParams().id}</p>;
}

async function startPage() {
  render(
    <MemoryRouter initialEntries={[`/submissions/new?packageId=${packageId}`]}>
      <Routes>
        <Route path="/submissions/new" element={<StartSubmission />} />
        <Route path="/submissions/:id" element={<Opened />} />
      </Routes>
    </MemoryRouter>,
  );
  const select = await screen.findByLabelText<HTMLSelectElement>(i18next.t('submissions:start.language'), {}, { timeout: 10_000 });
  return { select, form: select.closest('form')! };
}

const chooseRoute = (form: HTMLElement, route: string) => fireEvent.click(form.querySelector<HTMLInputElement>(`input[type="radio"][value="${route}"]`)!);
const offered = (select: HTMLSelectElement) => Array.from(select.options, (option) => option.value);

describe('the start page in Thai', () => {
  it('offers the UN’s three languages for a Special Procedures communication, English first and chosen, and says it is not verified', async () => {
    const { select, form } = await startPage();
    chooseRoute(form, 'spCommunication');
    await waitFor(() => expect([...offered(select)].sort()).toEqual(['en', 'es', 'fr']));
    expect(offered(select)[0]).toBe('en');
    expect(select.value).toBe('en');
    expect(Array.from(select.options, (option) => option.textContent)).toEqual(offered(select).map(languageName));
    const accepted = new Intl.ListFormat('th', { type: 'conjunction' }).format(['en', 'fr', 'es'].map(languageName));
    expect(within(form).getByTestId('start-accepted-languages').textContent).toBe(i18next.t('submissions:editor.acceptsOnlyUnverified', { languages: accepted }));
    expect(select.getAttribute('aria-describedby')?.split(' ')).toHaveLength(2);
    expect(form.textContent).toContain(i18next.t('submissions:start.languageWhy'));
  });

  it('offers every language the app can write an NCP filing in, still starting on English although the interface is Thai', async () => {
    const { select, form } = await startPage();
    chooseRoute(form, 'ncpSpecificInstance');
    const { documentLanguages } = await t.call('submissions.translation', { language: 'th' });
    await waitFor(() => expect(offered(select)).toEqual(documentLanguages.ncpSpecificInstance));
    expect(offered(select)).toContain('th');
    expect(offered(select)[0]).toBe('en');
    expect(select.value).toBe('en');
    expect(within(form).getByTestId('start-accepted-languages').textContent).toBe(i18next.t('submissions:editor.acceptsAny'));
  });

  it('falls back to English when the chosen language is not one the next route’s body takes', async () => {
    const { select, form } = await startPage();
    chooseRoute(form, 'ncpSpecificInstance');
    await waitFor(() => expect(offered(select)).toContain('th'));
    fireEvent.change(select, { target: { value: 'th' } });
    expect(select.value).toBe('th');
    chooseRoute(form, 'uprStakeholder');
    await waitFor(() => expect([...offered(select)].sort()).toEqual(['en', 'es', 'fr']));
    expect(select.value).toBe('en');
  });

  it('starts a Thai NCP filing when Thai is chosen: the draft, its headings, title and prefilled phrases are in Thai', async () => {
    const { select, form } = await startPage();
    chooseRoute(form, 'ncpSpecificInstance');
    await waitFor(() => expect(offered(select)).toContain('th'));
    fireEvent.change(select, { target: { value: 'th' } });
    started.length = 0;
    fireEvent.submit(form);
    const id = (await screen.findByTestId('opened', {}, { timeout: 10_000 })).textContent!;
    expect(started).toEqual([{ route: 'ncpSpecificInstance', source: { kind: 'package', id: packageId }, language: 'th' }]);

    const draft = await t.call('submissions.get', { id });
    expect(draft.language).toBe('th');
    expect(draft.title.startsWith(thai.routes.ncpSpecificInstance!.name!)).toBe(true);
    for (const section of ncp.sections) {
      expect(draft.body).toContain(`## ${thai.routes.ncpSpecificInstance!.sections[section.id]!.heading!}`);
      expect(draft.body).not.toContain(`## ${section.heading}`);
    }
    // The diary history is prefilled with the app's words in Thai around the user's own.
    expect(draft.body).toContain(thai.prefill.concernsRaised!.replace('{{concerns}}', 'Wrongful removals of independent media'));
    expect(draft.body).not.toContain(PREFILL_PHRASES.concernsRaised.split('{{')[0]!);
  });
});
