// The OECD routing panel is written by core, so the interface language has to reach it: a Thai or
// Vietnamese user must read the route, its notes and the country names in their own language,
// through the dispatcher and a real encrypted vault, as the panel asks for them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OecdRouting } from '@shared/api/plans';
import { unlockedCore, type TestCore } from '../../helpers/core';

let t: TestCore;
beforeAll(async () => {
  t = await unlockedCore();
});
afterAll(async () => {
  await t.core.close();
});

// One question for each kind of answer: routed to where the harm arose (with home-state and
// several-states notes), routed home (with the operating note), no adherent, and no country yet.
const QUESTIONS = [
  { hqCountry: 'US', harmCountries: ['GB', 'FR'], entityCountries: ['DE'] },
  { hqCountry: 'US', harmCountries: ['VN'], operatingCountries: ['AU'] },
  { hqCountry: 'CN', harmCountries: ['VN'] },
  { hqCountry: '' },
];

// Names the panel keeps in every language: the OECD's own acronyms.
const KEPT = new Set(['OECD', 'NCP', 'NCPs']);
const texts = (r: OecdRouting) => [r.sentence, ...r.notes];
/** The English words (four letters or more) of the English route, as whole words. */
const englishWords = (r: OecdRouting) => new Set(texts(r).flatMap((s) => s.match(/\b[A-Za-z’']{4,}\b/g) ?? []).filter((w) => !KEPT.has(w)));

describe('plans.oecd in the interface language', () => {
  for (const locale of ['th', 'vi'] as const) {
    it(`writes every sentence and note in ${locale}, with no English left`, async () => {
      for (const question of QUESTIONS) {
        const english = await t.call('plans.oecd', { ...question, locale: 'en' });
        const translated = await t.call('plans.oecd', { ...question, locale });
        expect(translated.status).toBe(english.status);
        expect(translated.notes).toHaveLength(english.notes.length);
        expect(texts(english).join(' ')).toMatch(/\b(the|does|not)\b/);
        const words = englishWords(english);
        for (const [i, sentence] of texts(translated).entries()) {
          expect(sentence).not.toBe(texts(english)[i]);
          const leftover = (sentence.match(/[\p{L}’']+/gu) ?? []).filter((w) => words.has(w));
          expect(leftover, `${locale}: ${sentence}`).toEqual([]);
        }
        // The NCP cards name their countries in the same language.
        for (const [i, ncp] of translated.ncps.entries()) expect(ncp.country).not.toBe(english.ncps[i]!.country);
      }
    });
  }

  it('is English when no language is given, and refuses a language the interface does not ship', async () => {
    const question = { hqCountry: 'US', harmCountries: ['VN'] };
    expect(await t.call('plans.oecd', question)).toEqual(await t.call('plans.oecd', { ...question, locale: 'en' }));
    expect(await t.raw('plans.oecd', { ...question, locale: 'fr' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await t.raw('plans.oecd', { ...question, locale: 'th-TH<script>' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
