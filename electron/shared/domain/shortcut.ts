// Keyboard shortcuts in Electron's accelerator syntax ("CommandOrControl+Shift+H"), so the same
// string drives the desktop app's global shortcut and the page's own key handler.
/** Locks, clears and blanks the screen; Ctrl+Shift+H, or Cmd+Shift+H on a Mac. */
export const DEFAULT_PANIC_SHORTCUT = 'CommandOrControl+Shift+H';

export interface ParsedShortcut {
  primary: boolean; // Ctrl, or Cmd on macOS
  shift: boolean;
  alt: boolean;
  key: string; // lower-case key name
}

const PRIMARY = new Set(['commandorcontrol', 'cmdorctrl', 'control', 'ctrl', 'command', 'cmd']);

export function parseShortcut(accelerator: string): ParsedShortcut | null {
  const parts = accelerator.split('+').map((part) => part.trim().toLowerCase());
  const key = parts.pop();
  if (!key || !/^([a-z0-9]|f([1-9]|1[0-2])|escape|space|backspace|delete)$/.test(key)) return null;
  const shortcut: ParsedShortcut = { primary: false, shift: false, alt: false, key };
  for (const part of parts) {
    if (PRIMARY.has(part)) shortcut.primary = true;
    else if (part === 'shift') shortcut.shift = true;
    else if (part === 'alt' || part === 'option') shortcut.alt = true;
    else return null;
  }
  // A bare letter would fire while typing notes.
  if (!shortcut.primary && !shortcut.alt && key.length === 1) return null;
  return shortcut;
}

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

export function matchesShortcut(event: KeyLike, shortcut: ParsedShortcut, isMac: boolean): boolean {
  const primary = isMac ? event.metaKey : event.ctrlKey;
  const key = event.key === ' ' ? 'space' : event.key.toLowerCase();
  return primary === shortcut.primary && event.shiftKey === shortcut.shift && event.altKey === shortcut.alt && key === shortcut.key;
}
