import { beforeAll, describe, expect, it } from 'vitest';
import type { KbService } from '../../../electron/core/kb/service';
import { boundedEditDistance } from '../../../electron/core/kb/search/edit-distance';
import { openBuiltKb } from './built-kb';

describe('knowledge-base search', () => {
  let kb: KbService;
  beforeAll(() => {
    kb = openBuiltKb().service;
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
