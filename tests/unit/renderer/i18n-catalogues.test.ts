// Every shipped language has every English message, in each of its own plural forms, with the
// same placeholders, and nothing English does not have. Languages still being translated are
// not failed for gaps; their coverage is printed so the translators see what is left.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, SOURCE_LANGUAGE, languageByCode, unreviewedLanguages } from '../../../renderer/src/i18n/languages';
import { diffCatalogue, flattenMessages, placeholders, type CatalogueDiff } from './i18n-catalogue-diff';

const LOCALES = path.resolve('renderer/src/i18n/locales');

const namespacesOf = (language: string): string[] => {
  const dir = path.join(LOCALES, language);
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((name) => name.endsWith('.json')).map((name) => path.basename(name, '.json'));
};

/** One language's messages across namespaces, keyed "namespace:key". */
function messages(language: string): Map<string, unknown> {
  const all = new Map<string, unknown>();
  for (const ns of namespacesOf(language)) {
    const parsed = JSON.parse(fs.readFileSync(path.join(LOCALES, language, `${ns}.json`), 'utf8')) as unknown;
    for (const [key, value] of flattenMessages(parsed)) all.set(`${ns}:${key}`, value);
  }
  return all;
}

const english = messages(SOURCE_LANGUAGE);

const summary = (diff: CatalogueDiff, limit = 15): string =>
  [
    diff.missing.length ? `missing ${diff.missing.length}: ${diff.missing.slice(0, limit).join(', ')}` : '',
    diff.extra.length ? `not in English ${diff.extra.length}: ${diff.extra.slice(0, limit).join(', ')}` : '',
    diff.empty.length ? `empty ${diff.empty.length}: ${diff.empty.slice(0, limit).join(', ')}` : '',
    diff.placeholderMismatches.length ? `placeholders differ:\n  ${diff.placeholderMismatches.slice(0, limit).join('\n  ')}` : '',
  ].filter(Boolean).join('\n');

describe('translated catalogues', () => {
  it('has a registered language for every locale folder, and only English namespaces in each', () => {
    const englishNamespaces = namespacesOf(SOURCE_LANGUAGE);
    expect(englishNamespaces.length).toBeGreaterThan(10);
    for (const folder of fs.readdirSync(LOCALES)) {
      expect(languageByCode(folder), `locales/${folder} is not in languages.ts`).toBeDefined();
      for (const ns of namespacesOf(folder)) expect(englishNamespaces, `locales/${folder}/${ns}.json`).toContain(ns);
    }
  });

  // A file that does not parse breaks the build for every language, shipped or not.
  it('parses every catalogue file of every language', () => {
    for (const language of LANGUAGES) {
      for (const ns of namespacesOf(language.code)) {
        const file = path.join(LOCALES, language.code, `${ns}.json`);
        expect(() => JSON.parse(fs.readFileSync(file, 'utf8')), path.relative(LOCALES, file)).not.toThrow();
      }
    }
  });

  for (const language of LANGUAGES.filter((l) => l.code !== SOURCE_LANGUAGE)) {
    if (language.shipped) {
      it(`has every message in ${language.englishName} (${language.code}), shipped`, () => {
        const diff = diffCatalogue(english, messages(language.code), language.code);
        expect(summary(diff), `${language.code} is marked shipped in languages.ts`).toBe('');
      });
    } else {
      it(`reports how far ${language.englishName} (${language.code}) is, not yet shipped`, () => {
        const diff = diffCatalogue(english, messages(language.code), language.code);
        const done = diff.expected - diff.missing.length;
        console.info(
          `${language.code}: ${done}/${diff.expected} messages (${((100 * done) / diff.expected).toFixed(1)}%), not shipped` +
            (summary(diff, 5) ? `\n${summary(diff, 5)}` : ''),
        );
        expect(diff.expected).toBeGreaterThan(500);
      });
    }
  }

  it('counts the shipped languages not yet reviewed by a native speaker', () => {
    const unreviewed = unreviewedLanguages().map((l) => l.code);
    console.info(`not yet reviewed by a native speaker: ${unreviewed.length} (${unreviewed.join(', ') || 'none'})`);
    expect(unreviewed).not.toContain(SOURCE_LANGUAGE);
  });
});

describe('the catalogue comparison (it is not blind)', () => {
  const en = flattenMessages({
    title: 'Diary',
    saved: 'Saved {{title}} at {{time, datetime}}',
    help: 'Read <strong>$t(common:more)</strong>',
    item_one: 'One entry',
    item_other: '{{count}} entries',
    levels: ['Weak', 'Strong'],
  });
  const good = {
    title: 'Nhật ký',
    saved: 'Đã lưu {{title}} lúc {{time, datetime}}',
    help: 'Đọc <strong>$t(common:more)</strong>',
    item_one: '{{count}} mục',
    item_other: '{{count}} mục',
    levels: ['Yếu', 'Mạnh'],
  };

  it('accepts a complete Vietnamese catalogue, English\'s "one" form said as its "other"', () => {
    expect(summary(diffCatalogue(en, flattenMessages(good), 'vi'))).toBe('');
  });

  it('finds a missing message, a missing plural form and a missing array item', () => {
    const { title: _title, ...rest } = good;
    const diff = diffCatalogue(en, flattenMessages({ ...rest, extra: 'thừa', levels: ['Yếu'] }), 'vi');
    expect(diff.missing).toEqual(['title', 'levels.1']);
    expect(diff.extra).toEqual(['extra']);
    const { item_other: _other, ...withoutPlural } = good;
    expect(diffCatalogue(en, flattenMessages(withoutPlural), 'vi').missing).toEqual(['item_other']);
  });

  it('asks for every plural form a language has', () => {
    const diff = diffCatalogue(en, flattenMessages(good), 'ar');
    expect(diff.missing.sort()).toEqual(['item_few', 'item_many', 'item_two', 'item_zero']);
  });

  it('finds a renamed, dropped or added placeholder, nesting or tag', () => {
    const diff = diffCatalogue(
      en,
      flattenMessages({ ...good, saved: 'Đã lưu {{tên}} lúc {{time}}', help: 'Đọc thêm', item_other: 'nhiều mục' }),
      'vi',
    );
    expect(diff.placeholderMismatches.map((line) => line.split(':')[0])).toEqual(['saved', 'help', 'item_other']);
    expect(placeholders('Saved {{ title }} at {{time, datetime}} <1>now</1>')).toEqual(['<1>', '{{time}}', '{{title}}']);
  });

  it('finds an empty translation and a key English does not have', () => {
    const diff = diffCatalogue(en, flattenMessages({ ...good, title: ' ', subtitle: 'Thêm' }), 'vi');
    expect(diff.empty).toEqual(['title']);
    expect(diff.extra).toEqual(['subtitle']);
  });
});
