// The identity check against the hand-annotated corpus of English, Vietnamese, Indonesian, Thai,
// Chinese and Burmese texts: recall per kind, the false positives (each listed) and their rate, the
// same for the held-out texts (written after the detectors were adjusted; their first, unseen
// figures are in the corpus's "about", since their misses were fixed since), how long a text takes to
// check (p50 and p95 over repeated passes, against a bare scan for the register's names alone,
// interleaved in the same loop) and a long report.
import fs from 'node:fs';
import path from 'node:path';
import type { Figure } from './run';
import { loadCorpus, rate, scoreCorpus, type Recall } from './identity-score';
import { registeredMatcher } from '../electron/core/identity/registered';
import { checkIdentity, identityScanner } from '../electron/core/identity/check';
import { median, percentile, round } from './stats';

const ROUNDS = 20;

function recallFigure(name: string, r: Recall): Figure {
  return { name, value: round(rate(r) * 100, 1), unit: '%', caught: r.caught, total: r.total, missed: r.missed };
}

/** Every text of the example assessments the app ships (pseudonyms only), checked with an empty register. */
function exampleFlags(): string[] {
  const dir = 'resources/examples';
  return fs.readdirSync(dir).filter((f) => f.endsWith('.json')).flatMap((file) => {
    const texts: string[] = [];
    const walk = (v: unknown): void => {
      if (typeof v === 'string') texts.push(v);
      else if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    };
    walk(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')));
    return checkIdentity([], [{ where: file, text: texts.join('\n') }]).map((f) => `${file}: ${f.kind} '${f.matched}'`);
  });
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

  // A long report: every text of the corpus four times over, checked whole, as an export is.
  const report = Array.from({ length: 4 }, () => corpus.texts.map((t) => t.text).join('\n\n')).join('\n\n');
  full.scan(report);
  const reportSamples = Array.from({ length: 10 }, () => {
    const start = performance.now();
    full.scan(report);
    return performance.now() - start;
  });
  const heldOut = scoreCorpus(corpus, corpus.texts.filter((t) => t.set === 'held-out'));
  const examples = exampleFlags();

  return [
    { name: 'identity corpus texts', value: score.texts, unit: 'texts', heldOut: heldOut.texts },
    recallFigure('identity recall registered people', score.registered),
    recallFigure('identity recall unregistered Latin-script names', score.latinNames),
    recallFigure('identity recall unregistered names in other scripts', score.otherNames),
    ...(['email', 'phone', 'handle', 'url'] as const).map((kind) => recallFigure(`identity recall unregistered ${kind}s`, score.byKind[kind])),
    { name: 'identity false positives', value: score.falsePositives.length, unit: 'flags', of: unregisteredFlags, list: score.falsePositives },
    { name: 'identity false-positive rate', value: round((score.falsePositives.length / Math.max(1, unregisteredFlags)) * 100, 1), unit: '% of flags' },
    recallFigure('identity held-out recall registered people', heldOut.registered),
    recallFigure('identity held-out recall unregistered Latin-script names', heldOut.latinNames),
    { name: 'identity held-out false positives', value: heldOut.falsePositives.length, unit: 'flags', of: heldOut.flags, list: heldOut.falsePositives },
    { name: 'identity flags on the shipped example assessments', value: examples.length, unit: 'flags', note: 'no real names in them: every flag is a false positive', list: examples },
    { name: 'identity check per text p50', value: round(median(samples.full)), unit: 'ms', baseline: round(median(samples.registered)), baselineIs: 'registered names only' },
    { name: 'identity check per text p95', value: round(percentile(samples.full, 95)), unit: 'ms', baseline: round(percentile(samples.registered, 95)), baselineIs: 'registered names only' },
    { name: 'identity check of a long report p50', value: round(median(reportSamples)), unit: 'ms', characters: report.length },
    { name: 'identity check of a long report p95', value: round(percentile(reportSamples, 95)), unit: 'ms', characters: report.length },
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
