// The desktop app's PDF printer asks Electron's printToPDF for a tagged PDF with an outline from
// the headings, the same as browser mode's printer (whose output is checked with real Chromium in
// tests/unit/server/pdf-accessibility.test.ts). Electron cannot run here, so its window is mocked.
import { describe, expect, it, vi } from 'vitest';

const printed = vi.hoisted(() => ({ options: [] as unknown[] }));

vi.mock('electron', () => {
  class BrowserWindow {
    webContents = {
      printToPDF: async (options: unknown) => {
        printed.options.push(options);
        return Buffer.from('%PDF-1.7');
      },
    };
    loadURL = async () => undefined;
    destroy = () => undefined;
  }
  const printSession = { webRequest: { onBeforeRequest: () => undefined }, setPermissionRequestHandler: () => undefined, setPermissionCheckHandler: () => undefined };
  return { BrowserWindow, session: { fromPartition: () => printSession } };
});

const { electronPrintToPdf } = await import('../../../electron/main/print-to-pdf');

describe('desktop PDF printing', () => {
  it('asks for a tagged PDF with a document outline', async () => {
    const bytes = await electronPrintToPdf('<h1>Plan</h1>', { headerTemplate: '<span></span>', footerTemplate: '<span></span>', margins: { top: '10mm', bottom: '10mm', left: '10mm', right: '10mm' } });
    expect(bytes.toString('latin1')).toBe('%PDF-1.7');
    expect(printed.options).toEqual([expect.objectContaining({ generateTaggedPDF: true, generateDocumentOutline: true })]);
  });
});
