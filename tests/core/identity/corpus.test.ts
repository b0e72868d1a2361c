// The identity check against the hand-annotated corpus: every registered person caught wherever
// they appear, at least 90% of the unregistered names in Latin scripts, and the figures printed.
import { describe, expect, it } from 'vitest';
import { loadCorpus, rate, scoreCorpus } from '../../../bench/identity-score';

const corpus = loadCorpus();
const score = scoreCorpus(corpus);
const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

describe('the identity corpus', () => {
  it('has at least 60 texts, eight or more in each of the six languages, some with nothing to flag', () => {
    expect(corpus.texts.length).toBeGreaterThanOrEqual(60);
    for (const lang of ['en', 'vi', 'id', 'th', 'zh', 'my']) expect(corpus.texts.filter((t) => t.lang === lang).length).toBeGreaterThanOrEqual(8);
    expect(corpus.texts.filter((t) => t.registered.length === 0 && t.unregistered.length === 0).length).toBeGreaterThanOrEqual(10);
  });

  it('meets the targets', () => {
    const lines = [
      `registered people: ${percent(rate(score.registered))} (${score.registered.caught}/${score.registered.total})`,
      `unregistered Latin-script names: ${percent(rate(score.latinNames))} (${score.latinNames.caught}/${score.latinNames.total})`,
      `unregistered names in other scripts: ${percent(rate(score.otherNames))} (${score.otherNames.caught}/${score.otherNames.total})`,
      ...Object.entries(score.byKind).map(([kind, r]) => `unregistered ${kind}s: ${percent(rate(r))} (${r.caught}/${r.total})`),
      `false positives: ${score.falsePositives.length} of ${score.flags} flags (${percent(score.falsePositives.length / score.flags)})`,
      ...score.falsePositives.map((fp) => `  false positive ${fp}`),
      ...[score.registered, score.latinNames, score.otherNames, ...Object.values(score.byKind)].flatMap((r) => r.missed.map((m) => `  missed ${m}`)),
    ];
    console.log(`identity check on ${score.texts} texts\n${lines.join('\n')}`);
    expect(score.registered.missed).toEqual([]);
    expect(rate(score.latinNames)).toBeGreaterThanOrEqual(0.9);
  });
});
