import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { KbStore } from '../../../electron/core/kb/kb-store';
import { KB_FILES } from '../../../electron/core/kb/locate';
import { buildIndex, termFor } from '../../../electron/core/kb/lunr-index';
import { KbService } from '../../../electron/core/kb/service';
import { boundedEditDistance } from '../../../electron/core/kb/search/edit-distance';
import { buildLexicon, Lexicon } from '../../../electron/core/kb/search/lexicon';
import { openBuiltKb } from './built-kb';

describe('knowledge-base search', () => {
  let kb: KbService;
  let dir: string;
  beforeAll(() => {
    ({ service: kb, dir } = openBuiltKb());
  });

  const first = (q: string) => kb.search(q, { limit: 5 }).hits[0];

  it('completes a word still being typed', () => {
    expect(first('santa clar')).toMatchObject({ kind: 'framework', id: 'santa-clara' });
    expect(first('escala')).toMatchObject({ kind: 'section', anchor: '06-escalate-when-needed' });
  });

  it('tolerates a typo', () => {
    expect(first('drapak')).toMatchObject({ kind: 'mechanism', id: 'drapac' });
    expect(first('Santa Clara princples')).toMatchObject({ kind: 'framework', id: 'santa-clara' });
  });

  it('corrects a typo whose stem is too short to compare with: "escalaton" against the word "escalation"', () => {
    // The index holds the stem "escal", four edits from "escalaton"; the lexicon holds the words.
    expect(first('escalaton')).toMatchObject({ kind: 'section', anchor: '06-escalate-when-needed' });
    expect(first('escalaton un')).toMatchObject({ kind: 'section', anchor: '06-escalate-when-needed' });
  });

  it('lets one rare, decisive word outweigh several common ones', () => {
    // "reprisals" occurs in one passage; "meeting" and "company" in many. Counting words alike
    // ranked the reprisals passage below the twelfth hit.
    const hits = kb.search('reprisals after meeting a company', { limit: 3 }).hits;
    expect(hits[0]).toMatchObject({ kind: 'section', anchor: '04-prioritise-safety' });
    const marked = hits[0]!.snippet.marks.map(([s, e]) => hits[0]!.snippet.text.slice(s, e).toLowerCase());
    expect(marked).toContain('reprisals');
  });

  it('scores single words exactly as lunr does, so the postings worked out at build time change no order', () => {
    // lunr's own index of the same English passages, as the build makes it before writing the postings.
    const store = new KbStore(path.join(dir, KB_FILES.database));
    const english = [...store.passages().values()].filter((row) => row.language === 'en');
    store.close();
    const index = buildIndex(english.map(({ ref, title, heading, body }) => ({ ref, title, heading, body })));
    for (const word of ['oecd', 'reprisals', 'coalition', 'rapporteur']) {
      // Equal scores may come in either order.
      const byScore = (a: [string, number], b: [string, number]) => b[1] - a[1] || a[0].localeCompare(b[0]);
      const ours = kb
        .search(`${word} `, { limit: 100 })
        .hits.filter((h) => h.language === 'en')
        .map((h): [string, number] => [`${h.kind}:${h.id}${h.kind === 'section' ? `#${h.anchor}` : ''}${h.language === 'en' ? '' : `@${h.language}`}`, h.score]);
      // Each passage is shown once, in the reader's language (English here) when that matched.
      const lunrs = index
        .search(word)
        .filter((r) => !r.ref.includes('@'))
        .map((r): [string, number] => [r.ref, Number(r.score.toFixed(4))]);
      expect(lunrs.length).toBeGreaterThan(0);
      expect(ours.sort(byScore)).toEqual(lunrs.sort(byScore));
    }
  });

  it('filters by kind', () => {
    const hits = kb.search('OECD', { kinds: ['framework'], limit: 10 }).hits;
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((hit) => hit.kind === 'framework')).toBe(true);
  });

  it('marks matched words with ranges that fall on the matched text', () => {
    const hit = first('special rapporteur privacy')!;
    expect(hit.snippet.marks.length).toBeGreaterThan(0);
    for (const [start, end] of [...hit.snippet.marks, ...hit.title.marks]) {
      expect(start).toBeLessThan(end);
    }
    const marked = hit.title.marks.map(([s, e]) => hit.title.text.slice(s, e).toLowerCase());
    expect(marked).toEqual(expect.arrayContaining(['special', 'rapporteur']));
  });

  it('returns nothing, rather than everything, for words that are not there', () => {
    expect(kb.search('zzzzqqq', { limit: 5 }).hits).toEqual([]);
    expect(kb.search('the to at', { limit: 5 }).hits).toEqual([]);
    expect(kb.search('', { limit: 5 }).hits).toEqual([]);
  });

  it('treats query text as words, never as lunr syntax', () => {
    expect(() => kb.search('title:oecd +gni -ncp ~2 ^5 *', { limit: 5 })).not.toThrow();
  });

  it('counts a transposition as one edit and stops early past the limit', () => {
    expect(boundedEditDistance('ncp', 'npc', 1)).toBe(1);
    expect(boundedEditDistance('dictatorhip', 'dictatorship', 1)).toBe(1);
    expect(boundedEditDistance('abc', 'xyz', 1)).toBe(2);
  });

  it('finds words one edit away through the lexicon, including a wrong first letter and a swap', () => {
    const lexicon = new Lexicon(buildLexicon(['escalate escalation rapporteur reprisals'], (word) => termFor(word)));
    expect(lexicon.near('escalaton')).toEqual([{ term: 'escal', word: 'escalation', distance: 1 }]);
    expect(lexicon.near('rsprisals')[0]).toMatchObject({ term: 'repris', distance: 1 });
    expect(lexicon.near('erprisals')[0]).toMatchObject({ term: 'repris', distance: 1 });
    // Two edits from eight letters on, when one of them is a letter too many.
    expect(lexicon.near('rappporteeur')[0]).toMatchObject({ term: 'rapporteur', distance: 2 });
    expect(lexicon.near('esc')).toEqual([]);
    expect(lexicon.completions('escala', 5)).toEqual([{ term: 'escal', word: 'escalate' }]);
  });

  it('reports an unreadable search index as unavailable, and still serves the toolkit', async () => {
    const { dir: broken } = openBuiltKb();
    fs.writeFileSync(path.join(broken, KB_FILES.index), '{"fields": ["title"], "invertedIndex": "not an index"');
    const service = new KbService(broken);
    await expect(service.warmUp()).resolves.toBeUndefined();
    expect(() => service.search('oecd', { limit: 5 })).toThrow(expect.objectContaining({ code: 'UNAVAILABLE' }));
    expect(service.getSection('safe-engagement').id).toBe('safe-engagement');
  });

  it('serves sections with previous and next, and mechanisms with their cross-links', () => {
    const section = kb.getSection('safe-engagement');
    expect(section.previous?.id).toBe('human-rights-framework');
    expect(section.next?.id).toBe('clariti');
    expect(section.headings.map((h) => h.anchor)).toContain('02-engage-the-right-people');
    const mechanism = kb.getMechanism('sea-cpn');
    expect(mechanism.sections.map((s) => s.id)).toEqual(['safe-engagement', 'using-findings', 'get-started']);
    expect(() => kb.getMechanism('nope')).toThrow('not in the directory');
  });

  it('gives Home the four entry points and the Get started steps from the toolkit text', () => {
    const home = kb.home();
    expect(home.entryPoints.map((e) => [e.question, e.sectionId])).toEqual([
      ['Need a human rights grounding?', 'human-rights-framework'],
      ['Planning to engage a tech company?', 'safe-engagement'],
      ['Operating in a high-risk context?', 'clariti'],
      ['Seeking international levers?', 'using-findings'],
    ]);
    expect(home.getStarted).toHaveLength(4);
  });
});
