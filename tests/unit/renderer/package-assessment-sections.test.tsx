// @vitest-environment jsdom
// The evidence package editor and the CLARITI workspace, rendered against a real core and vault:
// each part opens on demand and, closed, says in one line what it holds ("2 of 3 findings
// confirmed", "Consent: 3 of 4 recorded"); the lines follow the fields as they change, and a
// section opens the next time as the user left it.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import '../../helpers/i18n';
import { askCounts, findingCounts, methodologyCounts } from '../../../renderer/src/features/plans/packages/section-summaries';
import { PackageEditor } from '../../../renderer/src/features/plans/packages/PackageEditor';
import { consentCounts, findingReviewCounts, sourceCount } from '../../../renderer/src/features/assessments/workspace/section-summaries';
import { Workspace } from '../../../renderer/src/features/assessments/workspace/Workspace';
import { blankConsent } from '../../../renderer/src/features/assessments/workspace/form-model';
import { emptyPackage } from '../../../renderer/src/features/plans/packages/package-form';
import { completeAssessment } from '../../core/assessments/fixtures';
import { diaryWithTwoCalls, fullPackage } from '../../core/plans/fixtures';
import { unlockedCore, type TestCore } from '../../helpers/core';

// The editors load through a real core and vault; on a busy machine that takes more than the default second.
const SLOW = { timeout: 10_000 };

let t: TestCore;
let packageId = '';
let assessmentId = '';

beforeAll(async () => {
  t = await unlockedCore();
  const { company, first, second, file } = await diaryWithTwoCalls(t);
  const draft = fullPackage(company.id, [first.id, second.id], file.id);
  draft.findings![1]!.review = { status: 'disputed', role: 'Legal adviser', on: '2026-03-01', note: 'The company contests the count.' };
  packageId = (await t.call('packages.save', { ...draft, asks: draft.asks!.map((ask, i) => ({ ...ask, included: i < 4 })) })).id;
  const assessment = completeAssessment(company.id, first.id, file.id);
  assessmentId = (await t.call('assessments.save', assessment)).id;
  window.workbench = {
    invoke: (method, payload) => t.core.dispatch(method, payload),
    onEvent: (listener) => t.core.events.on((event) => listener(event.name, event.payload)),
  };
}, 60_000);
afterEach(() => {
  cleanup();
  window.localStorage.clear();
});
afterAll(() => t.core.close());

const section = (name: string) => document.querySelector<HTMLDetailsElement>(`details[data-section="${name}"]`);
const summaryOf = (name: string) => section(name)?.querySelector(':scope > summary')?.textContent ?? '';

function at(path: string, pattern: string, element: React.ReactNode) {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route path={pattern} element={element} />
      </Routes>
    </MemoryRouter>,
  );
}

