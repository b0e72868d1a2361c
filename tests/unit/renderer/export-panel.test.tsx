// @vitest-environment jsdom
// The shared export panel. Its confirm step lists what the identity check flagged, with a decision
// for each; while anything is undecided the button that has focus and looks primary is the safe
// one (go back and fix), and exporting anyway takes a second, deliberate step. Every export asks
// about details that identify people without naming them. Files get a neutral name unless asked.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import '../../helpers/i18n';
import type { ExportIdentity, IdentityReview, ReviewedFlag } from '../../../electron/shared/api/export-identity';
import type { ExportFile, ExportFormat } from '../../../electron/shared/api/plans';
import { ExportPanel } from '../../../renderer/src/components/ExportPanel';

const FILE: ExportFile = { fileName: 'document-2026-12-01.pdf', mimeType: 'application/pdf', data: btoa('%PDF-1.4') };

const flag = (over: Partial<ReviewedFlag>): ReviewedFlag => ({
  key: 'name:nguyen van minh',
  kind: 'name',
  personId: null,
  label: 'Nguyễn Văn Minh',
  matched: 'Nguyễn Văn Minh',
  where: 'Finding 1 · Statement',
  excerpt: 'My editor Nguyễn Văn Minh called me',
  confirm: true,
  decision: null,
  suggestion: '[Person A]',
  ...over,
});
const MINH = flag({});
const LAN = flag({ key: 'registered:p1', kind: 'registered', personId: '6f0c1a9e-4a44-4f3b-9c1e-0d8c4d2b9a11', label: 'Trần Thị Lan', matched: 'Lan Tran', confirm: false, suggestion: 'Journalist L', excerpt: 'Lan Tran can be reached' });

type Make = (format: ExportFormat, options: { descriptiveName: boolean; identity: ExportIdentity }) => Promise<ExportFile>;
let make: ReturnType<typeof vi.fn<Make>>;
beforeEach(() => {
  make = vi.fn<Make>(() => Promise.resolve(FILE));
  // jsdom has no object URLs; the panel hands the bytes to the save dialog through one.
  URL.createObjectURL = vi.fn(() => 'blob:test');
  URL.revokeObjectURL = vi.fn();
  HTMLAnchorElement.prototype.click = vi.fn();
});
afterEach(cleanup);

function panel(review: IdentityReview) {
  const check = vi.fn(() => Promise.resolve(review));
  render(<ExportPanel title="Export the report" hint="Saved version." check={check} make={make} />);
  return check;
}
const openPdf = async () => act(async () => fireEvent.click(screen.getByRole('button', { name: 'PDF' })));
const answerQuasi = () => fireEvent.click(screen.getByRole('radio', { name: /No: I checked dates, places, sizes and roles/ }));
const exportAnyway = () => screen.getByRole('button', { name: 'Export the PDF file with the flagged items' }) as HTMLButtonElement;
const save = () => screen.getByRole('button', { name: 'Save the PDF file' }) as HTMLButtonElement;

