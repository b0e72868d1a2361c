// Submission templates in the interface's seven other languages: every string a user reads while
// drafting (names, headings, guidance, field guidance, exposure notes, rules) and every word an
// exported document is written with exists in every language's file, marked not reviewed; a file
// that no longer matches the English (an id the templates lost, a placeholder dropped) is refused
// with a message naming the file and the string; and the exported document is written in the
// draft's language only where the body accepts it and every heading exists, English otherwise.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SubmissionTemplate } from '@shared/api/submissions';
import { checkIdentity } from '../../../electron/core/identity/check';
import { DOCUMENT_LABELS } from '../../../electron/core/submissions/document-labels';
import { loadTemplates, TEMPLATES_DIR } from '../../../electron/core/submissions/templates';
import { documentLanguages, englishStrings, loadTranslations, translatedStrings, TRANSLATIONS_DIR } from '../../../electron/core/submissions/translations';
import { unlockedCore, type TestCore } from '../../helpers/core';
import { tempDir } from '../../helpers/temp';

const UI_LANGUAGES = ['vi', 'zh-Hans', 'zh-Hant', 'th', 'my', 'km', 'id'] as const;
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

let templates: SubmissionTemplate[];
beforeAll(() => {
  templates = loadTemplates('resources');
});

let t: TestCore | undefined;
afterEach(async () => {
  await t?.core.close();
  t = undefined;
});

/** A copy of the bundled templates and translations with one value of one language's file set (by dotted path). */
function resourcesWithTranslation(language: string, at: string, value: unknown): string {
  const dir = tempDir();
  fs.cpSync(path.join('resources', TEMPLATES_DIR), path.join(dir, TEMPLATES_DIR), { recursive: true });
  fs.cpSync(path.join('resources', 'kb'), path.join(dir, 'kb'), { recursive: true });
  const file = path.join(dir, TRANSLATIONS_DIR, `${language}.json`);
  const json = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  const keys = at.split('.');
  const parent = keys.slice(0, -1).reduce((node, key) => node[key] as Record<string, unknown>, json);
  parent[keys.at(-1)!] = value;
  fs.writeFileSync(file, JSON.stringify(json));
  return dir;
}

