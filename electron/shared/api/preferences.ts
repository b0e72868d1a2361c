// Device preferences that are not secret and must work before any vault is unlocked (the panic
// shortcut has to work on the unlock screen too). Kept in a small file next to the vaults.
import { z } from 'zod';
import { DEFAULT_PANIC_SHORTCUT, parseShortcut } from '../domain/shortcut';

export const Preferences = z.object({
  panicShortcut: z
    .string()
    .max(60)
    .refine((value) => parseShortcut(value) !== null, 'Use a key with Ctrl (or Cmd) or Alt, for example CommandOrControl+Shift+H.')
    .default(DEFAULT_PANIC_SHORTCUT),
  /** Desktop app only: panic also hides the window. */
  panicHidesWindow: z.boolean().default(true),
  /** Erase a vault after this many wrong passphrases in a row; null (the default) never erases. */
  eraseAfterFailedUnlocks: z.number().int().min(3, 'Choose 3 or more wrong passphrases, or leave it off.').max(100).nullable().default(null),
});
export type Preferences = z.infer<typeof Preferences>;

export const preferenceMethods = {
  'preferences.get': { input: z.null(), output: Preferences },
  'preferences.set': { input: Preferences.partial(), output: Preferences },
  /** Locks at once and tells every window to hide what it shows. */
  'app.panic': { input: z.null(), output: z.null() },
  /** The page is recording a new panic shortcut: the desktop app lets the keys reach the page meanwhile. */
  'app.recordingShortcut': { input: z.object({ recording: z.boolean() }), output: z.null() },
} as const;