describe('the export dialog when the identity check flagged something', () => {
  it('lists each flag with its kind, where it is and an excerpt, and focuses "Go back and fix" as the primary action', async () => {
    panel({ flags: [MINH, { ...MINH, where: 'Appendix: evidence hashes · Row 1 · Label' }, LAN], undecided: 2 });
    await openPdf();
    const items = screen.getAllByTestId('identity-flag');
    expect(items).toHaveLength(2);
    expect(items[0]!.textContent).toContain('Possible name');
    expect(items[0]!.textContent).toContain('Finding 1 · Statement; Appendix: evidence hashes · Row 1 · Label');
    expect(items[0]!.textContent).toContain('My editor Nguyễn Văn Minh called me');
    expect(items[0]!.textContent).toContain('may be a false positive');
    expect(items[1]!.textContent).toContain('Registered person');
    expect(items[1]!.textContent).not.toContain('may be a false positive');

    const back = screen.getByRole('button', { name: 'Go back and fix' });
    expect(document.activeElement).toBe(back);
    expect(back.classList.contains('primary')).toBe(true);
    expect(exportAnyway().classList.contains('primary')).toBe(false);
    fireEvent.click(back);
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(make).not.toHaveBeenCalled();
  });

  it('exports undecided flags only after the box and the quasi-identifier answer, and says so to core', async () => {
    panel({ flags: [MINH], undecided: 1 });
    await openPdf();
    expect(exportAnyway().disabled).toBe(true);
    fireEvent.click(screen.getByRole('checkbox', { name: /I have checked each flagged item/ }));
    expect(exportAnyway().disabled).toBe(true);
    answerQuasi();
    expect(exportAnyway().disabled).toBe(false);
    await act(async () => fireEvent.click(exportAnyway()));
    expect(make).toHaveBeenCalledWith('pdf', { descriptiveName: false, identity: { decisions: [], acknowledge: true } });
    expect(screen.getByRole('status').textContent).toContain('document-2026-12-01.pdf');
  });

  it('replaces with the suggested pseudonym, editable, and makes saving primary once everything is decided', async () => {
    panel({ flags: [MINH, LAN], undecided: 2 });
    await openPdf();
    fireEvent.click(screen.getAllByRole('radio', { name: 'Replace with pseudonym' })[0]!);
    const replacement = screen.getByRole('textbox', { name: 'Print instead' }) as HTMLInputElement;
    expect(replacement.value).toBe('[Person A]');
    fireEvent.change(replacement, { target: { value: '[an editor]' } });
    fireEvent.click(screen.getAllByRole('radio', { name: 'This is fine' })[1]!);

    expect(screen.queryByRole('button', { name: 'Go back and fix' })?.classList.contains('primary')).toBe(false);
    expect(save().classList.contains('primary')).toBe(true);
    expect(save().disabled).toBe(true);
    answerQuasi();
    await act(async () => fireEvent.click(save()));
    expect(make).toHaveBeenCalledWith('pdf', {
      descriptiveName: false,
      identity: {
        decisions: [
          { key: MINH.key, action: 'replace', replacement: '[an editor]' },
          { key: LAN.key, action: 'fine' },
        ],
        acknowledge: false,
      },
    });
  });

  it('shows decisions remembered from the last export', async () => {
    panel({ flags: [{ ...MINH, decision: { key: MINH.key, action: 'replace', replacement: '[Person A]' } }], undecided: 0 });
    await openPdf();
    expect((screen.getByRole('radio', { name: 'Replace with pseudonym' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('textbox', { name: 'Print instead' }) as HTMLInputElement).value).toBe('[Person A]');
    expect(screen.queryByRole('checkbox', { name: /I have checked each flagged item/ })).toBeNull();
  });
});

describe('the export dialog with nothing flagged', () => {
  it('still asks the quasi-identifier question, and asks for a neutral file name unless told otherwise', async () => {
    const check = panel({ flags: [], undecided: 0 });
    const descriptive = screen.getByRole('checkbox', { name: /Use a descriptive file name/ }) as HTMLInputElement;
    expect(descriptive.checked).toBe(false);
    await openPdf();
    expect(check).toHaveBeenLastCalledWith({ descriptiveName: false });
    expect(screen.getByRole('alertdialog').textContent).toContain('Could a reader who knows the community identify someone');
    expect(save().disabled).toBe(true);
    fireEvent.click(screen.getByRole('radio', { name: /Yes, or I am not sure/ }));
    expect(save().disabled).toBe(true);
    answerQuasi();
    await act(async () => fireEvent.click(save()));
    expect(make).toHaveBeenLastCalledWith('pdf', { descriptiveName: false, identity: { decisions: [], acknowledge: false } });

    fireEvent.click(descriptive);
    await openPdf();
    expect(check).toHaveBeenLastCalledWith({ descriptiveName: true });
  });
});
