// Start-up reads only the English toolkit from kb.sqlite; a translation, and a language's search
// passages, are read when first needed or by the warm-up. These tests take the database away
// after start-up to show which reads happen when, and that a read that fails is a sentence for
// the reader and is tried again, never a half-loaded language kept for good.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { KB_TRANSLATION_LANGUAGES } from '@shared/api/kb';
import { KB_FILES } from '../../../electron/core/kb/locate';
import { KbService } from '../../../electron/core/kb/service';
import { tempDir } from '../../helpers/temp';
import { openBuiltKb } from './built-kb';

/** A copy of a built knowledge base, whose database a test may move away and back. */
function copyOf(dir: string): { dir: string; hide: () => void; restore: () => void } {
  const copy = tempDir('kb-lazy-');
  for (const file of fs.readdirSync(dir)) fs.copyFileSync(path.join(dir, file), path.join(copy, file));
  const database = path.join(copy, KB_FILES.database);
  const aside = `${database}.aside`;
  return { dir: copy, hide: () => fs.renameSync(database, aside), restore: () => fs.renameSync(aside, database) };
}

const SECTION = 'get-started';
const THAI_QUESTION = 'ร่วมมือกับเครือข่ายระดับภูมิภาค';

describe('knowledge base read on demand', () => {
  let built: string;
  let reference: KbService;
  beforeAll(() => {
    ({ dir: built, service: reference } = openBuiltKb());
  });

  it('answers in English from what start-up read, and reads a translation only when it is asked for', () => {
    const kb = copyOf(built);
    const service = new KbService(kb.dir);
    kb.hide();
    // English came from the start-up read.
    expect(service.getSection(SECTION).title).toBe(reference.getSection(SECTION).title);
    expect(service.listMechanisms()).toEqual(reference.listMechanisms());
    // Thai was not read at start-up: without the database it cannot be, and the reader is told so.
    const missing = expect.objectContaining({ code: 'UNAVAILABLE', key: 'kb.notBuilt' });
    expect(() => service.getSection(SECTION, 'th')).toThrow(missing);
    expect(() => service.listFrameworks('th')).toThrow(missing);
    // Nor were the Thai passages the search shows.
    expect(() => service.search(THAI_QUESTION, { limit: 5, language: 'th' })).toThrow(expect.objectContaining({ code: 'UNAVAILABLE', key: 'kb.searchIndexUnreadable' }));
    // A failed read is not kept: with the database back, Thai reads as a fresh start would.
    kb.restore();
    expect(service.getSection(SECTION, 'th')).toEqual(reference.getSection(SECTION, 'th'));
    expect(service.listFrameworks('th')).toEqual(reference.listFrameworks('th'));
    expect(service.search(THAI_QUESTION, { limit: 5, language: 'th' })).toEqual(reference.search(THAI_QUESTION, { limit: 5, language: 'th' }));
  });

  it('has every translation and every language\'s passages in memory once the warm-up is done', async () => {
    const kb = copyOf(built);
    const service = new KbService(kb.dir);
    await service.warmUp();
    kb.hide();
    for (const language of KB_TRANSLATION_LANGUAGES) {
      expect(service.getSection(SECTION, language)).toEqual(reference.getSection(SECTION, language));
      expect(service.home(language)).toEqual(reference.home(language));
      expect(service.getMechanism('oecd-ncp', language)).toEqual(reference.getMechanism('oecd-ncp', language));
      expect(service.ncpTranslation(language)).toEqual(reference.ncpTranslation(language));
    }
    expect(service.search(THAI_QUESTION, { limit: 5, language: 'th' })).toEqual(reference.search(THAI_QUESTION, { limit: 5, language: 'th' }));
    // Nothing matches: the question searches every language, all of them already in memory.
    expect(service.search('qqxzv', { limit: 5 })).toEqual({ hits: [] });
  });

  it('reads a language the toolkit has no translation in from the English in memory, opening nothing', () => {
    const kb = copyOf(built);
    const service = new KbService(kb.dir);
    kb.hide();
    // French is not a toolkit language: it reads English, from memory.
    expect(service.getSection(SECTION, 'fr')).toEqual(reference.getSection(SECTION));
    expect(service.ncpTranslation('fr')).toBeNull();
  });
});