describe('what a closed section of the package editor says', () => {
  it('counts only findings and asks with words in them, and a disputed finding as not confirmed', () => {
    const blank = emptyPackage('', '');
    expect(findingCounts(blank.findings)).toEqual({ total: 0, confirmed: 0, included: 0 });
    expect(askCounts(blank.asks)).toEqual({ total: 0, included: 0 });
    const findings = blank.findings.map((f, i) => ({ ...f, title: `Finding ${i}`, included: i === 0, review: { ...f.review, status: i === 0 ? ('confirmed' as const) : ('disputed' as const) } }));
    expect(findingCounts(findings)).toEqual({ total: 2, confirmed: 1, included: 1 });
    expect(methodologyCounts({ ...blank.methodology, sources: [{ type: 'first-hand', count: '3', note: '' }], consent: 'Agreed', verification: '  ' })).toEqual({ sources: 1, notes: 1 });
  });

  it('shows findings open and the rest closed, each with its line, and follows the fields as they change', async () => {
    at(`/plans/packages/${packageId}`, '/plans/packages/:id', <PackageEditor />);
    await screen.findByLabelText('Package title', {}, SLOW);
    expect(section('package.findings')!.open).toBe(true);
    for (const name of ['package.risks', 'package.asks', 'package.methodology', 'package.forum', 'package.partners']) expect(section(name)!.open).toBe(false);
    expect(summaryOf('package.findings')).toContain('2 of 3 findings confirmed by a reviewer, 3 in the package');
    expect(summaryOf('package.risks')).toContain('Written');
    expect(summaryOf('package.asks')).toContain('5 asks written, 4 in the package');
    expect(summaryOf('package.methodology')).toMatch(/\d+ sources?, 3 of 3 notes written/);
    expect(summaryOf('package.forum')).toMatch(/Forum/);
    expect(summaryOf('package.partners')).toContain('2 partners');
    // A closed, lazy section has not rendered its fields yet, but keeps their values in the form.
    expect(screen.queryByLabelText('Risks and impacts')).toBeNull();

    const reviews = [...document.querySelectorAll('details[data-section="package.findingReview"] > summary')].map((summary) => summary.textContent);
    expect(reviews[1]).toBe('Review of finding 2Disputed · Legal adviser · Mar 1, 2026');
    fireEvent.click(screen.getByLabelText('Include in the package', { selector: '#finding-2-included' }));
    fireEvent.change(screen.getByLabelText('Review status', { selector: '#finding-1-review-status' }), { target: { value: 'confirmed' } });
    await waitFor(() => expect(summaryOf('package.findings')).toContain('3 of 3 findings confirmed by a reviewer, 2 in the package'), SLOW);
  });

  it('opens a section when its line is clicked and opens it again next time', async () => {
    const first = at(`/plans/packages/${packageId}`, '/plans/packages/:id', <PackageEditor />);
    await screen.findByLabelText('Package title', {}, SLOW);
    const asks = section('package.asks')!;
    asks.open = true;
    fireEvent(asks, new Event('toggle'));
    expect(await screen.findByLabelText('Ask 1', { selector: '#ask-0-text' }, SLOW)).toBeTruthy();
    expect(window.localStorage.getItem('workbench.section.package.asks')).toBe('open');
    first.unmount();

    at(`/plans/packages/${packageId}`, '/plans/packages/:id', <PackageEditor />);
    await screen.findByLabelText('Package title', {}, SLOW);
    expect(section('package.asks')!.open).toBe(true);
    expect(section('package.methodology')!.open).toBe(false);
  });
});

describe('what a closed section of the assessment workspace says', () => {
  it('counts the three uses and the citation choice as four consent answers', () => {
    expect(consentCounts(blankConsent())).toEqual({ recorded: 0, total: 4 });
    expect(consentCounts({ ...blankConsent(), publication: 'given', unSubmission: 'refused' })).toEqual({ recorded: 2, total: 4 });
    const review = (reviewer: string, confirmedOn: string) => ({ review: { reviewer, role: '', confirmedOn } });
    expect(findingReviewCounts([review('Lead reviewer', '2026-03-02'), review('Lead reviewer', ''), review('', '2026-03-02')])).toEqual({ reviewed: 1, total: 3 });
    expect(sourceCount([{ text: 'Interview 1' }, { text: '  ' }])).toBe(1);
  });

  it('says how much consent each stakeholder gave, closed, and follows a change', async () => {
    at(`/assessments/${assessmentId}/team`, '/assessments/:id/*', <Workspace />);
    await screen.findByLabelText('Pseudonym', { selector: '#stakeholder-0-pseudonym' }, SLOW);
    const consents = [...document.querySelectorAll<HTMLDetailsElement>('details[data-section="assessment.consent"]')];
    expect(consents).toHaveLength(2);
    for (const details of consents) {
      expect(details.open).toBe(false);
      expect(details.querySelector('summary')!.textContent).toContain('Consent: 4 of 4 recorded');
    }
    consents[0]!.open = true;
    fireEvent(consents[0]!, new Event('toggle'));
    fireEvent.change(await screen.findByLabelText('A UN submission', { selector: '#stakeholder-0-consent-unSubmission' }, SLOW), { target: { value: 'not-asked' } });
    await waitFor(() => expect(consents[0]!.querySelector('summary')!.textContent).toContain('Consent: 3 of 4 recorded'), SLOW);
  });

  it('summarises the findings, their sources and review, and the steps before publication', async () => {
    at(`/assessments/${assessmentId}/findings`, '/assessments/:id/*', <Workspace />);
    await screen.findByLabelText('Statement', { selector: '#finding-0-statement' }, SLOW);
    expect(section('assessment.findings')!.open).toBe(true);
    expect(summaryOf('assessment.findings')).toMatch(/^Findings\s*\d+ of \d+ findings? confirmed by a reviewer$/);
    expect(summaryOf('assessment.sourcesReview')).toMatch(/\d+ sources?, (confirmed on Mar 2, 2026|not confirmed yet)/);
    expect(summaryOf('assessment.beforePublication')).toMatch(/Validation: .+ · Right of reply: .+ · Legal review: .+/);
    expect(summaryOf('assessment.report')).toMatch(/Assembled|Not assembled yet/);
  });
});
