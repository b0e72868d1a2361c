// The identity check against the hand-annotated corpus of English, Vietnamese, Indonesian, Thai,
// Chinese and Burmese texts: recall per kind, the false positives (each listed) and their rate, and
// how long a text takes to check (p50 and p95 over repeated passes, against a bare scan for the
// register's names alone, interleaved in the same loop).
import type { Figure } from './run';
import { loadCorpus, rate, scoreCorpus, type Recall } from './identity-score';
import { registeredMatcher } from '../electron/core/identity/registered';
import { identityScanner } from '../electron/core/identity/check';
import { median, percentile, round } from './stats';

const ROUNDS = 20;

function recallFigure(name: string, r: Recall): Figure {
  return { name, value: round(rate(r) * 100, 1), unit: '%', caught: r.caught, total: r.total, missed: r.missed };
}

export async function run(): Promise<Figure[]> {
  const corpus = loadCorpus();
  const score = scoreCorpus(corpus);
  const unregisteredFlags = score.flags;

  // Timing: the whole check against its registered-names part alone, text by text, interleaved.
  const full = identityScanner(corpus.people);
  const namesOnly = registeredMatcher(corpus.people);
  const samples = { full: [] as number[], registered: [] as number[] };
  for (let r = 0; r < ROUNDS; r++) {
    for (const { text } of corpus.texts) {
      const order = r % 2 === 0 ? (['full', 'registered'] as const) : (['registered', 'full'] as const);
      for (const which of order) {
        const start = performance.now();
        if (which === 'full') full.scan(text);
        else namesOnly.find(text);
        samples[which].push(performance.now() - start);
      }
    }
  }

  return [
    { name: 'identity corpus texts', value: score.texts, unit: 'texts' },
    recallFigure('identity recall registered people', score.registered),
    recallFigure('identity recall unregistered Latin-script names', score.latinNames),
    recallFigure('identity recall unregistered names in other scripts', score.otherNames),
    ...(['email', 'phone', 'handle', 'url'] as const).map((kind) => recallFigure(`identity recall unregistered ${kind}s`, score.byKind[kind])),
    { name: 'identity false positives', value: score.falsePositives.length, unit: 'flags', of: unregisteredFlags, list: score.falsePositives },
    { name: 'identity false-positive rate', value: round((score.falsePositives.length / Math.max(1, unregisteredFlags)) * 100, 1), unit: '% of flags' },
    { name: 'identity check per text p50', value: round(median(samples.full)), unit: 'ms', baseline: round(median(samples.registered)), baselineIs: 'registered names only' },
    { name: 'identity check per text p95', value: round(percentile(samples.full, 95)), unit: 'ms', baseline: round(percentile(samples.registered, 95)), baselineIs: 'registered names only' },
  ];
}

// `npx tsx --tsconfig tsconfig.test.json bench/identity.bench.ts` prints the figures readably.
if (process.argv[1]?.endsWith('identity.bench.ts')) {
  for (const figure of await run()) {
    const { name, value, unit, missed, list, ...rest } = figure as Figure & { missed?: string[]; list?: string[] };
    console.log(`${name}: ${value} ${unit} ${JSON.stringify(rest)}`);
    for (const line of [...(missed ?? []), ...(list ?? [])]) console.log(`    ${line}`);
  }
}
