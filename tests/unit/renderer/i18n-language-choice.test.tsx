// @vitest-environment jsdom
// Choosing a language: where the app starts (earlier choice, system language, English), the
// picker on the first screens and in Settings, the choice kept on this device, and dates,
// numbers and sorting following it. Runs the app's own i18n start-up with every locale folder.
// The registry is copied with Vietnamese, Thai, Burmese and both Chinese marked shipped, so the
// test does not depend on how far the translators are.
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../../renderer/src/i18n/languages', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../renderer/src/i18n/languages')>();
  const shipped = new Set(['en', 'vi', 'th', 'my', 'zh-Hans', 'zh-Hant']);
  const LANGUAGES = real.LANGUAGES.map((l) => ({ ...l, shipped: shipped.has(l.code) }));
  return {
    ...real,
    LANGUAGES,
    languageByCode: (code: string) => LANGUAGES.find((l) => l.code === code),
    shippedLanguages: () => LANGUAGES.filter((l) => l.shipped),
    unreviewedLanguages: () => LANGUAGES.filter((l) => l.shipped && !l.reviewed),
  };
});

const { default: i18next, chooseLanguage, collatorFor, dateFormatter, formatDay, formatNumber, userLocale } = await import('../../../renderer/src/i18n');
const { initialLanguage, intlLocaleFor, LANGUAGE_STORAGE_KEY, hasChosenLanguage } = await import('../../../renderer/src/i18n/language-choice');
const { LanguagePicker, LanguageSettings } = await import('../../../renderer/src/features/language');

afterEach(async () => {
  cleanup();
  await act(() => chooseLanguage('en'));
  localStorage.clear();
});

describe('the language to start in', () => {
  const base = { preview: null, previewAllowed: false, stored: null, preferred: [] as string[] };

  it('is English on a device with no choice and a system language the app does not speak', () => {
    expect(initialLanguage({ ...base, preferred: ['fr-FR', 'de'] })).toBe('en');
  });

  it("is the system's language when the app speaks it, Chinese by script", () => {
    expect(initialLanguage({ ...base, preferred: ['fr', 'vi-VN'] })).toBe('vi');
    expect(initialLanguage({ ...base, preferred: ['zh-TW'] })).toBe('zh-Hant');
    expect(initialLanguage({ ...base, preferred: ['zh-HK'] })).toBe('zh-Hant');
    expect(initialLanguage({ ...base, preferred: ['zh-CN'] })).toBe('zh-Hans');
    expect(initialLanguage({ ...base, preferred: ['zh'] })).toBe('zh-Hans');
    expect(initialLanguage({ ...base, preferred: ['km-KH', 'not a tag'] })).toBe('en'); // Khmer not shipped here
  });

  it('is the earlier choice over the system language, unless that language is no longer shipped', () => {
    expect(initialLanguage({ ...base, stored: 'th', preferred: ['vi'] })).toBe('th');
    expect(initialLanguage({ ...base, stored: 'km', preferred: ['vi'] })).toBe('vi');
    expect(initialLanguage({ ...base, stored: 'xx' })).toBe('en');
  });

  it('takes a preview from the address only in test and development builds', () => {
    expect(initialLanguage({ ...base, preview: 'km', previewAllowed: true, stored: 'th' })).toBe('km');
    expect(initialLanguage({ ...base, preview: 'en-XA', previewAllowed: true })).toBe('en-XA');
    expect(initialLanguage({ ...base, preview: 'km', previewAllowed: false, stored: 'th' })).toBe('th');
    expect(initialLanguage({ ...base, preview: 'xx', previewAllowed: true })).toBe('en');
  });
});

