// @vitest-environment jsdom
// The search popup against a real core, a real encrypted vault and the built knowledge base: the
// user's exact record is listed before knowledge-base passages found only through a typo, the
// keyboard walks the groups in the order shown, and the typo passages say so.
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import '../../helpers/i18n';
import type { RpcResult } from '@shared/api/result';
import { SearchBox } from '../../../renderer/src/features/kb/SearchBox';
import { unlockedCore, type TestCore } from '../../helpers/core';

let t: TestCore;
beforeAll(async () => {
  t = await unlockedCore();
  await t.call('notes.save', { title: 'Drapak reading group', body: 'Our own name for the weekly reading circle.' });
  await t.call('notes.save', { title: 'OECD complaint draft', body: 'Points for the national contact point.' });
  window.workbench = {
    invoke: async (method, payload): Promise<RpcResult<unknown>> => t.core.dispatch(method, payload),
    onEvent: (listener) => t.core.events.on((event) => listener(event.name, event.payload)),
  };
});
afterEach(cleanup);
afterAll(() => t.core.close());

async function typeQuery(q: string) {
  const box = screen.getByRole('combobox', { name: 'Search the knowledge base and your records' });
  await act(async () => {
    fireEvent.focus(box);
    fireEvent.change(box, { target: { value: q } });
  });
  const list = screen.getByRole('listbox', { name: 'Search results' });
  await waitFor(() => expect(list.getAttribute('data-query')).toBe(q), { timeout: 5000 });
  return { box, groups: within(list).getAllByRole('group') };
}

describe('search popup ranking', () => {
  it('lists the exact record first, labels typo passages, and moves the keyboard in that order', async () => {
    render(
      <MemoryRouter>
        <SearchBox />
      </MemoryRouter>,
    );
    const { box, groups } = await typeQuery('drapak');
    expect(groups.map((group) => group.getAttribute('aria-label'))).toEqual(['My records', 'Knowledge base']);
    const [records, kb] = groups.map((group) => within(group).getAllByRole('option'));
    expect(records![0]!.textContent).toContain('Drapak reading group');
    expect(within(kb![0]!).getByText('similar spelling')).toBeTruthy();
    expect(records!.some((option) => option.textContent?.includes('similar spelling'))).toBe(false);
    // The first option the keyboard reaches is the first one shown.
    expect(box.getAttribute('aria-activedescendant')).toBe(records![0]!.id);
    await act(async () => fireEvent.keyDown(box, { key: 'ArrowDown' }));
    expect(box.getAttribute('aria-activedescendant')).toBe((records![1] ?? kb![0])!.id);
  });

  it('keeps the knowledge base first, unlabelled, when it matches every word', async () => {
    render(
      <MemoryRouter>
        <SearchBox />
      </MemoryRouter>,
    );
    const { groups } = await typeQuery('OECD complaint');
    expect(groups.map((group) => group.getAttribute('aria-label'))).toEqual(['Knowledge base', 'My records']);
    expect(screen.queryAllByText('similar spelling')).toEqual([]);
  });
});
