import { describe, expect, it } from 'vitest';
import { warmUpPrint } from '../../../electron/core/exports/warm-up-print';

describe('the sample a PDF printer readies its next page with', () => {
  it('sets text in every bundled font, so the page has matched and shaped each script before an export', () => {
    const { html } = warmUpPrint();
    const families = new Set([...html.matchAll(/@font-face \{ font-family: '([^']+)'/g)].map((match) => match[1]));
    expect([...families].sort()).toEqual(['Noto Sans', 'Noto Sans Khmer', 'Noto Sans Myanmar', 'Noto Sans SC', 'Noto Sans TC', 'Noto Sans Thai']);
  });

  it('is one constant document, built once', () => {
    expect(warmUpPrint()).toBe(warmUpPrint());
  });
});
