// @vitest-environment jsdom
// Settings → People to protect, against a real core and vault: add a person with identifiers in
// repeatable rows, see them listed, edit, and delete only after confirming.
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import '../../helpers/i18n';
import { PeopleSettings } from '../../../renderer/src/features/people/PeopleSettings';
import { unlockedCore, type TestCore } from '../../helpers/core';

let t: TestCore;

beforeAll(async () => {
  t = await unlockedCore();
  window.workbench = {
    invoke: (method, payload) => t.core.dispatch(method, payload),
    onEvent: (listener) => t.core.events.on((event) => listener(event.name, event.payload)),
  };
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});
afterAll(() => t.core.close());

const type = (label: string | RegExp, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe('People to protect in Settings', () => {
  it('adds a person with identifiers, lists them, edits and deletes after confirmation', async () => {
    render(<PeopleSettings />);
    expect(await screen.findByText(/Nobody is on the list yet/)).toBeTruthy();
    expect(screen.getByText(/never leaves the vault, except inside full backups/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Add a person' }));
    // The real name is required, and said so next to the field.
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Save person' })));
    expect(screen.getByRole('alert').textContent).toBe('Give the real name, as the person is known.');

    type('Real name', 'Nguyễn Văn Minh');
    type('Pseudonym', 'Editor A');
    fireEvent.click(screen.getByRole('button', { name: 'Add a phone number' }));
    type('Phone number 1', '+84 912 345 678');
    fireEvent.click(screen.getByRole('button', { name: 'Add a handle' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add a handle' }));
    type('Handle 1', '@minhnv_vn');
    type('Handle 2', '@unused');
    fireEvent.click(screen.getByRole('button', { name: 'Remove Handle 2' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add another name' }));
    // An empty row is dropped on save.
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Save person' })));

    const list = await screen.findByRole('list', { name: 'People on the list' });
    expect(within(list).getByText('Nguyễn Văn Minh')).toBeTruthy();
    expect(within(list).getByText(/Printed as Editor A · 2 other identifiers/)).toBeTruthy();
    const [stored] = await t.call('people.list', null);
    expect(stored).toMatchObject({ realName: 'Nguyễn Văn Minh', pseudonym: 'Editor A', phones: ['+84 912 345 678'], handles: ['@minhnv_vn'], aliases: [] });

    fireEvent.click(screen.getByRole('button', { name: 'Edit: Nguyễn Văn Minh' }));
    expect((screen.getByLabelText('Phone number 1') as HTMLInputElement).value).toBe('+84 912 345 678');
    type('Pseudonym', 'Source 7');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Save person' })));
    await waitFor(() => expect(screen.getByText(/Printed as Source 7/)).toBeTruthy());

    const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(false);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Delete: Nguyễn Văn Minh' })));
    expect(confirm).toHaveBeenCalledWith(expect.stringContaining('Delete Nguyễn Văn Minh from the list?'));
    expect(await t.call('people.list', null)).toHaveLength(1);

    confirm.mockReturnValueOnce(true);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Delete: Nguyễn Văn Minh' })));
    expect(await screen.findByText('Nguyễn Văn Minh was removed from the list.')).toBeTruthy();
    expect(await t.call('people.list', null)).toEqual([]);
    await waitFor(() => expect(screen.queryByRole('list', { name: 'People on the list' })).toBeNull());
  });
});
