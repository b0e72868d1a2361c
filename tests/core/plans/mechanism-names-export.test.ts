// The Thai, Burmese and Khmer names of every mechanism, as an export writes them: a plan with a
// step at each of the 46 mechanisms, exported in each language from a real encrypted vault, names
// each one in that language, and the identity check asks the user to decide on none of them (they
// are the app's words, not the user's).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unlockedCore, type TestCore } from '../../helpers/core';
import { uuid } from './fixtures';

const KB = path.resolve('resources/kb');
const MECHANISMS = (JSON.parse(fs.readFileSync(path.join(KB, 'mechanisms.json'), 'utf8')) as Array<{ id: string }>).map((m) => m.id);
const namesIn = (code: string): Record<string, string> =>
  Object.fromEntries(Object.entries((JSON.parse(fs.readFileSync(path.join(KB, 'translations', code, 'mechanisms.json'), 'utf8')) as { mechanisms: Record<string, { name: string }> }).mechanisms).map(([id, m]) => [id, m.name]));

let t: TestCore;
const plans: string[] = [];
beforeAll(async () => {
  t = await unlockedCore();
  // A plan holds at most 40 steps: two plans between them reach every mechanism.
  for (const ids of [MECHANISMS.slice(0, 23), MECHANISMS.slice(23)]) {
    const steps = ids.map((mechanismId) => ({ id: uuid(), stage: 'un' as const, title: 'Step', mechanismId, status: 'planned' as const }));
    plans.push((await t.call('plans.save', { title: 'Every forum', steps })).id);
  }
}, 120_000);
afterAll(async () => {
  await t.core.close();
});

describe('mechanism names in exported plans', () => {
  it.each([
    ['th', 'th-TH'],
    ['my', 'my-MM'],
    ['km', 'km-KH'],
  ])('names every mechanism in %s, and flags none of the names', async (code, locale) => {
    const names = namesIn(code);
    let text = '';
    for (const id of plans) {
      const review = await t.call('exports.identityCheck', { kind: 'plan', id, locale });
      expect(review.flags.map((flag) => `${flag.label} (${flag.where ?? ''})`)).toEqual([]);
      text += Buffer.from((await t.call('plans.export', { id, format: 'markdown', identity: { acknowledge: true }, locale })).data, 'base64').toString('utf8');
    }
    // Markdown escapes its own punctuation ("Business \& Human Rights"); the words are what count.
    const plain = text.replace(/\\(?=[^\s\w])/g, '');
    expect(MECHANISMS.filter((m) => !plain.includes(names[m]!))).toEqual([]);
  }, 120_000);
});
