// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { guardAgainstAutofill } from '../../../renderer/src/components/no-autofill';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the autofill guard', () => {
  it('marks fields present at start, added later, and changed later', async () => {
    document.body.innerHTML = '<form><input id="a"><textarea id="b"></textarea><select id="c"></select></form>';
    const stop = guardAgainstAutofill(document.body);
    try {
      for (const selector of ['form', '#a', '#b', '#c']) expect(document.querySelector(selector)!.getAttribute('autocomplete')).toBe('off');

      const later = document.createElement('div');
      later.innerHTML = '<input id="d" autocomplete="email"><input id="p" type="password" autocomplete="current-password">';
      document.body.append(later);
      await flush();
      expect(document.querySelector('#d')!.getAttribute('autocomplete')).toBe('off');
      const passphrase = document.querySelector('#p')!;
      expect(passphrase.getAttribute('autocomplete')).toBe('new-password');
      expect(passphrase.getAttribute('data-1p-ignore')).toBe('true');
      expect(passphrase.getAttribute('data-lpignore')).toBe('true');

      // A "show passphrase" toggle flips the type; a component resets autocomplete.
      passphrase.setAttribute('type', 'text');
      await flush();
      expect(passphrase.getAttribute('autocomplete')).toBe('off');
      document.querySelector('#a')!.setAttribute('autocomplete', 'on');
      await flush();
      expect(document.querySelector('#a')!.getAttribute('autocomplete')).toBe('off');
    } finally {
      stop();
    }
  });
});
