// PDF exports in the desktop app: a hidden, sandboxed window in its own in-memory session prints
// the export's self-contained HTML with Chromium's print pipeline. The session cancels every
// request, the page runs no script, and nothing touches the disk.
import { BrowserWindow, session, type Session } from 'electron';
import type { PdfPage, PrintToPdf } from '../core/exports/pdf';

const MM_PER_INCH = 25.4;
const inches = (css: string): number => Number.parseFloat(css) / MM_PER_INCH;

// Chromium refuses URLs longer than 2 MB; a data: URL is base64, a third larger than the HTML.
const MAX_DATA_URL = 2 * 1024 * 1024;

let printSession: Session | undefined;

/** One in-memory session (no "persist:" prefix) for all printing, apart from the app's own. */
function isolatedSession(): Session {
  if (printSession) return printSession;
  printSession = session.fromPartition('export-print', { cache: false });
  // The document is the data: URL the window loads; every other request (fonts, images,
  // anything) is cancelled, so printing never reaches the network or the file system.
  printSession.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !(details.resourceType === 'mainFrame' && details.url.startsWith('data:text/html')) });
  });
  printSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  printSession.setPermissionCheckHandler(() => false);
  return printSession;
}

export const electronPrintToPdf: PrintToPdf = async (html: string, page: PdfPage) => {
  const url = `data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`;
  if (url.length > MAX_DATA_URL) throw new Error('export too large to print');

  const window = new BrowserWindow({
    show: false,
    webPreferences: {
      session: isolatedSession(),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      javascript: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  try {
    await window.loadURL(url);
    return await window.webContents.printToPDF({
      pageSize: 'A4',
      printBackground: true,
      // Tagged, with an outline from the headings, so screen readers can read and navigate it.
      generateTaggedPDF: true,
      generateDocumentOutline: true,
      displayHeaderFooter: true,
      headerTemplate: page.headerTemplate,
      footerTemplate: page.footerTemplate,
      margins: { top: inches(page.margins.top), bottom: inches(page.margins.bottom), left: inches(page.margins.left), right: inches(page.margins.right) },
    });
  } finally {
    window.destroy();
  }
};
