// Turning a key press into the accelerator string the panic shortcut is stored as, so the user
// records a shortcut by pressing it instead of typing "CommandOrControl+Shift+H".
import { parseShortcut, type KeyLike } from '@shared/domain/shortcut';

/** The attribute that marks the field recording a shortcut; the app's own shortcuts ignore it. */
export const SHORTCUT_CAPTURE_ATTRIBUTE = 'data-shortcut-capture';

/** True while a key press is being recorded, so it must not lock, hide or search. */
export function isRecordingShortcut(event: Event): boolean {
  return event.target instanceof Element && event.target.hasAttribute(SHORTCUT_CAPTURE_ATTRIBUTE);
}

const NAMED_KEYS: Record<string, string> = { Escape: 'Escape', ' ': 'Space', Backspace: 'Backspace', Delete: 'Delete' };

/**
 * The key's name in accelerator form, from its physical position for letters and digits: with
 * Alt (Option on a Mac) held, `key` is often another character ("π" for P).
 */
function keyName(event: KeyLike & { code: string }): string | null {
  const letter = /^Key([A-Z])$/.exec(event.code);
  if (letter) return letter[1]!;
  const digit = /^Digit([0-9])$/.exec(event.code);
  if (digit) return digit[1]!;
  if (/^F([1-9]|1[0-2])$/.test(event.key)) return event.key;
  return NAMED_KEYS[event.key] ?? null;
}

export type Recorded =
  | { kind: 'waiting' } // only modifiers held so far
  | { kind: 'shortcut'; accelerator: string }
  | { kind: 'refused'; pressed: string }; // a key the panic shortcut cannot use, or no Ctrl/Alt

/** What a key press records. Ctrl, or Cmd on a Mac, is stored as CommandOrControl. */
export function recordShortcut(event: KeyLike & { code: string }, isMac: boolean): Recorded {
  if (['Control', 'Meta', 'Shift', 'Alt', 'AltGraph'].includes(event.key)) return { kind: 'waiting' };
  const primary = isMac ? event.metaKey : event.ctrlKey;
  const parts = [primary && 'CommandOrControl', event.altKey && 'Alt', event.shiftKey && 'Shift'].filter((part): part is string => Boolean(part));
  const key = keyName(event);
  const pressed = [...parts, key ?? event.key].join('+');
  if (!key) return { kind: 'refused', pressed };
  const accelerator = [...parts, key].join('+');
  return parseShortcut(accelerator) ? { kind: 'shortcut', accelerator } : { kind: 'refused', pressed };
}

/** The accelerator as this computer's keyboard names it: Ctrl, or ⌘ on a Mac. */
export const displayShortcut = (accelerator: string, isMac: boolean): string => accelerator.replace(/CommandOrControl|CmdOrCtrl/i, isMac ? '⌘' : 'Ctrl');