describe('submission template translations', () => {
  it('has, for each of the seven languages, every string of every template and every document word, with its placeholders, marked not reviewed', () => {
    const translations = loadTranslations('resources', templates);
    const english = englishStrings(templates);
    for (const language of UI_LANGUAGES) {
      const translation = translations.get(language);
      expect(translation, language).toBeDefined();
      expect(translation!.reviewed, `${language} is marked reviewed`).toBe(false);
      const own = translatedStrings(translation!);
      const missing = [...english.keys()].filter((key) => !own.get(key)?.trim());
      expect(missing, `${language} lacks`).toEqual([]);
      for (const [key, text] of own) expect(placeholders(text), `${language} ${key}`).toEqual(placeholders(english.get(key)!));
      // The same words as English would be an untranslated copy; names and codes are the exceptions.
      const copied = [...own].filter(([key, text]) => text === english.get(key) && !/^(id|sha256|line|victimConsent|recordTitled|status|dateChannel|listSeparator|countrySeparator|channelForum)$/.test(key.replace(/^(document|prefill)\./, '')));
      expect(copied.map(([key]) => key), `${language} copies the English`).toEqual([]);
    }
  });

  it('holds no heading or document word that the identity check would flag, so an export needs no decision for the app\'s own words', () => {
    // What an export prints: the route's name, the section headings and the document's words (guidance never leaves the editor).
    const printed = (key: string) => /^document\.|\.name$|\.heading$/.test(key);
    for (const [language, translation] of loadTranslations('resources', templates)) {
      const places = [...translatedStrings(translation)].filter(([key]) => printed(key)).map(([key, text]) => ({ where: `${language}:${key}`, text: text.replace(/\{\{\w+\}\}/g, '12') }));
      expect(checkIdentity([], places).map((flag) => `${flag.where} ${flag.matched}`)).toEqual([]);
    }
  });

  it('refuses a translation naming a section the template does not have, saying which file and which string', () => {
    const dir = resourcesWithTranslation('vi', 'routes.spCommunication.sections.oldSection', { heading: 'Phần cũ' });
    expect(() => loadTranslations(dir, templates)).toThrow(/Translation vi\.json: routes\.spCommunication\.sections\.oldSection\.heading is not in the English templates/);
  });

  it('refuses a translation that dropped a placeholder of the English, or added one', () => {
    const dropped = resourcesWithTranslation('th', 'document.victim', 'ผู้เสียหาย');
    expect(() => loadTranslations(dropped, templates)).toThrow(/Translation th\.json: document\.victim must have the placeholders \{\{n\}\} of the English, not \{\{none\}\}/);
    const renamed = resourcesWithTranslation('my', 'document.replyRequestedBy', '{{day}}');
    expect(() => loadTranslations(renamed, templates)).toThrow(/Translation my\.json: document\.replyRequestedBy must have the placeholders \{\{date\}\}/);
  });

  it('refuses a translation whose phrase for a new draft dropped a placeholder of the English, or names a phrase the app does not have', () => {
    const dropped = resourcesWithTranslation('th', 'prefill.committedTo', 'ให้คำมั่นว่า: {{text}}');
    expect(() => loadTranslations(dropped, templates)).toThrow(/Translation th\.json: prefill\.committedTo must have the placeholders \{\{owner,text\}\} of the English, not \{\{text\}\}/);
    const unknown = resourcesWithTranslation('vi', 'prefill.oldPhrase', 'Cụm từ cũ');
    expect(() => loadTranslations(unknown, templates)).toThrow(/Translation vi\.json: prefill\.oldPhrase is not in the English templates/);
  });

  it('refuses a translation with a key the file format does not know, or in the wrong file', () => {
    const unknown = resourcesWithTranslation('km', 'routes.bhrrcResponse.headings', {});
    expect(() => loadTranslations(unknown, templates)).toThrow(/Translation km\.json is malformed: routes\.bhrrcResponse/);
    const misplaced = resourcesWithTranslation('id', 'language', 'ms');
    expect(() => loadTranslations(misplaced, templates)).toThrow(/Translation id\.json says it is in ms/);
  });

  it('says the templates cannot be read, as an error a user can act on, when a translation is broken', async () => {
    const broken = resourcesWithTranslation('zh-Hant', 'routes.uprStakeholder.rules.noSuchRule', '不存在');
    t = await unlockedCore({ resourcesDir: broken });
    expect(await t.raw('submissions.translation', { language: 'zh-Hant' })).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', key: 'submissions.templatesUnreadable' } });
  });

  it('offers a document in a language only where the body accepts it and every heading exists: English first', () => {
    const translations = loadTranslations('resources', templates);
    const of = (route: string) => documentLanguages(templates.find((tpl) => tpl.route === route)!, translations);
    // The UN takes English, French and Spanish, and the app has headings in all three: none of the interface's other languages.
    expect(of('spCommunication')[0]).toBe('en');
    expect([...of('spCommunication')].sort()).toEqual(['en', 'es', 'fr']);
    expect([...of('uprStakeholder')].sort()).toEqual(['en', 'es', 'fr']);
    // A letter to a company or a partner may be in any language.
    expect(of('rightOfReply')).toEqual(expect.arrayContaining(['en', 'fr', 'es', ...UI_LANGUAGES]));
    // A language without every heading and label of a route's document is not offered for it.
    const partial = new Map(translations);
    const thai = translations.get('th')!;
    partial.set('th', { ...thai, document: Object.fromEntries(Object.entries(thai.document).filter(([key]) => key !== 'replyRequestedBy')) });
    expect(documentLanguages(templates.find((tpl) => tpl.route === 'rightOfReply')!, partial)).not.toContain('th');
    expect(Object.keys(DOCUMENT_LABELS).length).toBeGreaterThan(50);
  });

  it('serves a language\'s translation and the document languages through the API, and nothing for a language without one', async () => {
    t = await unlockedCore();
    const thai = await t.call('submissions.translation', { language: 'th' });
    expect(thai.translation?.language).toBe('th');
    expect(thai.translation?.routes.spCommunication?.sections.victims?.heading).toBeTruthy();
    expect(thai.documentLanguages.spCommunication?.[0]).toBe('en');
    expect((await t.call('submissions.translation', { language: 'en' })).translation).toBeNull();
  });
});
