import { describe, expect, it } from 'vitest';
import { displayShortcut, recordShortcut } from '../../../renderer/src/features/safety/accelerator';
import { parseShortcut } from '../../../electron/shared/domain/shortcut';

const press = (key: string, code: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({
  key,
  code,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('recording the panic shortcut by pressing it', () => {
  it('records Ctrl+Shift+H as the accelerator core stores and the page matches', () => {
    const recorded = recordShortcut(press('H', 'KeyH', { ctrlKey: true, shiftKey: true }), false);
    expect(recorded).toEqual({ kind: 'shortcut', accelerator: 'CommandOrControl+Shift+H' });
    expect(parseShortcut('CommandOrControl+Shift+H')).not.toBeNull();
  });

  it('records Cmd on a Mac as CommandOrControl, and ignores Ctrl there', () => {
    expect(recordShortcut(press('h', 'KeyH', { metaKey: true, shiftKey: true }), true)).toEqual({ kind: 'shortcut', accelerator: 'CommandOrControl+Shift+H' });
    expect(recordShortcut(press('h', 'KeyH', { ctrlKey: true }), true).kind).toBe('refused');
  });

  it('reads the letter from the key position when Alt changes the character', () => {
    // Option+P on a Mac types "π".
    expect(recordShortcut(press('π', 'KeyP', { altKey: true, metaKey: true }), true)).toEqual({ kind: 'shortcut', accelerator: 'CommandOrControl+Alt+P' });
    expect(recordShortcut(press('F12', 'F12', { altKey: true }), false)).toEqual({ kind: 'shortcut', accelerator: 'Alt+F12' });
  });

  it('waits while only modifiers are held', () => {
    expect(recordShortcut(press('Control', 'ControlLeft', { ctrlKey: true }), false)).toEqual({ kind: 'waiting' });
    expect(recordShortcut(press('Shift', 'ShiftLeft', { ctrlKey: true, shiftKey: true }), false)).toEqual({ kind: 'waiting' });
  });

  it('refuses a key that would fire while typing, or one the shortcut cannot use', () => {
    expect(recordShortcut(press('j', 'KeyJ'), false)).toEqual({ kind: 'refused', pressed: 'J' });
    expect(recordShortcut(press('J', 'KeyJ', { shiftKey: true }), false)).toEqual({ kind: 'refused', pressed: 'Shift+J' });
    expect(recordShortcut(press('Tab', 'Tab', { ctrlKey: true }), false)).toEqual({ kind: 'refused', pressed: 'CommandOrControl+Tab' });
  });

  it('shows the accelerator in the keyboard’s own words', () => {
    expect(displayShortcut('CommandOrControl+Shift+H', false)).toBe('Ctrl+Shift+H');
    expect(displayShortcut('CommandOrControl+Shift+H', true)).toBe('⌘+Shift+H');
  });
});
