// @vitest-environment jsdom
// The backup form against a real core and a real encrypted vault: while the backup is made it
// shows a determinate bar with the step core is on, and its Cancel button stops it with a sentence
// saying no file was made. The file passphrase is derived at a realistic cost, so the steps take
// long enough to be seen and cancelled.
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import '../../helpers/i18n';
import type { RpcResult } from '@shared/api/result';
import { BackupToFile } from '../../../renderer/src/features/exchange/BackupToFile';
import { unlockedCore, type TestCore } from '../../helpers/core';

const FILE_PASSPHRASE = 'backup file passphrase 2026 kite';
let t: TestCore;
beforeAll(async () => {
  t = await unlockedCore({ kdf: { N: 2 ** 17, r: 8, p: 1 } });
  const company = await t.call('companies.save', { name: 'Example Platform', sector: 'social-media' });
  await t.call('engagements.save', { occurredAt: '2026-10-01T09:30:00.000Z', companyId: company.id, channel: 'call', notes: 'call' });
  window.workbench = {
    invoke: async (method, payload): Promise<RpcResult<unknown>> => t.core.dispatch(method, payload),
    onEvent: (listener) => t.core.events.on((event) => listener(event.name, event.payload)),
  };
}, 30_000);
afterEach(cleanup);
afterAll(() => t.core.close());

describe('backup progress in Settings', () => {
  it('shows the step core is on in a determinate bar, and cancels with a sentence', async () => {
    render(<BackupToFile />);
    fireEvent.change(screen.getByLabelText('Passphrase for the file'), { target: { value: FILE_PASSPHRASE } });
    fireEvent.change(screen.getByLabelText('Type the passphrase again'), { target: { value: FILE_PASSPHRASE } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Make the backup file' })));

    const bar = await screen.findByRole('progressbar', { name: 'Backup progress' });
    await waitFor(() => expect(bar.getAttribute('value')).not.toBeNull(), { timeout: 5000 });
    expect(bar.getAttribute('max')).toBe('3');
    expect(screen.getByText(/Copying the records and files|Encrypting the backup file|Checking every record/)).toBeTruthy();
    // One Cancel button, named for what it cancels.
    expect(screen.getAllByRole('button', { name: /^Cancel/ }).map((b) => b.textContent)).toEqual(['Cancel the backup']);

    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Cancel the backup' })));
    const alert = await screen.findByRole('alert', {}, { timeout: 10_000 });
    expect(alert.textContent).toBe('The backup was cancelled. No backup file was made.');
    expect(screen.queryByRole('progressbar', { name: 'Backup progress' })).toBeNull();
  }, 30_000);
});
