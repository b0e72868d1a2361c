// @vitest-environment jsdom
// The shared export panel. When the identity check flagged something, the button that has focus
// and looks primary is the safe one (go back and fix); exporting anyway takes a second, deliberate
// step. Files get a neutral name unless the user asks for a descriptive one.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import '../../helpers/i18n';
import type { ExportFile, ExportFormat } from '../../../electron/shared/api/plans';
import { ExportPanel } from '../../../renderer/src/components/ExportPanel';

const FILE: ExportFile = { fileName: 'document-2026-12-01.pdf', mimeType: 'application/pdf', data: btoa('%PDF-1.4') };

let make: ReturnType<typeof vi.fn<(format: ExportFormat, options: { descriptiveName: boolean }) => Promise<ExportFile>>>;
beforeEach(() => {
  make = vi.fn(() => Promise.resolve(FILE));
  // jsdom has no object URLs; the panel hands the bytes to the save dialog through one.
  URL.createObjectURL = vi.fn(() => 'blob:test');
  URL.revokeObjectURL = vi.fn();
  HTMLAnchorElement.prototype.click = vi.fn();
});
afterEach(cleanup);

const flaggedPanel = () =>
  render(<ExportPanel title="Export the report" hint="Saved version." make={make} extraWarning={<p>Real names were found 2 times.</p>} />);
const openPdf = () => fireEvent.click(screen.getByRole('button', { name: 'PDF' }));
const exportAnyway = () => screen.getByRole('button', { name: 'Export the PDF file with the flagged items' });

describe('the export dialog when the identity check flagged something', () => {
  it('focuses "Go back and fix" as the primary action, and it exports nothing', () => {
    flaggedPanel();
    openPdf();
    const dialog = screen.getByRole('alertdialog');
    expect(dialog.textContent).toContain('Real names were found 2 times.');
    const back = screen.getByRole('button', { name: 'Go back and fix' });
    expect(document.activeElement).toBe(back);
    expect(back.classList.contains('primary')).toBe(true);
    expect(exportAnyway().classList.contains('primary')).toBe(false);
    fireEvent.click(back);
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(make).not.toHaveBeenCalled();
  });

  it('needs the "I have checked each flagged item" box before exporting with the flagged items', async () => {
    flaggedPanel();
    openPdf();
    const button = exportAnyway() as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    fireEvent.click(button);
    expect(make).not.toHaveBeenCalled();

    const box = screen.getByRole('checkbox', { name: /I have checked each flagged item/ });
    fireEvent.click(box);
    expect(button.disabled).toBe(false);
    await act(async () => fireEvent.click(button));
    expect(make).toHaveBeenCalledWith('pdf', { descriptiveName: false });
    expect(screen.getByRole('status').textContent).toContain('document-2026-12-01.pdf');
  });

  it('asks again each time: the box is unticked when the dialog reopens', () => {
    flaggedPanel();
    openPdf();
    fireEvent.click(screen.getByRole('checkbox', { name: /I have checked each flagged item/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Go back and fix' }));
    openPdf();
    expect((screen.getByRole('checkbox', { name: /I have checked each flagged item/ }) as HTMLInputElement).checked).toBe(false);
    expect((exportAnyway() as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('the export dialog with nothing flagged', () => {
  it('keeps the one-step save and asks for a neutral file name unless told otherwise', async () => {
    render(<ExportPanel title="Export the plan" hint="Saved version." make={make} />);
    const descriptive = screen.getByRole('checkbox', { name: /Use a descriptive file name/ }) as HTMLInputElement;
    expect(descriptive.checked).toBe(false);
    openPdf();
    expect(screen.queryByRole('button', { name: 'Go back and fix' })).toBeNull();
    const save = screen.getByRole('button', { name: 'Save the PDF file' });
    expect(document.activeElement).toBe(save);
    await act(async () => fireEvent.click(save));
    expect(make).toHaveBeenLastCalledWith('pdf', { descriptiveName: false });

    fireEvent.click(descriptive);
    openPdf();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Save the PDF file' })));
    expect(make).toHaveBeenLastCalledWith('pdf', { descriptiveName: true });
  });
});
