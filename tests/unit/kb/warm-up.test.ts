// The search's warm-up after start-up: every language's index read once, in steps that let other
// work run between them, so a person's first question reads nothing. And the build's search files
// checked against kb.sqlite: a missing or stale one is refused with a sentence, never misread.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { KB_TRANSLATION_LANGUAGES } from '@shared/api/kb';
import type { PassageRow } from '../../../electron/core/kb/compile/write-database';
import { KbStore } from '../../../electron/core/kb/kb-store';
import { KB_FILES } from '../../../electron/core/kb/locate';
import { buildIndex, serialiseIndex } from '../../../electron/core/kb/lunr-index';
import { indexFileName } from '../../../electron/core/kb/search/index-files';
import { KbSearcher } from '../../../electron/core/kb/search/searcher';
import { openBuiltKb } from './built-kb';
import { tempDir } from '../../helpers/temp';

const LANGUAGES = ['en', ...KB_TRANSLATION_LANGUAGES];
/** An index per language, and one per translation for its framework entries. */
const INDEX_FILES = LANGUAGES.length + KB_TRANSLATION_LANGUAGES.length;

/** A first question per language, in that language, with the interface in it. */
const FIRST_QUESTIONS: Array<[string, string]> = [
  ['en', 'escalation after reprisals'],
  ['vi', 'làm sao liên hệ đúng người ở công ty công nghệ'],
  ['th', 'ร่วมมือกับเครือข่ายระดับภูมิภาค'],
  ['my', 'ဒေသတွင်း မဟာမိတ်အဖွဲ့များနှင့် ပူးပေါင်းဆောင်ရွက်ခြင်း'],
  ['km', 'សហការជាមួយសម្ព័ន្ធភាពក្នុងតំបន់'],
  ['zh-Hans', '与区域联盟合作'],
  ['id', 'bekerja sama dengan koalisi regional'],
  // A framework entry by its Thai name: the Thai frameworks' own index.
  ['th', 'หลักการซานตาคลารา'],
  // Nothing matches: the path that searches every language.
  ['en', 'qqxzv'],
];

function passagesOf(dir: string): Map<string, PassageRow> {
  const store = new KbStore(path.join(dir, KB_FILES.database));
  try {
    return store.passages();
  } finally {
    store.close();
  }
}

/** A copy of a built knowledge base, to break one file of. */
function copyOf(dir: string): string {
  const copy = tempDir('kb-copy-');
  for (const file of fs.readdirSync(dir)) fs.copyFileSync(path.join(dir, file), path.join(copy, file));
  return copy;
}

describe('knowledge-base search warm-up', () => {
  let dir: string;
  let passages: Map<string, PassageRow>;
  beforeAll(() => {
    ({ dir } = openBuiltKb());
    passages = passagesOf(dir);
  });

  it("reads every index once, and a first question in any language afterwards reads none", async () => {
    const searcher = new KbSearcher(dir, passages);
    await searcher.warmUp();
    expect(searcher.indexReads).toBe(INDEX_FILES);
    for (const [language, question] of FIRST_QUESTIONS) {
      const hits = searcher.find(question, { limit: 12, language });
      if (question !== 'qqxzv') expect(hits.length, question).toBeGreaterThan(0);
    }
    // Typing, with a typo, in the interface's language and in a script the interface is not in.
    searcher.find('escalaton rappor', { limit: 12, language: 'th' });
    searcher.find('人权 ကုမ္ပဏီ', { limit: 12, language: 'km' });
    expect(searcher.indexReads).toBe(INDEX_FILES);
    // A second warm-up does nothing again.
    await searcher.warmUp();
    expect(searcher.indexReads).toBe(INDEX_FILES);
  });

  it('without the warm-up, a first question reads the indexes it needs there and then (the count the warm-up spares)', () => {
    const searcher = new KbSearcher(dir, passages);
    searcher.find('ร่วมมือกับเครือข่ายระดับภูมิภาค', { limit: 12, language: 'en' });
    expect(searcher.indexReads).toBe(3); // English, Thai and the Thai framework entries
  });

  it('lets other work run before it starts and between any two indexes', async () => {
    const searcher = new KbSearcher(dir, passages);
    const seen = new Set<number>();
    let done = false;
    const warming = searcher.warmUp().then(() => {
      done = true;
    });
    // Other work queued after start-up: it sees the reads counter at every value on the way.
    const watch = (): void => {
      seen.add(searcher.indexReads);
      if (!done) setImmediate(watch);
    };
    watch();
    await warming;
    const counts = [...seen].sort((a, b) => a - b);
    expect(counts[0]).toBe(0);
    expect(counts.at(-1)).toBe(INDEX_FILES);
    // At most one language's two indexes (its guidance and its framework entries) between two
    // turns: a warm-up question that falls back on a language not reached yet reads both at once.
    for (let i = 1; i < counts.length; i++) expect(counts[i]! - counts[i - 1]!, `after ${counts[i - 1]} reads`).toBeLessThanOrEqual(2);
  });

  it('has the build refuse, and the app report, a missing, a stale or an older version\'s index file', () => {
    const intact = new KbSearcher(dir, passages);
    expect(intact.problems()).toEqual([]);

    const missing = copyOf(dir);
    fs.rmSync(path.join(missing, indexFileName('th')));
    const stale = copyOf(dir);
    // Built from other Vietnamese text than kb.sqlite holds, as after a build that wrote only the database.
    const other = [{ ref: 'section:x#y@vi', title: 'Tiêu đề', heading: 'Mục', body: 'Một đoạn văn khác.' }];
    fs.writeFileSync(path.join(stale, indexFileName('vi')), JSON.stringify(serialiseIndex(buildIndex(other, 'vi'), other, 'vi')));

    const older = copyOf(dir);
    // What an earlier version wrote: lunr's own serialisation of the same English passages.
    const english = [...passages.values()].filter((row) => row.language === 'en').map(({ ref, title, heading, body }) => ({ ref, title, heading, body }));
    fs.writeFileSync(path.join(older, indexFileName('en')), JSON.stringify(buildIndex(english)));

    expect(new KbSearcher(missing, passages).problems()).toEqual(['index.th.json: missing; kb.sqlite has passages for this index.']);
    expect(new KbSearcher(older, passages).problems()).toEqual(['index.json: The search index was written by another version of the app.']);
    expect(new KbSearcher(stale, passages).problems()).toEqual(['index.vi.json: The search index was built from other passages than the knowledge base holds.']);
    const unreadable = expect.objectContaining({ code: 'UNAVAILABLE', key: 'kb.searchIndexUnreadable' });
    expect(() => new KbSearcher(missing, passages).find('ร่วมมือ', { limit: 5, language: 'th' })).toThrow(unreadable);
    expect(() => new KbSearcher(stale, passages).find('liên minh', { limit: 5, language: 'vi' })).toThrow(unreadable);
    expect(() => new KbSearcher(older, passages).find('escalation', { limit: 5, language: 'en' })).toThrow(unreadable);
    // The languages whose files are sound still answer.
    expect(new KbSearcher(stale, passages).find('escalation', { limit: 5, language: 'en' }).length).toBeGreaterThan(0);
  });
});
