// @vitest-environment jsdom
// The export panel against a real core, a real encrypted vault and Chromium printing, slowed as on
// an old laptop: a PDF export that runs over a second shows a determinate bar with the step in
// words, and the bar goes once the file is handed over. Before a second has passed no bar shows,
// so quick exports do not flash one.
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import '../../helpers/i18n';
import type { RpcResult } from '@shared/api/result';
import { api } from '../../../renderer/src/api/client';
import { ExportPanel } from '../../../renderer/src/components/ExportPanel';
import { chromiumPrinter, type ChromiumPrinter } from '../../../electron/server/print-to-pdf';
import { unlockedCore, type TestCore } from '../../helpers/core';
import { diaryWithTwoCalls, fullPackage } from '../../core/plans/fixtures';

const SLOW_PRINT_MS = 1500;
let printer: ChromiumPrinter;
let t: TestCore;
let packageId: string;

beforeAll(async () => {
  printer = chromiumPrinter();
  t = await unlockedCore({
    printToPdf: async (html, page) => {
      await new Promise((resolve) => setTimeout(resolve, SLOW_PRINT_MS));
      return printer.printToPdf(html, page);
    },
  });
  const { company, first, second, file } = await diaryWithTwoCalls(t);
  packageId = (await t.call('packages.save', fullPackage(company.id, [first.id, second.id], file.id))).id;
  window.workbench = {
    invoke: async (method, payload): Promise<RpcResult<unknown>> => t.core.dispatch(method, payload),
    onEvent: (listener) => t.core.events.on((event) => listener(event.name, event.payload)),
  };
  // jsdom has no object URLs; the panel hands the bytes to the save dialog through one.
  URL.createObjectURL = vi.fn(() => 'blob:test');
  URL.revokeObjectURL = vi.fn();
  HTMLAnchorElement.prototype.click = vi.fn();
}, 60_000);
afterEach(cleanup);
afterAll(async () => {
  t.core.close();
  await printer.close();
});

describe('progress of a long PDF export', () => {
  it('shows the step in words in a determinate bar after a second, and removes it when the file is saved', async () => {
    render(
      <ExportPanel
        title="Export the package"
        hint="Saved version."
        check={() => Promise.resolve({ flags: [], undecided: 0 })}
        make={(format, { descriptiveName }) => api().call('packages.export', { id: packageId, format, descriptiveName, identity: { acknowledge: true } })}
      />,
    );
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'PDF' })));
    fireEvent.click(screen.getByRole('radio', { name: /No: I checked dates, places, sizes and roles/ }));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Save the PDF file' })));
    expect(screen.queryByRole('progressbar', { name: 'Export progress' })).toBeNull();

    const bar = await screen.findByRole('progressbar', { name: 'Export progress' }, { timeout: 3000 });
    await screen.findByText('Printing the PDF (step 3 of 3)');
    expect(bar.getAttribute('max')).toBe('3');
    expect(bar.getAttribute('value')).toBe('2');

    await screen.findByText(/was handed to your browser's save dialog/, {}, { timeout: 20_000 });
    await waitFor(() => expect(screen.queryByRole('progressbar', { name: 'Export progress' })).toBeNull());
  }, 60_000);
});
