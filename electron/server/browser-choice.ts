// Which browser `npm run web` opens. By default a throwaway profile in Chromium or Chrome: the
// everyday profile would keep history entries, the tab's session and the app's compiled code
// (docs/safety.md), and a person who does not know that must not be the one who leaves them.
// The everyday browser only when asked for by name; without Chromium or Chrome, nothing opens and
// the terminal says how to open the address in a private window.
import { findChromium } from './dedicated-browser';

export type BrowserChoice =
  | { kind: 'none' }
  | { kind: 'dedicated'; executable: string }
  | { kind: 'everyday' }
  | { kind: 'no-chromium' };

export function chooseBrowser(options: { open: boolean; everydayBrowser: boolean }, find: () => string | null = findChromium): BrowserChoice {
  if (!options.open) return { kind: 'none' };
  if (options.everydayBrowser) return { kind: 'everyday' };
  const executable = find();
  return executable ? { kind: 'dedicated', executable } : { kind: 'no-chromium' };
}
