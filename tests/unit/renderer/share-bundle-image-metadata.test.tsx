// @vitest-environment jsdom
// The share form offers "Keep image metadata" only when cited files go along, leaves it off, and
// sends what the user chose. What core does with it is tested in tests/core/exchange/bundle-images.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import '../../helpers/i18n';
import type { RpcResult } from '@shared/api/result';
import { ShareBundle } from '../../../renderer/src/features/exchange/ShareBundle';

const created: Array<Record<string, unknown>> = [];
const PACKAGE = { kind: 'package', id: '3f1c1a52-6c1e-4a53-9d0e-0a4c5d2f9e11', title: 'Removals of independent media', updatedAt: '2026-11-20T09:00:00.000Z' };

beforeAll(() => {
  URL.createObjectURL = () => 'blob:bundle';
  URL.revokeObjectURL = () => undefined;
  // Saving the file is a link click, which jsdom cannot follow.
  HTMLAnchorElement.prototype.click = () => undefined;
  window.workbench = {
    invoke: async (method, payload): Promise<RpcResult<unknown>> => {
      if (method === 'exchange.bundle.choices') return { ok: true, value: [PACKAGE] };
      if (method === 'exports.bundleIdentityCheck') return { ok: true, value: { flags: [], undecided: 0 } };
      if (method === 'exchange.bundle.create') {
        created.push(payload as Record<string, unknown>);
        return { ok: true, value: { fileName: 'bundle-2026-12-01.awbundle', mimeType: 'application/octet-stream', data: 'AA==', items: 1, files: 1 } };
      }
      return { ok: false, error: { code: 'UNKNOWN_METHOD', message: 'Not in this test.' } };
    },
    onEvent: () => () => undefined,
  };
});
afterEach(() => {
  cleanup();
  created.length = 0;
});

const KEEP = 'Keep image metadata (not recommended)';

async function makeBundle(keep: boolean) {
  render(<ShareBundle initial={[PACKAGE as never]} />);
  await screen.findByText(/Removals of independent media/);
  expect(screen.queryByLabelText(KEEP)).toBeNull();
  fireEvent.click(screen.getByLabelText('Also include the diary attachments that these records cite as evidence'));
  const keepBox = screen.getByLabelText(KEEP) as HTMLInputElement;
  expect(keepBox.checked).toBe(false);
  if (keep) {
    fireEvent.click(keepBox);
    expect(screen.getByText(/Photos go exactly as they are in your vault/)).toBeTruthy();
  }
  fireEvent.change(screen.getByLabelText('Your organisation'), { target: { value: 'Coalition One' } });
  fireEvent.change(screen.getByLabelText('Passphrase for the file'), { target: { value: 'violet harbour lantern quietly 1987 sings' } });
  fireEvent.change(screen.getByLabelText('Type the passphrase again'), { target: { value: 'violet harbour lantern quietly 1987 sings' } });
  // The passphrase strength is measured asynchronously; the button waits for it.
  const submit = screen.getByRole('button', { name: 'Make the bundle' }) as HTMLButtonElement;
  await waitFor(() => expect(submit.disabled).toBe(false), { timeout: 10_000 });
  fireEvent.click(submit);
  fireEvent.click(await screen.findByLabelText('No: I checked dates, places, sizes and roles', {}, { timeout: 10_000 }));
  fireEvent.click(screen.getByRole('button', { name: 'Make the bundle now' }));
  await waitFor(() => expect(created).toHaveLength(1));
  return created[0]!;
}

describe('sharing cited images', () => {
  it('sends copies without metadata unless the user ticks the option', async () => {
    expect(await makeBundle(false)).toMatchObject({ includeCitedFiles: true, keepImageMetadata: false });
  });

  it('sends the photos as they are once "Keep image metadata" is ticked', async () => {
    expect(await makeBundle(true)).toMatchObject({ includeCitedFiles: true, keepImageMetadata: true });
  });
});
