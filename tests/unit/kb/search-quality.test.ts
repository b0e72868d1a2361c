import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { KbHit } from '@shared/api/kb';
import type { KbService } from '../../../electron/core/kb/service';
import { openBuiltKb } from './built-kb';

interface Question {
  q: string;
  expect: string;
  heading?: string;
}

const questions = JSON.parse(fs.readFileSync('tests/fixtures/kb-questions.json', 'utf8')) as Question[];
const matches = (hit: KbHit, question: Question) =>
  `${hit.kind}:${hit.id}` === question.expect && (!question.heading || (hit.kind === 'section' && hit.heading.text === question.heading));

describe('knowledge-base search quality', () => {
  let kb: KbService;
  beforeAll(() => {
    kb = openBuiltKb().service;
  });

  it('finds the expected entry in the top 3 for at least 90% of the question set', () => {
    const misses: string[] = [];
    for (const question of questions) {
      const top = kb.search(question.q, { limit: 3 }).hits;
      if (!top.some((hit) => matches(hit, question))) misses.push(`${question.q} → ${question.expect}`);
    }
    const share = (questions.length - misses.length) / questions.length;
    console.log(`KB search quality: ${questions.length - misses.length}/${questions.length} in the top 3 (${(share * 100).toFixed(1)}%)`);
    if (misses.length) console.log(`Misses:\n  ${misses.join('\n  ')}`);
    expect(share).toBeGreaterThanOrEqual(0.9);
  });

  it('answers "who to contact at the platform" with principle 02 first (journey 1)', () => {
    const [first] = kb.search('who to contact at the platform', { limit: 3 }).hits;
    expect(first).toMatchObject({ kind: 'section', id: 'safe-engagement', anchor: '02-engage-the-right-people' });
  });
});
