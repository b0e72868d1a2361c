// The language registry: the eight languages, their own names, locales that Intl understands, and
// plural rules that match the catalogue keys translators write (only `_other` outside English).
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, languageByCode, shippedLanguages, unreviewedLanguages } from '../../../renderer/src/i18n/languages';

describe('language registry', () => {
  it('lists the eight languages once each, named in their own scripts', () => {
    expect(LANGUAGES.map((l) => l.code)).toEqual(['en', 'vi', 'zh-Hans', 'zh-Hant', 'th', 'my', 'km', 'id']);
    expect(languageByCode('th')?.nativeName).toBe('ไทย');
    expect(languageByCode('my')?.nativeName).toBe('မြန်မာ');
    expect(languageByCode('km')?.nativeName).toBe('ខ្មែរ');
    expect(languageByCode('zh-Hant')?.nativeName).toBe('繁體中文');
    expect(languageByCode('xx')).toBeUndefined();
  });

  it('gives every language a locale Intl accepts as written', () => {
    for (const language of LANGUAGES) {
      expect(Intl.getCanonicalLocales(language.intlLocale)).toEqual([language.intlLocale]);
      expect(Intl.DateTimeFormat.supportedLocalesOf(language.intlLocale)).toHaveLength(1);
    }
  });

  it('formats Thai years in the Buddhist era', () => {
    const year = new Intl.DateTimeFormat(languageByCode('th')!.intlLocale, { year: 'numeric', timeZone: 'UTC' })
      .format(new Date('2026-06-01T00:00:00Z'));
    expect(year).toContain('2569');
  });

  it('offers English, and counts every shipped language not yet reviewed', () => {
    expect(shippedLanguages().map((l) => l.code)).toContain('en');
    for (const language of unreviewedLanguages()) expect(language.shipped && !language.reviewed).toBe(true);
    console.info(`languages shipped: ${shippedLanguages().map((l) => l.code).join(', ')}; ` +
      `not yet reviewed by a native speaker: ${unreviewedLanguages().map((l) => l.code).join(', ') || 'none'}`);
  });

  it('has only the "other" plural form in every language but English, and i18next agrees', async () => {
    for (const language of LANGUAGES.filter((l) => l.code !== 'en')) {
      expect(new Intl.PluralRules(language.code).resolvedOptions().pluralCategories).toEqual(['other']);
    }
    const i18n = i18next.createInstance();
    await i18n.init({
      lng: 'vi',
      fallbackLng: 'en',
      supportedLngs: LANGUAGES.map((l) => l.code),
      resources: {
        en: { common: { item_one: '{{count}} item', item_other: '{{count}} items' } },
        vi: { common: { item_other: '{{count}} mục' } },
        'zh-Hans': { common: { item_other: '{{count}} 项' } },
      },
      defaultNS: 'common',
    });
    expect(i18n.t('item', { count: 1 })).toBe('1 mục');
    expect(i18n.t('item', { count: 1, lng: 'zh-Hans' })).toBe('1 项');
    expect(i18n.t('item', { count: 1, lng: 'en' })).toBe('1 item');
  });
});
