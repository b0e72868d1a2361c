import { describe, expect, it } from 'vitest';
import { chooseBrowser } from '../../../electron/server/browser-choice';

describe('the browser npm run web opens', () => {
  const found = () => '/usr/bin/chromium';
  const none = () => null;

  it('is a throwaway profile in Chromium or Chrome unless told otherwise', () => {
    expect(chooseBrowser({ open: true, everydayBrowser: false }, found)).toEqual({ kind: 'dedicated', executable: '/usr/bin/chromium' });
  });

  it('never falls back to the everyday profile when no Chromium or Chrome is installed', () => {
    expect(chooseBrowser({ open: true, everydayBrowser: false }, none)).toEqual({ kind: 'no-chromium' });
  });

  it('is the everyday browser only when asked for by name, and none with --no-open', () => {
    expect(chooseBrowser({ open: true, everydayBrowser: true }, found)).toEqual({ kind: 'everyday' });
    expect(chooseBrowser({ open: false, everydayBrowser: true }, found)).toEqual({ kind: 'none' });
    expect(chooseBrowser({ open: false, everydayBrowser: false }, found)).toEqual({ kind: 'none' });
  });
});
