import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { KB_TRANSLATION_LANGUAGES, type KbHit } from '@shared/api/kb';
import type { KbService } from '../../../electron/core/kb/service';
import { openBuiltKb } from './built-kb';

interface Question {
  q: string;
  expect: string;
  /** English questions name the heading they must find; translated ones its anchor. */
  heading?: string;
  anchor?: string;
  /** The language the question is typed in (English when absent); the hit must be in it too. */
  lang?: string;
}

const ENGLISH = 'en';
const TARGET = 0.9;
const QUESTIONS_PER_LANGUAGE = 10;

const questions = JSON.parse(fs.readFileSync('tests/fixtures/kb-questions.json', 'utf8')) as Question[];
const languageOf = (question: Question) => question.lang ?? ENGLISH;
const matches = (hit: KbHit, question: Question) =>
  `${hit.kind}:${hit.id}` === question.expect &&
  hit.language === languageOf(question) &&
  (!question.heading || (hit.kind === 'section' && hit.heading.text === question.heading)) &&
  (!question.anchor || (hit.kind === 'section' && hit.anchor === question.anchor));

/** Share of questions with the expected passage in the top 3, printed with the misses. */
function topThree(kb: KbService, label: string, asked: Question[]): number {
  const misses: string[] = [];
  for (const question of asked) {
    const top = kb.search(question.q, { limit: 3, language: languageOf(question) }).hits;
    if (!top.some((hit) => matches(hit, question))) {
      misses.push(`${question.q} → ${question.expect}${question.anchor ? `#${question.anchor}` : ''} (got ${top.map((h) => `${h.kind}:${h.id}${h.kind === 'section' ? `#${h.anchor}` : ''}@${h.language}`).join(', ') || 'nothing'})`);
    }
  }
  const share = (asked.length - misses.length) / asked.length;
  console.log(`KB search quality (${label}): ${asked.length - misses.length}/${asked.length} in the top 3 (${(share * 100).toFixed(1)}%)`);
  if (misses.length) console.log(`Misses:\n  ${misses.join('\n  ')}`);
  return share;
}

describe('knowledge-base search quality', () => {
  let kb: KbService;
  beforeAll(() => {
    kb = openBuiltKb().service;
  });

  /** A translated question can only pass once the passage it must find exists in its language. */
  const translated = (question: Question): boolean => {
    const [kind, rest] = question.expect.split(':') as [string, string];
    const language = languageOf(question);
    if (kind === 'section') return kb.getSection(rest, language).translation !== null;
    if (kind === 'mechanism') return kb.getMechanism(rest, language).translation !== null;
    if (kind === 'framework') return kb.listFrameworks(language).some((f) => f.id === rest && f.translation !== null);
    return false;
  };

  it('finds the expected entry in the top 3 for at least 90% of the English question set', () => {
    expect(topThree(kb, ENGLISH, questions.filter((q) => languageOf(q) === ENGLISH))).toBeGreaterThanOrEqual(TARGET);
  });

  it(`has at least ${QUESTIONS_PER_LANGUAGE} questions in each translation language`, () => {
    for (const language of KB_TRANSLATION_LANGUAGES) {
      expect(questions.filter((q) => languageOf(q) === language).length, language).toBeGreaterThanOrEqual(QUESTIONS_PER_LANGUAGE);
    }
  });

  it.each([...KB_TRANSLATION_LANGUAGES])('finds the translated passage in the top 3 for nine in ten %s questions whose passage is translated', (language) => {
    const all = questions.filter((q) => languageOf(q) === language);
    const asked = all.filter(translated);
    if (asked.length < all.length) {
      console.log(`KB search quality (${language}): ${all.length - asked.length}/${all.length} questions skipped, their passage is not translated yet`);
    }
    if (asked.length === 0) return;
    expect(topThree(kb, language, asked)).toBeGreaterThanOrEqual(TARGET);
  });

  it('answers "who to contact at the platform" with principle 02 first (journey 1)', () => {
    const [first] = kb.search('who to contact at the platform', { limit: 3 }).hits;
    expect(first).toMatchObject({ kind: 'section', id: 'safe-engagement', anchor: '02-engage-the-right-people' });
  });
});
