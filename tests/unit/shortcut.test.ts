import { describe, expect, it } from 'vitest';
import { matchesShortcut, parseShortcut } from '../../electron/shared/domain/shortcut';

const key = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('panic shortcuts', () => {
  it('reads Electron accelerators', () => {
    expect(parseShortcut('CommandOrControl+Shift+H')).toEqual({ primary: true, shift: true, alt: false, key: 'h' });
    expect(parseShortcut('Alt+F12')).toEqual({ primary: false, shift: false, alt: true, key: 'f12' });
  });

  it('refuses shortcuts that would fire while typing or cannot be pressed', () => {
    for (const bad of ['J', 'Shift+J', 'CommandOrControl+', 'Hyper+H', 'CommandOrControl+Shift+Tab', '']) {
      expect(parseShortcut(bad), bad).toBeNull();
    }
  });

  it('matches Ctrl on Windows and Linux and Cmd on macOS', () => {
    const shortcut = parseShortcut('CommandOrControl+Shift+H')!;
    expect(matchesShortcut(key('H', { ctrlKey: true, shiftKey: true }), shortcut, false)).toBe(true);
    expect(matchesShortcut(key('h', { metaKey: true, shiftKey: true }), shortcut, true)).toBe(true);
    expect(matchesShortcut(key('h', { metaKey: true, shiftKey: true }), shortcut, false)).toBe(false);
    expect(matchesShortcut(key('h', { ctrlKey: true }), shortcut, false)).toBe(false);
    expect(matchesShortcut(key('h', { ctrlKey: true, shiftKey: true, altKey: true }), shortcut, false)).toBe(false);
  });
});
