// @vitest-environment jsdom
// The submission editor read in Thai, against a real core and vault: each of the route's fields
// shows what the template says it needs, from the template's Thai translation (the field's hint,
// so a screen reader reads it with the field), under a notice that no native speaker has reviewed
// it and a button that shows the English original instead, and back. A field the translation
// lacks is shown in English and says so. Every route's form shows each field its template names.
import fs from 'node:fs';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import i18next from 'i18next';
import { useForm } from 'react-hook-form';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import '../../helpers/i18n';
import { SUBMISSION_ROUTES, type Submission, type SubmissionTemplate, type TemplateTranslation } from '../../../electron/shared/api/submissions';
import { SubmissionEditor } from '../../../renderer/src/features/submissions/SubmissionEditor';
import { RouteFields } from '../../../renderer/src/features/submissions/RouteFields';
import { formFromSubmission, type SubmissionForm } from '../../../renderer/src/features/submissions/submission-form';
import { templateWords } from '../../../renderer/src/features/submissions/template-words';
import { unlockedCore, type TestCore } from '../../helpers/core';
import { diaryWithTwoCalls, fullPackage } from '../../core/plans/fixtures';

const read = <T,>(file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as T;
const thai = read<TemplateTranslation>('resources/submissions/translations/th.json');
const ncp = read<SubmissionTemplate>('resources/submissions/ncpSpecificInstance.json');

let t: TestCore;
let draft: Submission;

beforeAll(async () => {
  t = await unlockedCore();
  window.workbench = {
    invoke: (method, payload) => t.core.dispatch(method, payload),
    onEvent: (listener) => t.core.events.on((event) => listener(event.name, event.payload)),
  };
  const { company, first, second, file } = await diaryWithTwoCalls(t);
  const pkg = await t.call('packages.save', fullPackage(company.id, [first.id, second.id], file.id));
  draft = await t.call('submissions.start', { route: 'ncpSpecificInstance', source: { kind: 'package', id: pkg.id } });
  i18next.addResourceBundle('th', 'submissions', read<object>('renderer/src/i18n/locales/th/submissions.json'), true, true);
  await i18next.changeLanguage('th');
}, 60_000);
afterEach(cleanup);
afterAll(async () => {
  await i18next.changeLanguage('en');
  await t?.core.close();
});

async function editor() {
  render(
    <MemoryRouter initialEntries={[`/submissions/${draft.id}`]}>
      <Routes>
        <Route path="/submissions/:id" element={<SubmissionEditor />} />
      </Routes>
    </MemoryRouter>,
  );
  const first = thai.routes.ncpSpecificInstance!.fields['submitterInterest']!;
  return (await screen.findByText(first, {}, { timeout: 15_000 })).closest('form')!;
}

/** The guidance shown for a template field, and the field it describes (when the hint is tied to one). */
const guidanceOf = (form: HTMLElement, field: string) => form.querySelector<HTMLElement>(`.template-field-guidance[data-field="${field}"]`);

describe('the submission form in Thai', () => {
  it('shows every field’s guidance from the Thai translation, as the field’s description, marked not reviewed', async () => {
    const form = await editor();
    for (const field of ncp.fields) {
      const shown = guidanceOf(form, field.id);
      expect(shown, field.id).not.toBeNull();
      expect(shown!.getAttribute('lang')).toBe('th');
      expect(shown!.textContent).toBe(thai.routes.ncpSpecificInstance!.fields[field.id]);
    }
    // A text field's hint holds the guidance, and the text area is described by it.
    const interest = form.querySelector<HTMLTextAreaElement>('#submission-submitterInterest')!;
    const hint = document.getElementById(interest.getAttribute('aria-describedby')!)!;
    expect(hint.contains(guidanceOf(form, 'submitterInterest'))).toBe(true);

    const fields = guidanceOf(form, 'submitterInterest')!.closest('details, section')!;
    const notice = within(fields as HTMLElement).getAllByRole('note')[0]!;
    expect(notice.textContent).toContain(i18next.t('submissions:translation.unreviewed'));
  }, 30_000);

  it('shows the English original on request, and the translation again', async () => {
    const form = await editor();
    const fields = guidanceOf(form, 'desiredOutcome')!.closest('details, section') as HTMLElement;
    fireEvent.click(within(fields).getByRole('button', { name: i18next.t('submissions:translation.showEnglish') }));
    await waitFor(() => expect(guidanceOf(form, 'desiredOutcome')!.getAttribute('lang')).toBe('en'));
    for (const field of ncp.fields) expect(guidanceOf(form, field.id)!.textContent).toBe(field.guidance);
    fireEvent.click(within(fields).getByRole('button', { name: i18next.t('submissions:translation.showTranslation') }));
    await waitFor(() => expect(guidanceOf(form, 'desiredOutcome')!.textContent).toBe(thai.routes.ncpSpecificInstance!.fields['desiredOutcome']));
  }, 30_000);
});

function Fields({ template, translation }: { template: SubmissionTemplate; translation: TemplateTranslation }) {
  const form = useForm<SubmissionForm>({ defaultValues: formFromSubmission(draft) });
  return <RouteFields form={form} route={template.route} choices={{ companies: [], people: [] }} words={templateWords(template, translation, false)} />;
}

describe('every route', () => {
  it.each(SUBMISSION_ROUTES)('%s: shows the guidance of each field its template names', (route) => {
    const template = read<SubmissionTemplate>(`resources/submissions/${route}.json`);
    const { container } = render(<Fields template={template} translation={thai} />);
    for (const field of template.fields) expect(guidanceOf(container, field.id)?.textContent, field.id).toBe(thai.routes[route]!.fields[field.id]);
  });
});

describe('a field the translation lacks', () => {
  it('is shown in English and marked as not translated yet, beside the fields it has in Thai', () => {
    const { chapters: _dropped, ...others } = thai.routes.ncpSpecificInstance!.fields;
    const lacking: TemplateTranslation = { ...thai, routes: { ...thai.routes, ncpSpecificInstance: { ...thai.routes.ncpSpecificInstance!, fields: others } } };
    const { container } = render(<Fields template={ncp} translation={lacking} />);
    const chapters = guidanceOf(container, 'chapters')!;
    expect(chapters.getAttribute('lang')).toBe('en');
    expect(chapters.textContent).toBe(`${ncp.fields.find((f) => f.id === 'chapters')!.guidance} ${i18next.t('submissions:translation.untranslated')}`);
    expect(guidanceOf(container, 'ncpId')!.getAttribute('lang')).toBe('th');
  });
});
