// @vitest-environment jsdom
// The app's file picker: a button opens the hidden native input, the chosen file shows with its
// size and a Remove action, and the input's value is emptied after every choice. The verify form
// runs against a real core and a real encrypted backup: once the file is sent and checked, the
// form lets go of it; after a wrong passphrase it keeps it so the user can try again.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { File as NodeFile } from 'node:buffer';
import { useState } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import '../../helpers/i18n';
import type { RpcResult } from '@shared/api/result';
import { FilePicker } from '../../../renderer/src/components/FilePicker';
import { VerifyBackup } from '../../../renderer/src/features/exchange/VerifyBackup';
import { unlockedCore, type TestCore } from '../../helpers/core';

afterEach(cleanup);

/** Records every write to the input's value: jsdom cannot hold a real chosen file in it. */
function watchValue(input: HTMLInputElement): string[] {
  const writes: string[] = [];
  Object.defineProperty(input, 'value', { configurable: true, get: () => '', set: (value: string) => writes.push(value) });
  return writes;
}

function choose(input: HTMLInputElement, files: File[]) {
  fireEvent.change(input, { target: { files } });
}

function Form({ multiple = false }: { multiple?: boolean }) {
  const [files, setFiles] = useState<File[]>([]);
  return <FilePicker label="Evidence file" multiple={multiple} files={files} onChange={setFiles} />;
}

describe('FilePicker', () => {
  it('opens the hidden input from a keyboard-operable button named for the choice', () => {
    render(<Form />);
    const input = screen.getByLabelText<HTMLInputElement>('Evidence file');
    expect(input.type).toBe('file');
    expect(input.hidden).toBe(true);
    const opened = vi.spyOn(input, 'click').mockImplementation(() => undefined);
    const button = screen.getByRole('button', { name: 'Choose a file' });
    expect(button.tagName).toBe('BUTTON');
    expect(button.getAttribute('aria-describedby')).toBe(screen.getByText('Evidence file').id);
    fireEvent.click(button);
    expect(opened).toHaveBeenCalledTimes(1);
    expect(screen.getByText('No file chosen.')).toBeTruthy();
  });

  it('shows the chosen file with its size, empties the input, and removes the file', () => {
    render(<Form />);
    const input = screen.getByLabelText<HTMLInputElement>('Evidence file');
    const writes = watchValue(input);
    choose(input, [new File(['x'.repeat(2048)], 'cases.csv', { type: 'text/csv' })]);
    expect(writes).toEqual(['']);
    expect(screen.getByText('cases.csv')).toBeTruthy();
    expect(screen.getByText('2 KB')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Choose another file' })).toBeTruthy();

    // The same file again is a new choice, because the input was emptied.
    choose(input, [new File(['x'.repeat(2048)], 'cases.csv', { type: 'text/csv' })]);
    expect(writes).toEqual(['', '']);
    expect(screen.getAllByText('cases.csv')).toHaveLength(1);

    fireEvent.click(screen.getByRole('button', { name: 'Remove cases.csv' }));
    expect(screen.queryByText('cases.csv')).toBeNull();
    expect(screen.getByText('No file chosen.')).toBeTruthy();
  });

  it('takes several files at once and removes one of them', () => {
    render(<Form multiple />);
    const input = screen.getByLabelText<HTMLInputElement>('Evidence file');
    expect(input.multiple).toBe(true);
    choose(input, [new File(['a'], 'one.txt'), new File(['b'], 'two.txt')]);
    fireEvent.click(screen.getByRole('button', { name: 'Remove one.txt' }));
    expect(screen.queryByText('one.txt')).toBeNull();
    expect(screen.getByText('two.txt')).toBeTruthy();
  });
});

describe('verifying a backup with the picker', () => {
  const FILE_PASSPHRASE = 'backup file passphrase 2026 kite';
  let t: TestCore;
  let backup: File;
  beforeAll(async () => {
    t = await unlockedCore();
    const company = await t.call('companies.save', { name: 'Example Platform', sector: 'social-media' });
    await t.call('engagements.save', { occurredAt: '2026-10-01T09:30:00.000Z', companyId: company.id, channel: 'call', notes: 'call' });
    const made = await t.call('exchange.backup.create', { passphrase: FILE_PASSPHRASE });
    // Node's File, because jsdom's cannot be read (no arrayBuffer); a browser's can.
    backup = new NodeFile([Buffer.from(made.data, 'base64')], made.fileName, { type: made.mimeType }) as unknown as File;
    window.workbench = {
      invoke: async (method, payload): Promise<RpcResult<unknown>> => t.core.dispatch(method, payload),
      onEvent: (listener) => t.core.events.on((event) => listener(event.name, event.payload)),
    };
  }, 30_000);
  afterAll(() => t.core.close());

  it('keeps the file after a wrong passphrase and lets go of it once the backup is verified', async () => {
    render(<VerifyBackup />);
    const input = screen.getByLabelText<HTMLInputElement>('Backup file');
    const writes = watchValue(input);
    choose(input, [backup]);
    expect(writes).toEqual(['']);
    expect(screen.getByText(backup.name)).toBeTruthy();

    const passphrase = screen.getByLabelText('Passphrase of the file');
    fireEvent.change(passphrase, { target: { value: 'not the passphrase at all' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Verify the backup' })));
    const alert = await screen.findByRole('alert', {}, { timeout: 10_000 });
    expect(alert.textContent).toMatch(/could not be opened with that passphrase/);
    expect(screen.getByText(backup.name)).toBeTruthy();

    fireEvent.change(passphrase, { target: { value: FILE_PASSPHRASE } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Verify the backup' })));
    await screen.findByText('The backup is whole: every checksum matches.', {}, { timeout: 10_000 });
    expect(screen.queryByText(backup.name)).toBeNull();
    expect(screen.getByText('No file chosen.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Verify the backup' }).hasAttribute('disabled')).toBe(true);
  }, 30_000);
});
