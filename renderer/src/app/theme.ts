// The light/dark choice is a setting of this device, not of the vault: it is needed before any
// vault is open (the unlock screen), and it says nothing about the user's work. It lives in this
// origin's localStorage and is applied before the first render, so the page never flashes.
export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export const THEME_STORAGE_KEY = 'workbench.theme';

export function storedTheme(): Theme {
  const stored = window.localStorage.getItem(THEME_STORAGE_KEY);
  return (THEMES as readonly string[]).includes(stored ?? '') ? (stored as Theme) : 'system';
}

/** global.css reads `data-theme`; "system" removes it and follows the operating system. */
export function applyTheme(theme: Theme): void {
  if (theme === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
}

export function chooseTheme(theme: Theme): void {
  if (theme === 'system') window.localStorage.removeItem(THEME_STORAGE_KEY);
  else window.localStorage.setItem(THEME_STORAGE_KEY, theme);
  applyTheme(theme);
}
