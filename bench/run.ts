// `npm run bench`: every figure as one JSON line {name, value, unit, ...}. Each suite compares
// against a baseline measured in the same run, so ratios stay meaningful on any machine.
import { run as diary } from './diary.bench';
import { run as indexing } from './indexing.bench';
import { run as kb } from './kb.bench';
import { run as scale } from './scale.bench';
import { run as exportsSuite } from './exports.bench';
import { run as identity } from './identity.bench';
import { run as shell } from './shell.bench';
import { run as vault } from './vault.bench';
import { run as fonts } from './fonts.bench';
import { run as submissions } from './submissions.bench';

export interface Figure {
  name: string;
  value: number;
  unit: string;
  [detail: string]: unknown;
}

const suites: Array<[string, () => Promise<Figure[]>]> = [
  ['shell', shell],
  ['vault', vault],
  ['fonts', fonts],
  ['kb', kb],
  ['diary', diary],
  ['indexing', indexing],
  ['exports', exportsSuite],
  ['identity', identity],
  // Minutes the first time (it fills a 100k vault), so only when asked: `npm run bench -- scale`.
  ['scale', scale],
  // Fills (or copies from the cache) a 10k-entry vault: `npm run bench -- submissions`.
  ['submissions', submissions],
];
const ON_REQUEST = new Set(['scale', 'submissions']);

const only = process.argv[2];
for (const [name, suite] of suites) {
  if (only ? only !== name : ON_REQUEST.has(name)) continue;
  const start = performance.now();
  try {
    for (const figure of await suite()) process.stdout.write(`${JSON.stringify({ suite: name, ...figure })}\n`);
    // On stderr, so the figures stay one JSON line each: which suites the time goes to.
    console.error(`bench suite ${name} took ${((performance.now() - start) / 1000).toFixed(0)} s`);
  } catch (error) {
    // One broken suite must not hide the others' figures.
    process.exitCode = 1;
    // fetch's "fetch failed" says why only in its cause (a refused or reset connection).
    const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
    console.error(`bench suite ${name} failed: ${error instanceof Error ? error.message : String(error)}${cause}`);
  }
}