describe('the language picker', () => {
  it('lists the shipped languages in their own names and switches, keeping the choice on this device', async () => {
    render(<LanguagePicker id="first-start" />);
    const group = screen.getByRole('group', { name: 'Language' });
    const names = within(group).getAllByRole('radio').map((radio) => radio.closest('label')!.textContent!.trim());
    expect(names).toEqual(['English', 'Tiếng Việt', '简体中文', '繁體中文', 'ไทย', 'မြန်မာ']);
    expect(within(group).getByLabelText('ไทย').closest('label')!.getAttribute('lang')).toBe('th');
    expect((within(group).getByLabelText('English') as HTMLInputElement).checked).toBe(true);
    expect(hasChosenLanguage()).toBe(false);

    await act(async () => fireEvent.click(within(group).getByLabelText('Tiếng Việt')));
    expect(i18next.language).toBe('vi');
    expect(document.documentElement.lang).toBe('vi');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('vi');
    expect(hasChosenLanguage()).toBe(true);
    expect((screen.getByLabelText('Tiếng Việt') as HTMLInputElement).checked).toBe(true);
    // The group's name is now Vietnamese, and the unreviewed note is there, described by the radio.
    const note = document.getElementById('first-start-unreviewed')!;
    expect(note.textContent).toBe(i18next.getFixedT(note.getAttribute('lang'), 'common')('language.unreviewed'));
    expect(screen.getByLabelText('Tiếng Việt').getAttribute('aria-describedby')).toBe('first-start-unreviewed');
    expect(initialLanguage({ preview: null, previewAllowed: false, stored: localStorage.getItem(LANGUAGE_STORAGE_KEY), preferred: ['en'] })).toBe('vi');
  });

  it('says nothing about review for English', () => {
    render(<LanguagePicker id="first-start" />);
    expect(document.getElementById('first-start-unreviewed')).toBeNull();
  });

  it('shows one card in Settings, with the unreviewed note once', async () => {
    render(<LanguageSettings />);
    expect(screen.getByRole('heading', { name: 'Language' })).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByLabelText('ไทย')));
    expect(document.querySelectorAll('.language-unreviewed')).toHaveLength(1);
    expect(screen.getAllByRole('radio')).toHaveLength(6);
  });
});

describe('dates, numbers and sorting follow the chosen language', () => {
  it('formats in the language chosen, Thai years in the Buddhist era, from the same ISO date', async () => {
    await act(() => chooseLanguage('vi'));
    expect(userLocale()).toBe('vi-VN');
    expect(formatDay('2026-12-01')).toBe(new Intl.DateTimeFormat('vi-VN', { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.UTC(2026, 11, 1)));
    expect(formatDay('2026-12-01')).toBe('1 thg 12, 2026');
    expect(formatNumber(1234.5)).toBe('1.234,5');

    await act(() => chooseLanguage('th'));
    expect(userLocale()).toBe('th-TH-u-ca-buddhist');
    expect(formatDay('2026-12-01')).toContain('2569');
    expect(formatDay('2026-12-01')).not.toContain('2026');

    await act(() => chooseLanguage('my'));
    expect(formatNumber(2026)).toBe('၂,၀၂၆'); // Myanmar digits

    await act(() => chooseLanguage('en'));
    expect(formatDay('2026-12-01')).toContain('2026');
  });

  it('writes dates in digits, never English month names, where the runtime has no data for the locale', () => {
    // Debian's Chromium has no Burmese or Khmer date data; "xx" stands for such a locale here.
    expect(Intl.DateTimeFormat.supportedLocalesOf('xx')).toEqual([]);
    const day = Date.UTC(2026, 9, 15, 10, 5);
    expect(dateFormatter('xx', { dateStyle: 'medium', timeZone: 'UTC' }).format(day)).toBe('15/10/2026');
    expect(dateFormatter('xx', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(day)).toBe('15/10/2026, 10:05');
    expect(dateFormatter('xx', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(day)).toBe('10/2026');
    // Where the data is there, the locale's own words are used.
    expect(dateFormatter('km-KH', { dateStyle: 'medium', timeZone: 'UTC' }).format(day)).not.toMatch(/Oct/);
  });

  it('keeps the system variant of English for English, and the pseudo-locale formats as the system does', () => {
    expect(intlLocaleFor('en', 'en-AU')).toBe('en-AU');
    expect(intlLocaleFor('en', 'vi-VN')).toBe('en');
    expect(intlLocaleFor('en-XA', 'en-GB')).toBe('en-GB');
    expect(intlLocaleFor('zh-Hant', 'en-US')).toBe('zh-Hant');
  });

  it("sorts names in the language's order", async () => {
    const sort = (names: string[]) => [...names].sort(collatorFor(userLocale()).compare);
    await act(() => chooseLanguage('vi'));
    expect(sort(['Đức', 'Dung', 'Ánh', 'Bình', 'Anh', 'Plan 10', 'Plan 2'])).toEqual(['Anh', 'Ánh', 'Bình', 'Dung', 'Đức', 'Plan 2', 'Plan 10']);
    await act(() => chooseLanguage('zh-Hans'));
    expect(sort(['张', '李', '阿', '王'])).toEqual(['阿', '李', '王', '张']); // pinyin: a, li, wang, zhang
    await act(() => chooseLanguage('zh-Hant'));
    expect(sort(['張', '李', '阿', '王'])).toEqual(['王', '李', '阿', '張']); // strokes: 4, 7, 8, 11
    await act(() => chooseLanguage('th'));
    // Thai sorts by the consonant, not the vowel written before it: เก (k) before ขา (kh).
    expect(sort(['ขา', 'เก'])).toEqual(['เก', 'ขา']);
  });
});
